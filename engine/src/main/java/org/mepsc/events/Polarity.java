package org.mepsc.events;

/** Which way events deflect the trace: inward currents (EPSCs at rest) are negative. */
public enum Polarity {
    NEGATIVE(-1),
    POSITIVE(1);

    private final int sign;

    Polarity(int sign) {
        this.sign = sign;
    }

    /** -1 for negative-going events, +1 for positive-going ones. */
    public int sign() {
        return sign;
    }
}
