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
    /** Scratch of {@link #halve}: the odd input samples, the sums, and the two shifted copies. */
    private float[] odd = new float[0];
    private float[] sum = new float[0];
    private float[] before = new float[0];
    private float[] after = new float[0];

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
        this.buffers = new float[levels][];
        this.lo = new long[levels];
        this.hi = new long[levels];
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
            piece(start + done, Math.min(PIECE, count - done), dst, offset + done);
        }
    }

    /**
     * Works out, from the output level down, which samples of each level are needed
     * ({@code [lo, hi)}) and which of them exist ({@code [from, to)}), then fills the levels upwards,
     * the last one straight into {@code dst}.
     */
    private void piece(long start, int count, float[] dst, int offset) throws IOException {
        from[levels] = start;
        to[levels] = start + count;
        for (int j = levels; j > 0; j--) {
            int r = reach[j - 1];
            lo[j - 1] = 2 * from[j] - r;
            hi[j - 1] = 2 * (to[j] - 1) + r + 1;
            from[j - 1] = Math.max(0, lo[j - 1]);
            to[j - 1] = Math.min(length[j - 1], hi[j - 1]);
        }
        float[] raw = buffer(0);
        source.read(from[0], (int) (to[0] - from[0]), raw, (int) (from[0] - lo[0]));
        repeatEnds(0);
        for (int j = 1; j < levels; j++) {
            halve(buffers[j - 1], (int) (2 * from[j] - lo[j - 1]), taps[j - 1], buffer(j), (int) (from[j] - lo[j]),
                    (int) (to[j] - from[j]));
            repeatEnds(j);
        }
        halve(buffers[levels - 1], (int) (2 * start - lo[levels - 1]), taps[levels - 1], dst, offset, count);
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
     * for {@code t < count}, one pair of taps at a time over all the outputs. The odd samples are
     * gathered once; each pair then reads two copies of them shifted into step with the outputs, so
     * that every array in the inner loop is indexed alike, which is what lets the compiler vectorise
     * it (Java 17 does not vectorise a loop that reads one array at two offsets). The sums are added
     * in the same order as one output at a time would add them, so the values are the same.
     */
    private void halve(float[] x, int base, float[] h, float[] y, int at, int count) {
        int pairs = h.length;
        int span = count + 2 * pairs - 1;
        if (odd.length < span) {
            odd = new float[span];
        }
        if (sum.length < count) {
            sum = new float[count];
            before = new float[count];
            after = new float[count];
        }
        // odd[k] = x[base + 2k − (2·pairs − 1)]: output t's taps −(2p+1) and +(2p+1) are
        // odd[t + pairs − 1 − p] and odd[t + pairs + p]
        int first = base - (2 * pairs - 1);
        for (int k = 0; k < span; k++) {
            odd[k] = x[first + 2 * k];
        }
        for (int t = 0; t < count; t++) {
            sum[t] = 0.5f * x[base + 2 * t];
        }
        for (int p = 0; p < pairs; p++) {
            System.arraycopy(odd, pairs - 1 - p, before, 0, count);
            System.arraycopy(odd, pairs + p, after, 0, count);
            float hp = h[p];
            for (int t = 0; t < count; t++) {
                sum[t] += hp * (before[t] + after[t]);
            }
        }
        System.arraycopy(sum, 0, y, at, count);
    }
}
