package org.mepsc.filter;

import org.jtransforms.fft.DoubleFFT_1D;
import org.visnow.jlargearrays.ConcurrencyUtils;

/**
 * JTransforms real FFTs, kept on the calling thread: for designing filters and for spectra. The
 * filter banks' transforms, which are most of a detection pass, are mepsc's own ({@link RowFft}).
 *
 * <p>JTransforms starts its own threads above a size threshold, which made large transforms
 * slower per sample on a busy machine; mepsc parallelises over chunks instead, so the library is
 * told to use one thread. The packing is JTransforms': {@code a[0]} = Re X[0], {@code a[1]} =
 * Re X[n/2], {@code a[2k], a[2k+1]} = Re, Im X[k] for {@code 0 < k < n/2}; forward is
 * {@code X[k] = Σ x[j] e^{-2πijk/n}}; the unscaled inverse returns n/2 times the inverse DFT.
 */
public final class Fft {

    static {
        ConcurrencyUtils.setNumberOfThreads(1);
    }

    private Fft() {
    }

    /** A transform of {@code n} real points (n a power of two), for one thread's use. */
    public static DoubleFFT_1D real(int n) {
        if (n < 2 || Integer.bitCount(n) != 1) {
            throw new IllegalArgumentException("FFT size must be a power of two >= 2, got " + n);
        }
        return new DoubleFFT_1D(n);
    }

    /** The smallest power of two at least {@code n}. */
    public static int nextPowerOfTwo(long n) {
        if (n > (1 << 30)) {
            throw new IllegalArgumentException("FFT size too large: " + n);
        }
        int p = 1;
        while (p < n) {
            p <<= 1;
        }
        return p;
    }
}
