package org.mepsc.pipeline;

import java.io.IOException;
import org.mepsc.trace.Trace;

/**
 * What counts as an artefact in the raw trace, and how far around it analysis stops. A sample is
 * an artefact if it is not finite; if it jumps from the previous sample by more than
 * {@code stepThreshold} (seal-test edges, voltage steps, electrical spikes: no synaptic current
 * changes that fast); or if it belongs to a run of at least {@code flatRun} identical samples at the
 * extreme of its neighbourhood (the amplifier or digitiser saturating). Every rule looks at a
 * bounded neighbourhood, so chunks find the same artefacts as a whole-trace scan.
 *
 * @param finding which samples are artefacts, and their scan
 * @param before samples excluded before an artefact besides its ringing (an event whose template
 *     window reaches the artefact would be disturbed)
 * @param after samples excluded after it besides its ringing (transients settling)
 * @param ringing how far the filters spread an artefact of a given size
 */
record ArtefactRules(Finding finding, int before, int after, Ringing ringing) {

    /** Receives the artefacts a scan finds: the full-rate index, the jump's size (∞ if none) and the reason. */
    @FunctionalInterface
    interface Found {
        void artefact(long at, double size, ExclusionReason reason);
    }

    /**
     * Which samples are artefacts, and the scan that finds them (how far their zones reach depends
     * on the filters, not on this): scans with equal findings find the same artefacts.
     *
     * @param enabled false to skip the steps and flat runs (non-finite samples are always excluded)
     * @param stepThreshold largest sample-to-sample change of a normal trace (trace units)
     * @param flatRun samples of identical value that make a saturated stretch (at least 8 and 0.5 ms:
     *     coarse digitisation repeats samples for shorter stretches)
     * @param extremeReach a saturated run is at the maximum or minimum within this many samples
     * @param flatDeviation ... and this far from the mean of the other values near it (a smooth,
     *     coarsely digitised trace repeats values too, but close to its mean)
     */
    record Finding(boolean enabled, double stepThreshold, int flatRun, int extremeReach, double flatDeviation) {

        /** Raw samples a {@link #scan} reads beyond its range on either side. */
        int lookAround() {
            return flatRun + extremeReach;
        }

        /**
         * Reads samples {@code [origin, origin + length)} into {@code raw} {@code piece} samples at a
         * time and scans {@code [from, to)} as it goes, each part as soon as the samples it looks at
         * ({@link #lookAround}) are in: the artefacts of one {@link #scan} after reading everything,
         * found while each piece is still in the cache.
         */
        void readAndScan(Trace source, float[] raw, long origin, int length, long from, long to, int piece, Found found)
                throws IOException {
            long scanned = from;
            for (int read = 0; read < length;) {
                int count = Math.min(length - read, piece);
                source.read(origin + read, count, raw, read);
                read += count;
                long upTo = read == length ? to : Math.min(to, origin + read - lookAround());
                if (upTo > scanned) {
                    scan(raw, origin, read, scanned, upTo, found);
                    scanned = upTo;
                }
            }
        }

        /**
         * Reports the artefacts at indices {@code [from, to)} to {@code found}, in no particular order
         * (a run of equal samples is judged when it ends).
         *
         * @param raw samples {@code [origin, origin + length)}, covering {@code [from − flatRun −
         *     extremeReach, to + flatRun + extremeReach)} where the trace has them
         */
        void scan(float[] raw, long origin, int length, long from, long to, Found found) {
            int lo = (int) Math.max(0, from - origin);
            int hi = (int) Math.min(length, to - origin);
            double threshold = enabled ? stepThreshold : Double.POSITIVE_INFINITY;
            // one pass: a jump, a non-finite sample or the end of a run of equal samples each take one
            // comparison in the common case; runs are followed a little beyond [lo, hi) to know their length
            int start = Math.max(1, lo - flatRun);
            int end = Math.min(length, hi + flatRun);
            if (lo == 0 && hi > 0 && !Float.isFinite(raw[0])) {
                found.artefact(origin, Double.POSITIVE_INFINITY, ExclusionReason.NON_FINITE);
            }
            int runStart = start - 1;
            // the common case, a value that changes by less than the threshold right after another
            // that changed, can end no run and make no zone: those stretches are only walked through
            boolean skipQuiet = flatRun >= 2;
            QuietWalk walk = QuietWalk.FASTEST;
            float quietThreshold = QuietWalk.floatThreshold(threshold);
            for (int i = start; i < end; i++) {
                if (skipQuiet && runStart == i - 1) {
                    i = walk.stop(raw, i, end, quietThreshold);
                    runStart = i - 1;
                    if (i == end) {
                        break;
                    }
                }
                float v = raw[i];
                float d = v - raw[i - 1];
                if (!(Math.abs(d) <= threshold) && i >= lo && i < hi) {
                    boolean finite = Float.isFinite(v);
                    if (!finite || Float.isFinite(raw[i - 1])) {
                        found.artefact(origin + i, finite ? Math.abs(d) : Double.POSITIVE_INFINITY,
                                finite ? ExclusionReason.JUMP : ExclusionReason.NON_FINITE);
                    }
                }
                // a run ends where the value changes; only long ones need a look, and the run's start
                // is updated without a branch (digitised traces repeat values unpredictably)
                if (i - runStart >= flatRun && d != 0) {
                    flatRun(raw, length, runStart, i, lo, hi, origin, found);
                }
                runStart = d != 0 ? i : runStart;
            }
            flatRun(raw, length, runStart, end, lo, hi, origin, found);
        }

        /** Flags the samples of the run {@code [a, b)} inside {@code [lo, hi)} if it is long and at an extreme. */
        private void flatRun(float[] raw, int length, int a, int b, int lo, int hi, long origin, Found found) {
            if (!enabled || b - a < flatRun || !Float.isFinite(raw[a])) {
                return;
            }
            for (int i = Math.max(a, lo); i < Math.min(b, hi); i++) {
                if (atExtreme(raw, length, i) && farFromTheRest(raw, length, i)) {
                    found.artefact(origin + i, Double.POSITIVE_INFINITY, ExclusionReason.SATURATION);
                }
            }
        }

        /** Whether the samples near {@code i} that differ from it lie on average far from it (or none differ). */
        private boolean farFromTheRest(float[] raw, int length, int i) {
            float v = raw[i];
            double sum = 0;
            int n = 0;
            for (int k = Math.max(0, i - extremeReach); k <= Math.min(length - 1, i + extremeReach); k++) {
                float w = raw[k];
                if (w != v && Float.isFinite(w)) {
                    sum += w;
                    n++;
                }
            }
            return n == 0 || Math.abs(v - sum / n) >= flatDeviation;
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

    /** Adds each artefact's zone to {@code zones}. */
    Found zonesInto(Zones zones) {
        return (at, size, reason) -> zones.add(at - before - ringing.before(size), at + after + ringing.after(size) + 1,
                reason);
    }

    /** Raw samples needed on each side of a range to find every artefact zone reaching into it. */
    int reach() {
        return Math.max(before + ringing.maxBefore(), after + ringing.maxAfter()) + finding.lookAround() + 1;
    }

    /** Flagged samples this far before a range can have zones reaching into it. */
    int zoneAfter() {
        return after + ringing.maxAfter();
    }

    /** Flagged samples this far after a range can have zones reaching into it. */
    int zoneBefore() {
        return before + ringing.maxBefore();
    }
}
