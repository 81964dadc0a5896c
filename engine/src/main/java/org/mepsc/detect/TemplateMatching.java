package org.mepsc.detect;

import java.util.List;
import org.mepsc.events.Polarity;
import org.mepsc.filter.Fir;

/**
 * Detectors that slide a template over the trace and fit {@code data ≈ scale·template + offset}
 * at each position. Fitting with an offset makes the template's mean irrelevant, so the template
 * is used with its mean removed; the cross-correlation Σ template·data then no longer sees the
 * baseline (it comes from the shared FFT), and the data sums Σx, Σx² slide along exactly.
 */
abstract class TemplateMatching implements Detector {

    private final double[] e;
    private final double sumSquares;
    private final int pre;

    /**
     * @param shape the template, sampled, positive-going, baseline first
     * @param pre samples of baseline before the onset in {@code shape}
     */
    TemplateMatching(double[] shape, int pre, Polarity polarity) {
        if (shape.length < 3) {
            throw new IllegalArgumentException("template too short: " + shape.length + " samples");
        }
        double mean = 0;
        for (double v : shape) {
            mean += v;
        }
        mean /= shape.length;
        e = new double[shape.length];
        double ss = 0;
        for (int i = 0; i < e.length; i++) {
            e[i] = polarity.sign() * (shape[i] - mean);
            ss += e[i] * e[i];
        }
        this.sumSquares = ss;
        this.pre = pre;
    }

    int length() {
        return e.length;
    }

    /** Σ e² of the centred, signed template. */
    double templateSquares() {
        return sumSquares;
    }

    @Override
    public List<Fir> kernels() {
        // correlation: out[n] = Σ_i e[i]·x[n+i], an FIR with h[-i] = e[i]
        double[] taps = new double[e.length];
        for (int i = 0; i < e.length; i++) {
            taps[e.length - 1 - i] = e[i];
        }
        return List.of(new Fir(taps, -(e.length - 1)));
    }

    @Override
    public int reachBefore() {
        return WindowSums.SYNC;
    }

    @Override
    public int reachAfter() {
        return e.length + 1;
    }

    @Override
    public double onsetOffset() {
        return pre;
    }

    @Override
    public void statistic(Window conditioned, List<Window> kernelOutputs, long from, int count, float[] out, int outOffset) {
        statistic(conditioned, kernelOutputs, from, count, out, outOffset, Float.NaN);
    }

    @Override
    public void statistic(Window conditioned, List<Window> kernelOutputs, long from, int count, float[] out,
            int outOffset, float floor) {
        Window corr = kernelOutputs.get(0);
        WindowSums sums = new WindowSums(e.length);
        int group = WindowSums.SYNC * WindowSums.SEGMENTS;
        double[] s1 = new double[group];
        double[] s2 = new double[group];
        float[] c = corr.data();
        long end = from + count;
        long pos = from;
        while (pos < end) {
            // the sums first (chains of additions), then the values (independent, so they pipeline)
            long grid = Math.floorDiv(pos, WindowSums.SYNC) * WindowSums.SYNC;
            long groupEnd = Math.min(end, grid + group);
            sums.run(conditioned, grid, (int) (groupEnd - grid), s1, s2);
            values(c, (int) (pos - corr.origin()), s1, s2, (int) (pos - grid), (int) (groupEnd - pos), out,
                    outOffset + (int) (pos - from), floor);
            pos = groupEnd;
        }
    }

    /**
     * The statistic at {@code n} consecutive positions from the correlations {@code corr[at..]} and
     * the window sums Σx ({@code s1[first..]}) and Σx² ({@code s2[first..]}) there, which it may
     * overwrite (they are the caller's scratch, filled again for every group of segments). Values
     * below {@code floor} may be written as any value below it (NaN: every value exactly).
     */
    abstract void values(float[] corr, int at, double[] s1, double[] s2, int first, int n, float[] out, int outOffset,
            float floor);

    /** Σ(x − mean)² over a window from its sums, never negative. */
    final double centredSquares(double s1, double s2) {
        return Math.max(0, s2 - s1 * s1 / e.length);
    }

}
