package org.mepsc.detect;

/**
 * Sums of {@code x} and {@code x²} over a sliding window of {@code length} samples, for the
 * template detectors. To keep every value a function of its position alone (not of where a run
 * started), the positions are cut into segments of {@link #SYNC} at its multiples: a segment's
 * first sums are taken directly, and each next position's slide one sample from there,
 * {@code a += x[p + length] − x[p]} and {@code b += x[p + length]² − x[p]²}.
 *
 * <p>Within a segment that is a chain of additions, each waiting for the one before (four cycles
 * a position on the development machine). The chains of different segments do not depend on each
 * other, so {@link #run} advances {@link #SEGMENTS} of them in one loop, where their additions
 * overlap; every sum is still computed by the same operations in the same order.
 */
final class WindowSums {

    static final int SYNC = 512;
    /** Segments whose chains run side by side. */
    static final int SEGMENTS = 4;

    private final int length;

    WindowSums(int length) {
        this.length = length;
    }

    /**
     * Writes the sums of the windows starting at positions {@code grid … grid + count − 1}
     * ({@code grid} a multiple of {@link #SYNC}) into {@code sums[0..count)} and
     * {@code squares[0..count)}.
     */
    void run(Window x, long grid, int count, double[] sums, double[] squares) {
        float[] d = x.data();
        int at = (int) (grid - x.origin());
        int done = 0;
        for (; count - done >= SEGMENTS * SYNC; done += SEGMENTS * SYNC) {
            fourSegments(d, at + done, sums, squares, done);
        }
        for (; done < count; done += SYNC) {
            segment(d, at + done, Math.min(SYNC, count - done), sums, squares, done);
        }
    }

    /** One segment of {@code n} positions from {@code d[at]}, into {@code sums[to..]} and {@code squares[to..]}. */
    private void segment(float[] d, int at, int n, double[] sums, double[] squares, int to) {
        double a = 0;
        double b = 0;
        for (int j = 0; j < length; j++) {
            double v = d[at + j];
            a += v;
            b += v * v;
        }
        int entering = at + length;
        for (int i = 0; i < n - 1; i++) {
            sums[to + i] = a;
            squares[to + i] = b;
            double out = d[at + i];
            double in = d[entering + i];
            a += in - out;
            b += in * in - out * out;
        }
        sums[to + n - 1] = a;
        squares[to + n - 1] = b;
    }

    /** Four whole segments from {@code d[at]}: {@link #segment}'s operations, four chains at a time. */
    private void fourSegments(float[] d, int at, double[] sums, double[] squares, int to) {
        int at1 = at + SYNC;
        int at2 = at + 2 * SYNC;
        int at3 = at + 3 * SYNC;
        double a0 = 0;
        double a1 = 0;
        double a2 = 0;
        double a3 = 0;
        double b0 = 0;
        double b1 = 0;
        double b2 = 0;
        double b3 = 0;
        for (int j = 0; j < length; j++) {
            double v0 = d[at + j];
            double v1 = d[at1 + j];
            double v2 = d[at2 + j];
            double v3 = d[at3 + j];
            a0 += v0;
            a1 += v1;
            a2 += v2;
            a3 += v3;
            b0 += v0 * v0;
            b1 += v1 * v1;
            b2 += v2 * v2;
            b3 += v3 * v3;
        }
        int to1 = to + SYNC;
        int to2 = to + 2 * SYNC;
        int to3 = to + 3 * SYNC;
        for (int i = 0; i < SYNC - 1; i++) {
            sums[to + i] = a0;
            sums[to1 + i] = a1;
            sums[to2 + i] = a2;
            sums[to3 + i] = a3;
            squares[to + i] = b0;
            squares[to1 + i] = b1;
            squares[to2 + i] = b2;
            squares[to3 + i] = b3;
            double out0 = d[at + i];
            double out1 = d[at1 + i];
            double out2 = d[at2 + i];
            double out3 = d[at3 + i];
            double in0 = d[at + length + i];
            double in1 = d[at1 + length + i];
            double in2 = d[at2 + length + i];
            double in3 = d[at3 + length + i];
            a0 += in0 - out0;
            a1 += in1 - out1;
            a2 += in2 - out2;
            a3 += in3 - out3;
            b0 += in0 * in0 - out0 * out0;
            b1 += in1 * in1 - out1 * out1;
            b2 += in2 * in2 - out2 * out2;
            b3 += in3 * in3 - out3 * out3;
        }
        int last = SYNC - 1;
        sums[to + last] = a0;
        sums[to1 + last] = a1;
        sums[to2 + last] = a2;
        sums[to3 + last] = a3;
        squares[to + last] = b0;
        squares[to1 + last] = b1;
        squares[to2 + last] = b2;
        squares[to3 + last] = b3;
    }
}
