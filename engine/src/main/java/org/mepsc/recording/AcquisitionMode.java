package org.mepsc.recording;

/** How the samples were acquired; named as pCLAMP names its operation modes. */
public enum AcquisitionMode {
    GAP_FREE("gap-free"),
    EPISODIC("episodic"),
    EVENT_DRIVEN_VARIABLE("event-driven variable-length"),
    EVENT_DRIVEN_FIXED("event-driven fixed-length"),
    OSCILLOSCOPE("oscilloscope"),
    UNKNOWN("unknown");

    private final String label;

    AcquisitionMode(String label) {
        this.label = label;
    }

    /** The lower-case label used in {@code info} output and JSON. */
    public String label() {
        return label;
    }
}
