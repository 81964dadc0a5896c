package org.mepsc.filter;

import java.io.IOException;
import java.util.Arrays;
import org.mepsc.trace.Trace;

/**
 * A trace decimated by a {@link HalfBandDecimator}, computed directly from the source's samples:
 * each output is a fixed function of the samples around twice its index, whatever stretch is
 * read, so reads in any pieces give the same values. Past a level's ends its first or last sample
 * is repeated (no step, no ringing). Samples that are not finite spread to the outputs within the
 * kernel's reach; the banks after it replace them (callers exclude those stretches anyway). One
 * per thread.
 */
final class DecimatedTrace implements Trace {

    /** Outputs computed per piece: a piece's input levels stay within the core's caches. */
    private static final int PIECE = 4096;

    private final Trace source;
    private final int levels;
    private final float[][] taps;
    private final int[] reach;
    /** Samples at each level: 0 is the source, {@code levels} the output. */
    private final long[] length;
    private final float[][] buffers;
    private final long[] lo;
    private final long[] hi;
    private final long[] from;
    private final long[] to;

    DecimatedTrace(Trace source, HalfBandDecimator design) {
        this.source = source;
        this.levels = design.stages().size();
        this.taps = new float[levels][];
        this.reach = new int[levels];
        this.length = new long[levels + 1];
        length[0] = source.length();
        for (int j = 0; j < levels; j++) {
            double[] h = design.stages().get(j).pairTaps();
            taps[j] = new float[h.length];
            for (int p = 0; p < h.length; p++) {
                taps[j][p] = (float) h[p];
            }
            reach[j] = design.stages().get(j).reach();
            length[j + 1] = (length[j] + 1) / 2;
        }
        this.buffers = new float[levels + 1][];
        this.lo = new long[levels + 1];
        this.hi = new long[levels + 1];
        this.from = new long[levels + 1];
        this.to = new long[levels + 1];
    }

    @Override
    public double sampleRateHz() {
        return source.sampleRateHz() / (1 << levels);
    }

    @Override
    public long length() {
        return length[levels];
    }

    @Override
    public void read(long start, int count, float[] dst, int offset) throws IOException {
        checkRange(start, count);
        for (int done = 0; done < count; done += PIECE) {
            int n = Math.min(PIECE, count - done);
            piece(start + done, n);
            System.arraycopy(buffers[levels], 0, dst, offset + done, n);
        }
    }

    /**
     * Works out, from the output level down, which samples of each level are needed
     * ({@code [lo, hi)}) and which of them exist ({@code [from, to)}), then fills the levels upwards.
     */
    private void piece(long start, int count) throws IOException {
        from[levels] = start;
        to[levels] = start + count;
        for (int j = levels; j > 0; j--) {
            int r = reach[j - 1];
            lo[j - 1] = 2 * from[j] - r;
            hi[j - 1] = 2 * (to[j] - 1) + r + 1;
            from[j - 1] = Math.max(0, lo[j - 1]);
            to[j - 1] = Math.min(length[j - 1], hi[j - 1]);
        }
        lo[levels] = from[levels];
        hi[levels] = to[levels];
        float[] raw = buffer(0);
        source.read(from[0], (int) (to[0] - from[0]), raw, (int) (from[0] - lo[0]));
        repeatEnds(0);
        for (int j = 1; j <= levels; j++) {
            float[] out = buffer(j);
            halve(buffers[j - 1], (int) (2 * from[j] - lo[j - 1]), taps[j - 1], out, (int) (from[j] - lo[j]),
                    (int) (to[j] - from[j]));
            repeatEnds(j);
        }
    }

    private float[] buffer(int level) {
        int n = (int) (hi[level] - lo[level]);
        if (buffers[level] == null || buffers[level].length < n) {
            buffers[level] = new float[n];
        }
        return buffers[level];
    }

    /** Level samples before its first or after its last one are those samples. */
    private void repeatEnds(int level) {
        float[] b = buffers[level];
        int a = (int) (from[level] - lo[level]);
        int z = (int) (to[level] - lo[level]);
        Arrays.fill(b, 0, a, b[a]);
        Arrays.fill(b, z, (int) (hi[level] - lo[level]), b[z - 1]);
    }

    /**
     * {@code y[at + t] = x[base + 2t]/2 + Σ_p h_p·(x[base + 2t − 2p − 1] + x[base + 2t + 2p + 1])}
     * for {@code t < count}; eight outputs at a time, each with its own sum, so the additions do
     * not wait for one another.
     */
    private static void halve(float[] x, int base, float[] h, float[] y, int at, int count) {
        int pairs = h.length;
        int t = 0;
        for (; t + 8 <= count; t += 8) {
            int m = base + 2 * t;
            float a0 = 0.5f * x[m];
            float a1 = 0.5f * x[m + 2];
            float a2 = 0.5f * x[m + 4];
            float a3 = 0.5f * x[m + 6];
            float a4 = 0.5f * x[m + 8];
            float a5 = 0.5f * x[m + 10];
            float a6 = 0.5f * x[m + 12];
            float a7 = 0.5f * x[m + 14];
            for (int p = 0; p < pairs; p++) {
                float hp = h[p];
                int l = m - 2 * p - 1;
                int r = m + 2 * p + 1;
                a0 += hp * (x[l] + x[r]);
                a1 += hp * (x[l + 2] + x[r + 2]);
                a2 += hp * (x[l + 4] + x[r + 4]);
                a3 += hp * (x[l + 6] + x[r + 6]);
                a4 += hp * (x[l + 8] + x[r + 8]);
                a5 += hp * (x[l + 10] + x[r + 10]);
                a6 += hp * (x[l + 12] + x[r + 12]);
                a7 += hp * (x[l + 14] + x[r + 14]);
            }
            y[at + t] = a0;
            y[at + t + 1] = a1;
            y[at + t + 2] = a2;
            y[at + t + 3] = a3;
            y[at + t + 4] = a4;
            y[at + t + 5] = a5;
            y[at + t + 6] = a6;
            y[at + t + 7] = a7;
        }
        for (; t < count; t++) {
            int m = base + 2 * t;
            float a = 0.5f * x[m];
            for (int p = 0; p < pairs; p++) {
                a += h[p] * (x[m - 2 * p - 1] + x[m + 2 * p + 1]);
            }
            y[at + t] = a;
        }
    }
}
