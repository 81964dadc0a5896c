package org.mepsc.detect;

/**
 * Finds events in a z-scored statistic: samples at or above the threshold that are the largest
 * within ±{@code refractory} samples (ties go to the earlier sample). The rule looks at a bounded
 * neighbourhood only, so a chunk with {@code refractory} samples of margin on each side finds
 * exactly the peaks a whole-trace run finds.
 */
public final class PeakPicker {

    private PeakPicker() {
    }

    /** Receives each peak: absolute position and z value. */
    @FunctionalInterface
    public interface PeakConsumer {
        void peak(long position, float z);
    }

    /**
     * Reports peaks with positions in {@code [from, to)}.
     *
     * @param z the statistic in z-units, covering at least {@code [from − refractory, to + refractory)}
     *     intersected with the trace
     * @param traceLength positions outside {@code [0, traceLength)} do not exist
     */
    public static void peaks(Window z, long from, long to, double threshold, int refractory, long traceLength, PeakConsumer out) {
        float[] d = z.data();
        long lo = Math.max(0, from);
        long hi = Math.min(traceLength, to);
        for (long p = lo; p < hi; p++) {
            int i = (int) (p - z.origin());
            float v = d[i];
            if (!(v >= threshold)) {
                continue;
            }
            if (isPeak(d, i, v, (int) Math.max(z.origin(), p - refractory) - (int) z.origin(),
                    (int) (Math.min(traceLength, p + refractory + 1) - z.origin()))) {
                out.peak(p, v);
            }
        }
    }

    private static boolean isPeak(float[] d, int i, float v, int lo, int hi) {
        for (int k = lo; k < i; k++) {
            if (d[k] >= v) {
                return false;
            }
        }
        for (int k = i + 1; k < hi; k++) {
            if (d[k] > v) {
                return false;
            }
        }
        return true;
    }
}
