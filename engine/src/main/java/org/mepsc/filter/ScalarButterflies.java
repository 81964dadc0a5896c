package org.mepsc.filter;

/**
 * {@link Butterflies} in plain loops, one radix-2 stage at a time. (A radix-4 butterfly touches
 * eight arrays, and C2 in Java 17 vectorises no loop over that many.)
 */
final class ScalarButterflies implements Butterflies {

    /**
     * Floats of a group of rows (both parts) that stay in a core's L1 data cache (48 KiB on the
     * development machine) while the group's later stages run.
     */
    static final int CACHED_FLOATS = 1 << 13;

    /**
     * The stages whose groups of {@code 2h} rows are larger than {@link #CACHED_FLOATS} pass over all
     * the rows, one stage at a time; the rest run group by group, so each group's rows stay cached
     * through all of them (about 10 % faster for the banks' transforms). A group's stages read only
     * its own rows, so every butterfly gets the same inputs as in stage order.
     */
    @Override
    public void dif(float[][] re, float[][] im, int count, int length, float[] wRe, float[] wIm) {
        int h = count / 2;
        int step = 1;
        for (; h >= 1 && 4L * h * length > CACHED_FLOATS; h /= 2, step *= 2) {
            stage(re, im, 0, count, h, step, length, wRe, wIm);
        }
        for (int g = 0; h >= 1 && g < count; g += 2 * h) {
            for (int s = h, st = step; s >= 1; s /= 2, st *= 2) {
                stage(re, im, g, g + 2 * h, s, st, length, wRe, wIm);
            }
        }
    }

    /** Stage {@code h} (twiddle stride {@code step}) on rows {@code [from, to)}, whole groups of {@code 2h}. */
    private static void stage(float[][] re, float[][] im, int from, int to, int h, int step, int length, float[] wRe,
            float[] wIm) {
        for (int g = from; g < to; g += 2 * h) {
            for (int j = 0; j < h; j++) {
                butterfly(re[g + j], im[g + j], re[g + j + h], im[g + j + h], wRe[j * step], wIm[j * step], 0, length);
            }
        }
    }

    /**
     * a, b ← a + b, (a − b)·w over lanes {@code from..to}, also for w = 1 (a loop of its own for the
     * first butterfly of each group kept C2 from vectorising either). The imaginary part is written
     * {@code t·wi − u·(−wr)}, which is {@code t·wi + u·wr} exactly: in the plain form C2 (Java 17)
     * takes the two products by {@code wr} for one pattern and does not vectorise the loop.
     */
    static void butterfly(float[] ar, float[] ai, float[] br, float[] bi, float wr, float wi, int from, int to) {
        float negativeWr = -wr;
        for (int i = from; i < to; i++) {
            float xr = ar[i];
            float xi = ai[i];
            float yr = br[i];
            float yi = bi[i];
            ar[i] = xr + yr;
            ai[i] = xi + yi;
            float t = xr - yr;
            float u = xi - yi;
            br[i] = t * wr - u * wi;
            bi[i] = t * wi - u * negativeWr;
        }
    }
}
