package org.mepsc.filter;

/**
 * {@link Butterflies} in plain loops, one radix-2 stage at a time. (A radix-4 butterfly touches
 * eight arrays, and C2 in Java 17 vectorises no loop over that many.)
 */
final class ScalarButterflies implements Butterflies {

    @Override
    public void dif(float[][] re, float[][] im, int count, int length, float[] wRe, float[] wIm) {
        for (int h = count / 2, step = 1; h >= 1; h /= 2, step *= 2) {
            for (int g = 0; g < count; g += 2 * h) {
                for (int j = 0; j < h; j++) {
                    butterfly(re[g + j], im[g + j], re[g + j + h], im[g + j + h], wRe[j * step], wIm[j * step], 0, length);
                }
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
