package org.mepsc.filter;

/**
 * Turns a frequency response into a finite impulse response: the response is sampled on a grid
 * fine enough that its impulse response has died away well before the grid wraps, transformed
 * back, and cut where the taps fall below {@code tolerance} times the largest.
 */
public final class FirDesign {

    /** Longest impulse response accepted (samples): about 21 s at 50 kHz. */
    public static final int MAX_GRID = 1 << 21;

    private FirDesign() {
    }

    public static Fir fromResponse(FrequencyResponse response, double sampleRateHz, double tolerance) {
        double[] sampled = null;
        for (int grid = 1 << 12; grid <= MAX_GRID; grid <<= 1) {
            sampled = sampled(response, sampleRateHz, grid, sampled);
            double[] a = sampled.clone();
            Fft.real(grid).realInverse(a, true);
            double max = 0;
            for (double v : a) {
                max = Math.max(max, Math.abs(v));
            }
            if (max == 0) {
                return new Fir(new double[] {0}, 0);
            }
            double cut = tolerance * max;
            // the quarter of the grid around the wrap point must be negligible, else the grid is too short
            boolean tailsQuiet = true;
            for (int i = grid * 3 / 8; i < grid * 5 / 8; i++) {
                if (Math.abs(a[i]) > cut) {
                    tailsQuiet = false;
                    break;
                }
            }
            if (!tailsQuiet) {
                continue;
            }
            int lo = -grid / 2;
            while (Math.abs(a[Math.floorMod(lo, grid)]) <= cut) {
                lo++;
            }
            int hi = grid / 2 - 1;
            while (Math.abs(a[Math.floorMod(hi, grid)]) <= cut) {
                hi--;
            }
            double[] taps = new double[hi - lo + 1];
            for (int j = lo; j <= hi; j++) {
                taps[j - lo] = a[Math.floorMod(j, grid)];
            }
            return new Fir(taps, lo);
        }
        throw new IllegalArgumentException("filter impulse response longer than " + MAX_GRID
                + " samples at " + sampleRateHz + " Hz; choose a less narrow filter");
    }

    /**
     * For responses estimated from data (a measured spectrum): the impulse response on a grid of
     * at least 4·{@code halfLength}, multiplied by a Tukey window that is flat to half of
     * {@code halfLength} and falls to 0 at {@code ±halfLength}; the window smooths the estimate's
     * bin-to-bin scatter and bounds the kernel. The gain at 0 Hz is kept exact.
     */
    public static Fir windowed(FrequencyResponse response, double sampleRateHz, int halfLength) {
        int grid = Fft.nextPowerOfTwo(Math.max(1 << 12, 4L * halfLength));
        double[] a = impulseResponse(response, sampleRateHz, grid);
        double[] z = new double[2];
        double[] taps = new double[2 * halfLength + 1];
        double[] window = new double[taps.length];
        double sum = 0;
        double windowSum = 0;
        for (int j = -halfLength; j <= halfLength; j++) {
            double r = Math.abs(j) / (double) halfLength;
            double w = r <= 0.5 ? 1 : 0.5 + 0.5 * Math.cos(Math.PI * (r - 0.5) / 0.5);
            window[j + halfLength] = w;
            taps[j + halfLength] = w * a[Math.floorMod(j, grid)];
            sum += taps[j + halfLength];
            windowSum += w;
        }
        // windowing smears the response near 0 Hz; restore the exact DC gain (0 for a band-pass,
        // so that baseline and slow drift cannot leak through)
        response.at(0, z);
        double correction = (sum - z[0]) / windowSum;
        for (int i = 0; i < taps.length; i++) {
            taps[i] -= correction * window[i];
        }
        return new Fir(taps, -halfLength);
    }

    /** The response sampled on {@code grid} frequencies and transformed back (circular: index −j is grid − j). */
    private static double[] impulseResponse(FrequencyResponse response, double sampleRateHz, int grid) {
        double[] a = sampled(response, sampleRateHz, grid, null);
        Fft.real(grid).realInverse(a, true);
        return a;
    }

    /**
     * The response at frequencies {@code k·fs/grid}, k = 0 … grid/2, packed as a real inverse FFT
     * takes them. A grid twice {@code coarser}'s length shares every other frequency with it, bit
     * for bit (k·fs/g and 2k·fs/2g round alike: doubling is exact), so those values are copied from
     * {@code coarser} (null: none) rather than evaluated again.
     */
    static double[] sampled(FrequencyResponse response, double sampleRateHz, int grid, double[] coarser) {
        double[] z = new double[2];
        double[] a = new double[grid];
        boolean reuse = coarser != null && coarser.length * 2 == grid;
        for (int k = 0; k <= grid / 2; k++) {
            if (reuse && k % 2 == 0 && k > 0 && k < grid / 2) {
                // the coarser grid's inner bin k/2 (k < grid/2 keeps it below that grid's Nyquist
                // bin, which is stored without its imaginary part)
                a[2 * k] = coarser[k];
                a[2 * k + 1] = coarser[k + 1];
                continue;
            }
            response.at(k * sampleRateHz / grid, z);
            if (k == 0) {
                a[0] = z[0];
            } else if (k == grid / 2) {
                a[1] = z[0];
            } else {
                a[2 * k] = z[0];
                a[2 * k + 1] = z[1];
            }
        }
        return a;
    }
}
