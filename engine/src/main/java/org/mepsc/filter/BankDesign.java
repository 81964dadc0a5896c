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
 * results do not depend on how a trace is chunked. The bank transforms blocks two at a time, the
 * even block as the real part and the odd one as the imaginary part of one complex transform
 * ({@link RowFft}); the pairs are fixed too.
 *
 * <p>Each output's response is kept as the small inverse transform needs it: the bins below the
 * output's Nyquist frequency, {@code [0, m/2)} and {@code [N − m/2, N)} for {@code m = N/D}, in
 * the forward transform's row layout, scaled by {@code 1/N}.
 */
public final class BankDesign {

    private final int blockSize;
    private final int decimation;
    private final int valid;
    private final int last;
    private final int rows;
    private final List<float[][]> spectraRe;
    private final List<float[][]> spectraIm;
    private final boolean[] identity;

    private BankDesign(int blockSize, int decimation, int valid, int last, int rows, List<float[][]> spectraRe,
            List<float[][]> spectraIm, boolean[] identity) {
        this.blockSize = blockSize;
        this.decimation = decimation;
        this.valid = valid;
        this.last = last;
        this.rows = rows;
        this.spectraRe = spectraRe;
        this.spectraIm = spectraIm;
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
        int rows = rowsFor(n, m);
        int lanes = n / rows;
        int smallRows = m / rows;
        DoubleFFT_1D fft = Fft.real(n);
        List<float[][]> spectraRe = new ArrayList<>();
        List<float[][]> spectraIm = new ArrayList<>();
        boolean[] identity = new boolean[filters.size()];
        for (int index = 0; index < filters.size(); index++) {
            Fir f = filters.get(index);
            identity[index] = decimation == 1 && f.length() == 1 && f.first() == 0 && f.tap(0) == 1;
            double[] a = new double[n];
            for (int j = f.first(); j <= f.last(); j++) {
                a[Math.floorMod(j, n)] += f.tap(j);
            }
            fft.realForward(a);
            float[][] re = new float[smallRows][rows];
            float[][] im = new float[smallRows][rows];
            for (int i = 0; i < smallRows; i++) {
                int row = keptRow(i, lanes, smallRows);
                for (int l = 0; l < rows; l++) {
                    int k = row * rows + l;
                    re[i][l] = (float) (real(a, n, k) / n);
                    im[i][l] = (float) (imaginary(a, n, k) / n);
                }
            }
            spectraRe.add(re);
            spectraIm.add(im);
        }
        return new BankDesign(n, decimation, valid, last, rows, List.copyOf(spectraRe), List.copyOf(spectraIm), identity);
    }

    /**
     * The forward transform's rows (its output's lanes): near √N, where both of its steps have
     * long rows, but at most {@code m/8}, so that the bins an output keeps are whole rows and the
     * small inverse has at least eight rows.
     */
    static int rowsFor(int n, int m) {
        int balanced = 1 << (Integer.numberOfTrailingZeros(n) / 2);
        int rows = Math.min(balanced, m / 8);
        if (rows < 8) {
            throw new IllegalArgumentException("block of " + n + " samples too short to decimate " + n / m + " times");
        }
        return rows;
    }

    /**
     * The row of the forward transform's output ({@code lanes} rows) that row {@code i} of the small
     * inverse's input ({@code smallRows} rows) takes: the low half of the kept bins from the first
     * rows, the negative frequencies from the last.
     */
    static int keptRow(int i, int lanes, int smallRows) {
        return i < smallRows / 2 ? i : lanes - smallRows + i;
    }

    /** Re X[k] of a real transform in JTransforms' packing, for any k below n. */
    private static double real(double[] a, int n, int k) {
        int j = k <= n / 2 ? k : n - k;
        return j == 0 ? a[0] : 2 * j == n ? a[1] : a[2 * j];
    }

    /** Im X[k], which is −Im X[n − k] for a real input. */
    private static double imaginary(double[] a, int n, int k) {
        if (k == 0 || 2 * k == n) {
            return 0;
        }
        return k < n / 2 ? a[2 * k + 1] : -a[2 * (n - k) + 1];
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
        return spectraRe.size();
    }

    /** Whether output {@code k} is the input itself (served without a transform). */
    boolean identity(int k) {
        return identity[k];
    }

    /** Rows of the forward transform's input, and lanes of its output and of the small inverse's input. */
    int rows() {
        return rows;
    }

    /** Output {@code k}'s kept bins (real parts), one array per row of the small inverse's input. */
    float[][] spectrumRe(int k) {
        return spectraRe.get(k);
    }

    float[][] spectrumIm(int k) {
        return spectraIm.get(k);
    }
}
