package org.mepsc.filter;

import java.util.ArrayList;
import java.util.List;
import org.jtransforms.fft.DoubleFFT_1D;

/**
 * The fixed part of a {@link SpectralBank}: block geometry and the spectra of its output filters.
 * Immutable and shared by all workers.
 *
 * <p>Blocks sit at fixed absolute positions: block {@code b} produces outputs
 * {@code [b·V, (b+1)·V)} (full-rate indices, every {@code D}-th kept) from input samples
 * starting at {@code b·V − last}, whatever part of the trace a caller asks for. That is why
 * results do not depend on how a trace is chunked.
 */
public final class BankDesign {

    private final int blockSize;
    private final int decimation;
    private final int valid;
    private final int last;
    private final List<double[]> spectra;
    private final boolean[] identity;

    private BankDesign(int blockSize, int decimation, int valid, int last, List<double[]> spectra, boolean[] identity) {
        this.blockSize = blockSize;
        this.decimation = decimation;
        this.valid = valid;
        this.last = last;
        this.spectra = spectra;
        this.identity = identity;
    }

    /**
     * @param filters one FIR per output, at the input's rate; each must be band-limited below the
     *     output Nyquist frequency when {@code decimation > 1}
     * @param decimation keep every {@code decimation}-th output sample (a power of two)
     * @param traceLength samples of the traces the bank will serve (bounds the block size)
     */
    public static BankDesign of(List<Fir> filters, int decimation, long traceLength) {
        if (decimation < 1 || Integer.bitCount(decimation) != 1) {
            throw new IllegalArgumentException("decimation must be a power of two, got " + decimation);
        }
        int first = Integer.MAX_VALUE;
        int last = Integer.MIN_VALUE;
        for (Fir f : filters) {
            first = Math.min(first, f.first());
            last = Math.max(last, f.last());
        }
        last = Math.max(0, ceilTo(last, decimation));
        first = Math.min(first, last);
        int span = last - first;
        int n = BlockSizing.choose(span, traceLength, decimation);
        int valid = (n - span) / decimation * decimation;
        int m = n / decimation;
        DoubleFFT_1D fft = Fft.real(n);
        List<double[]> spectra = new ArrayList<>();
        boolean[] identity = new boolean[filters.size()];
        for (int index = 0; index < filters.size(); index++) {
            Fir f = filters.get(index);
            identity[index] = decimation == 1 && f.length() == 1 && f.first() == 0 && f.tap(0) == 1;
            double[] a = new double[n];
            for (int j = f.first(); j <= f.last(); j++) {
                a[Math.floorMod(j, n)] += f.tap(j);
            }
            fft.realForward(a);
            // bins 0..m/2 as interleaved re, im; JTransforms' unscaled real inverse returns n/2 times
            // the inverse DFT, so 2/N makes the small inverse exact
            double[] s = new double[m + 2];
            for (int k = 0; k <= m / 2; k++) {
                double re;
                double im;
                if (k == 0) {
                    re = a[0];
                    im = 0;
                } else if (2 * k == n) {
                    re = a[1];
                    im = 0;
                } else {
                    re = a[2 * k];
                    im = a[2 * k + 1];
                }
                s[2 * k] = 2 * re / n;
                s[2 * k + 1] = 2 * im / n;
            }
            spectra.add(s);
        }
        return new BankDesign(n, decimation, valid, last, List.copyOf(spectra), identity);
    }

    private static int ceilTo(int v, int d) {
        return Math.floorDiv(v + d - 1, d) * d;
    }

    /** FFT size, in input samples. */
    public int blockSize() {
        return blockSize;
    }

    public int decimation() {
        return decimation;
    }

    /** Input-rate samples each block contributes (a multiple of the decimation). */
    public int validPerBlock() {
        return valid;
    }

    /** The largest tap index over all outputs: how far back of an output its inputs reach. */
    public int lastTap() {
        return last;
    }

    public int outputs() {
        return spectra.size();
    }

    /** Whether output {@code k} is the input itself (served without a transform). */
    boolean identity(int k) {
        return identity[k];
    }

    /** Bins {@code 0..m/2} of output {@code k}'s response as re, im pairs, scaled by 2/N. */
    double[] spectrum(int k) {
        return spectra.get(k);
    }
}
