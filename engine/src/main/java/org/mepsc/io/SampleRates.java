package org.mepsc.io;

/**
 * The sample rates a recording can have (the NWB and raw readers refuse others; the other formats
 * store an interval that their readers check is positive and finite). A rate outside them is a
 * damaged header or attribute, not a recording: no amplifier digitises a trace more slowly than
 * once in 1,000 s or faster than 100 MHz, and a rate near zero (a denormal from a corrupted float)
 * would make the sweep last forever.
 */
public final class SampleRates {

    public static final double MIN_HZ = 1e-3;
    public static final double MAX_HZ = 1e8;

    private SampleRates() {
    }

    /** Whether {@code hz} is a rate a recording can have. */
    public static boolean plausible(double hz) {
        return hz >= MIN_HZ && hz <= MAX_HZ;
    }
}
