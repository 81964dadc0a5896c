package org.mepsc.filter;

/**
 * A complex FFT of {@code rows × lanes} points on split float rows, shaped for the JIT's
 * auto-vectoriser: the filter banks' transforms. On the development machine (AVX-512) a transform
 * of n complex points, which filters two real blocks, takes about as long as JTransforms' scalar
 * real transform of n points, which filters one.
 *
 * <p>Java 17's C2 vectorises a loop only if every array access in it uses the same index, so the
 * points are held as rows (separate arrays) and every butterfly combines whole rows lane by lane.
 * The transform is the four-step algorithm: with point {@code j} at row {@code j / lanes}, lane
 * {@code j % lanes}, (1) a DFT down each lane over the rows, (2) the twiddles
 * {@code W^(k1·lane)}, (3) a transpose, (4) a DFT down each lane over the new rows. Bin {@code k}
 * then sits at row {@code k / rows}, lane {@code k % rows}. The DFTs are radix-2 decimation in
 * frequency, in place ({@link Butterflies}: the Vector API's where the JVM has it, with the same
 * results), leaving rows in bit-reversed order; that order costs nothing, because rows are
 * references. Unscaled: forward {@code X[k] = Σ x[j] e^(−2πijk/n)}, inverse with {@code +}.
 * Not thread-safe (scratch); one per thread.
 */
public final class RowFft {

    private final Plan plan;
    private final int rows;
    private final int lanes;
    private final float[][] viewRe;
    private final float[][] viewIm;
    private final float[][] reorder;

    /**
     * A transform's twiddle tables and row orders: immutable, so one plan serves every thread's
     * {@link RowFft} of its shape ({@link FftPlans} keeps them for a run: computing one takes a
     * cosine and a sine per point, about 1.3 ms for 128 × 256).
     */
    public static final class Plan {
        private final int rows;
        private final int lanes;
        /** W_n^(k1·lane) for step 2, row k1 (natural order), lane. */
        private final float[][] twiddleRe;
        private final float[][] twiddleIm;
        /** W_rows^k and W_lanes^k, k below the length, for the two DFTs' stages. */
        private final float[] rowWRe;
        private final float[] rowWIm;
        private final float[] laneWRe;
        private final float[] laneWIm;
        private final int[] rowReversed;
        private final int[] laneReversed;

        /**
         * @param rows rows of the input (a power of two, at least 8)
         * @param lanes samples per input row (a power of two, at least 8)
         */
        public Plan(int rows, int lanes, boolean inverse) {
            if (rows < 8 || lanes < 8 || Integer.bitCount(rows) != 1 || Integer.bitCount(lanes) != 1) {
                throw new IllegalArgumentException("rows and lanes must be powers of two >= 8, got " + rows + " x " + lanes);
            }
            this.rows = rows;
            this.lanes = lanes;
            int n = rows * lanes;
            // every twiddle is a power of W_n (W_rows^k = W_n^(k·lanes), W_lanes^k = W_n^(k·rows))
            float[] wRe = new float[n];
            float[] wIm = new float[n];
            double sign = inverse ? 1 : -1;
            for (int k = 0; k < n; k++) {
                double a = sign * 2 * Math.PI * k / n;
                wRe[k] = (float) Math.cos(a);
                wIm[k] = (float) Math.sin(a);
            }
            twiddleRe = new float[rows][lanes];
            twiddleIm = new float[rows][lanes];
            for (int k1 = 0; k1 < rows; k1++) {
                for (int j = 0; j < lanes; j++) {
                    twiddleRe[k1][j] = wRe[(int) ((long) k1 * j % n)];
                    twiddleIm[k1][j] = wIm[(int) ((long) k1 * j % n)];
                }
            }
            rowWRe = new float[rows];
            rowWIm = new float[rows];
            laneWRe = new float[lanes];
            laneWIm = new float[lanes];
            for (int k = 0; k < rows; k++) {
                rowWRe[k] = wRe[k * lanes];
                rowWIm[k] = wIm[k * lanes];
            }
            for (int k = 0; k < lanes; k++) {
                laneWRe[k] = wRe[k * rows];
                laneWIm[k] = wIm[k * rows];
            }
            rowReversed = bitReversed(rows);
            laneReversed = bitReversed(lanes);
        }
    }

    /**
     * @param rows rows of the input (a power of two, at least 8)
     * @param lanes samples per input row (a power of two, at least 8)
     */
    public RowFft(int rows, int lanes, boolean inverse) {
        this(new Plan(rows, lanes, inverse));
    }

    /** A transform of {@code plan}'s shape and direction, with its own scratch. */
    public RowFft(Plan plan) {
        this.plan = plan;
        this.rows = plan.rows;
        this.lanes = plan.lanes;
        viewRe = new float[rows][];
        viewIm = new float[rows][];
        reorder = new float[lanes][];
    }

    /** New storage for {@code count} rows of {@code length}. */
    public static float[][] storage(int count, int length) {
        return new float[count][length];
    }

    /**
     * Transforms the points in {@code inRe, inIm} ({@code rows} rows of {@code lanes}; their
     * values are destroyed) into {@code outRe, outIm} ({@code lanes} rows of {@code rows}): after
     * the call, {@code outRe[k / rows][k % rows]} is Re X[k]. The references in {@code outRe} and
     * {@code outIm} are reordered; the arrays must not be shared with the input.
     */
    public void transform(float[][] inRe, float[][] inIm, float[][] outRe, float[][] outIm) {
        Plan p = plan;
        Butterflies.FASTEST.dif(inRe, inIm, rows, lanes, p.rowWRe, p.rowWIm);
        for (int k1 = 0; k1 < rows; k1++) {
            viewRe[k1] = inRe[p.rowReversed[k1]];
            viewIm[k1] = inIm[p.rowReversed[k1]];
            multiply(viewRe[k1], viewIm[k1], p.twiddleRe[k1], p.twiddleIm[k1], viewRe[k1], viewIm[k1], lanes);
        }
        transpose(viewRe, outRe, lanes);
        transpose(viewIm, outIm, lanes);
        Butterflies.FASTEST.dif(outRe, outIm, lanes, rows, p.laneWRe, p.laneWIm);
        unreverse(outRe);
        unreverse(outIm);
    }

    private void unreverse(float[][] x) {
        for (int k = 0; k < lanes; k++) {
            reorder[k] = x[plan.laneReversed[k]];
        }
        System.arraycopy(reorder, 0, x, 0, lanes);
    }

    /** z = x · w lane by lane, for {@code length} lanes; z may be x. */
    static void multiply(float[] xr, float[] xi, float[] wr, float[] wi, float[] zr, float[] zi, int length) {
        for (int i = 0; i < length; i++) {
            float a = xr[i];
            float b = xi[i];
            float c = wr[i];
            float d = wi[i];
            zr[i] = a * c - b * d;
            zi[i] = a * d + b * c;
        }
    }

    /**
     * d[j][i] = s[i][j] for {@code s.length} rows of {@code length}: sixteen source rows at a time
     * (a whole cache line of each destination row per step; 11.5 → 7.8 µs for 128 rows of 256 over
     * eight at a time), then eight if rows remain.
     */
    private static void transpose(float[][] s, float[][] d, int length) {
        int i = 0;
        for (; i + 16 <= s.length; i += 16) {
            float[] s0 = s[i];
            float[] s1 = s[i + 1];
            float[] s2 = s[i + 2];
            float[] s3 = s[i + 3];
            float[] s4 = s[i + 4];
            float[] s5 = s[i + 5];
            float[] s6 = s[i + 6];
            float[] s7 = s[i + 7];
            float[] s8 = s[i + 8];
            float[] s9 = s[i + 9];
            float[] s10 = s[i + 10];
            float[] s11 = s[i + 11];
            float[] s12 = s[i + 12];
            float[] s13 = s[i + 13];
            float[] s14 = s[i + 14];
            float[] s15 = s[i + 15];
            for (int j = 0; j < length; j++) {
                float[] t = d[j];
                t[i] = s0[j];
                t[i + 1] = s1[j];
                t[i + 2] = s2[j];
                t[i + 3] = s3[j];
                t[i + 4] = s4[j];
                t[i + 5] = s5[j];
                t[i + 6] = s6[j];
                t[i + 7] = s7[j];
                t[i + 8] = s8[j];
                t[i + 9] = s9[j];
                t[i + 10] = s10[j];
                t[i + 11] = s11[j];
                t[i + 12] = s12[j];
                t[i + 13] = s13[j];
                t[i + 14] = s14[j];
                t[i + 15] = s15[j];
            }
        }
        if (i < s.length) {
            transposeEight(s, d, length, i);
        }
    }

    /** Rows {@code i..i+7} of {@link #transpose} (rows are a power of two of at least eight). */
    private static void transposeEight(float[][] s, float[][] d, int length, int i) {
        float[] s0 = s[i];
        float[] s1 = s[i + 1];
        float[] s2 = s[i + 2];
        float[] s3 = s[i + 3];
        float[] s4 = s[i + 4];
        float[] s5 = s[i + 5];
        float[] s6 = s[i + 6];
        float[] s7 = s[i + 7];
        for (int j = 0; j < length; j++) {
            float[] t = d[j];
            t[i] = s0[j];
            t[i + 1] = s1[j];
            t[i + 2] = s2[j];
            t[i + 3] = s3[j];
            t[i + 4] = s4[j];
            t[i + 5] = s5[j];
            t[i + 6] = s6[j];
            t[i + 7] = s7[j];
        }
    }

    private static int[] bitReversed(int count) {
        int bits = Integer.numberOfTrailingZeros(count);
        int[] r = new int[count];
        for (int i = 0; i < count; i++) {
            r[i] = Integer.reverse(i) >>> (32 - bits);
        }
        return r;
    }
}
