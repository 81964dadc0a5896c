package org.mepsc.pipeline;

/**
 * Excluded full-rate stretches of a sweep with their reasons: the union decides what is left out,
 * the stretches of each reason only name it when a run reports its exclusions.
 */
final class Zones {

    private static final ExclusionReason[] REASONS = ExclusionReason.values();

    private final Intervals all = new Intervals();
    private final Intervals[] byReason = new Intervals[REASONS.length];

    void add(long start, long end, ExclusionReason reason) {
        if (end <= start) {
            return;
        }
        all.add(start, end);
        Intervals r = byReason[reason.ordinal()];
        if (r == null) {
            r = new Intervals();
            byReason[reason.ordinal()] = r;
        }
        r.add(start, end);
    }

    void merge() {
        all.merge();
        for (Intervals r : byReason) {
            if (r != null) {
                r.merge();
            }
        }
    }

    /** The union (after {@link #merge()}). */
    Intervals all() {
        return all;
    }

    /** A merged stretch clipped to a range: what a chunk reports. */
    interface PieceSink {
        void accept(long start, long end, ExclusionReason reason);
    }

    /**
     * Hands the union's stretches inside {@code [from, to)} to {@code sink}, clipped to it, in
     * order, each with the first reason whose own stretches overlap the clipped piece (after
     * {@link #merge()}).
     */
    void pieces(long from, long to, PieceSink sink) {
        for (int i = 0; i < all.size(); i++) {
            long a = Math.max(from, all.start(i));
            long b = Math.min(to, all.end(i));
            if (b <= a) {
                continue;
            }
            ExclusionReason why = ExclusionReason.SWEEP_EDGE;
            for (ExclusionReason r : REASONS) {
                Intervals own = byReason[r.ordinal()];
                if (own != null && own.overlaps(a, b)) {
                    why = r;
                    break;
                }
            }
            sink.accept(a, b, why);
        }
    }
}
