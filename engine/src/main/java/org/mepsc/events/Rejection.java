package org.mepsc.events;

/** Why a detected candidate is not counted as an event; the CSV writes {@link #label()}. */
public enum Rejection {
    /** The trace does not deflect the right way after the onset. */
    NO_PEAK("no_peak"),
    /** Amplitude below the floor (a fraction of the noise, or the user's floor). */
    AMPLITUDE_BELOW_FLOOR("amplitude_below_floor"),
    /** 10–90 % rise missing or too slow for a synaptic event with this template. */
    RISE_IMPLAUSIBLE("rise_implausible"),
    /** No exponential decay, or one far outside the template's. */
    DECAY_IMPLAUSIBLE("decay_implausible");

    private final String label;

    Rejection(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
