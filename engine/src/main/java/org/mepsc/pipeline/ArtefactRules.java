package org.mepsc.pipeline;

/**
 * What counts as an artefact in the raw trace, and how far around it analysis stops. A sample is
 * an artefact if it is not finite; if it jumps from the previous sample by more than
 * {@code stepThreshold} (seal-test edges, voltage steps, electrical spikes: no synaptic current
 * changes that fast); or if it belongs to a run of at least {@code flatRun} identical samples at the
 * extreme of its neighbourhood (the amplifier or digitiser saturating). Every rule looks at a
 * bounded neighbourhood, so chunks find the same artefacts as a whole-trace scan.
 *
 * @param enabled false to skip the steps and flat runs (non-finite samples are always excluded)
 * @param stepThreshold largest sample-to-sample change of a normal trace (trace units)
 * @param flatRun samples of identical value that make a saturated stretch
 * @param extremeReach a saturated run is at the maximum or minimum within this many samples
 * @param before samples excluded before an artefact besides its ringing (an event whose template
 *     window reaches the artefact would be disturbed)
 * @param after samples excluded after it besides its ringing (transients settling)
 * @param ringing how far the filters spread an artefact of a given size
 */
record ArtefactRules(boolean enabled, double stepThreshold, int flatRun, int extremeReach, int before, int after, Ringing ringing) {

    /** Raw samples needed on each side of a range to find every artefact zone reaching into it. */
    int reach() {
        return Math.max(before + ringing.maxBefore(), after + ringing.maxAfter()) + flatRun + extremeReach + 1;
    }

    /** Flagged samples this far before a range can have zones reaching into it. */
    int zoneAfter() {
        return after + ringing.maxAfter();
    }

    /** Flagged samples this far after a range can have zones reaching into it. */
    int zoneBefore() {
        return before + ringing.maxBefore();
    }

    /**
     * Adds the zones of the artefacts found at indices {@code [from, to)} to {@code zones}.
     *
     * @param raw samples {@code [origin, origin + length)}, covering {@code [from − flatRun −
     *     extremeReach, to + flatRun + extremeReach)} where the trace has them
     */
    void scan(float[] raw, long origin, int length, long from, long to, Intervals zones) {
        int lo = (int) Math.max(0, from - origin);
        int hi = (int) Math.min(length, to - origin);
        for (int i = lo; i < hi; i++) {
            float v = raw[i];
            if (!Float.isFinite(v)) {
                zone(origin + i, Double.POSITIVE_INFINITY, zones);
            } else if (enabled && i > 0 && Float.isFinite(raw[i - 1]) && Math.abs(v - raw[i - 1]) > stepThreshold) {
                zone(origin + i, Math.abs(v - raw[i - 1]), zones);
            }
        }
        if (!enabled) {
            return;
        }
        // runs of identical samples, found in one pass; only their samples are checked further
        int a = Math.max(0, lo - flatRun);
        int end = Math.min(length, hi + flatRun);
        while (a < end) {
            int b = a + 1;
            while (b < end && raw[b] == raw[a]) {
                b++;
            }
            if (b - a >= flatRun && Float.isFinite(raw[a])) {
                for (int i = Math.max(a, lo); i < Math.min(b, hi); i++) {
                    if (atExtreme(raw, length, i)) {
                        zone(origin + i, Double.POSITIVE_INFINITY, zones);
                    }
                }
            }
            a = b;
        }
    }

    private void zone(long at, double size, Intervals zones) {
        zones.add(at - before - ringing.before(size), at + after + ringing.after(size) + 1);
    }

    private boolean atExtreme(float[] raw, int length, int i) {
        float v = raw[i];
        boolean max = true;
        boolean min = true;
        int lo = Math.max(0, i - extremeReach);
        int hi = Math.min(length - 1, i + extremeReach);
        for (int k = lo; k <= hi && (max || min); k++) {
            float w = raw[k];
            if (w > v) {
                max = false;
            }
            if (w < v) {
                min = false;
            }
        }
        return max || min;
    }
}
