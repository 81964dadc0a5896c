package org.mepsc.score;

/** Which times detections and true events are matched on. */
public enum MatchOn {
    /** Peak times when both lists have them, otherwise onset times. */
    AUTO,
    PEAK,
    ONSET;

    /**
     * The key to use for two lists.
     *
     * @throws IllegalArgumentException if the lists share no kind of time
     */
    MatchOn resolve(EventList a, EventList b) {
        switch (this) {
            case PEAK:
                if (!a.hasPeaks() || !b.hasPeaks()) {
                    throw new IllegalArgumentException("cannot match on peak times: " + missing(a, b, true)
                            + " has none");
                }
                return PEAK;
            case ONSET:
                if (!a.hasOnsets() || !b.hasOnsets()) {
                    throw new IllegalArgumentException("cannot match on onset times: " + missing(a, b, false)
                            + " has none");
                }
                return ONSET;
            default:
                if (a.hasPeaks() && b.hasPeaks()) {
                    return PEAK;
                }
                if (a.hasOnsets() && b.hasOnsets()) {
                    return ONSET;
                }
                throw new IllegalArgumentException("cannot match: " + label(a) + " has only "
                        + (a.hasPeaks() ? "peak" : "onset") + " times and " + label(b) + " only "
                        + (b.hasPeaks() ? "peak" : "onset") + " times");
        }
    }

    private static String missing(EventList a, EventList b, boolean peak) {
        boolean aMissing = peak ? !a.hasPeaks() : !a.hasOnsets();
        return label(aMissing ? a : b);
    }

    private static String label(EventList e) {
        return e.name().isEmpty() ? "one list" : e.name();
    }
}
