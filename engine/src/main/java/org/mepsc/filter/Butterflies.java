package org.mepsc.filter;

import org.mepsc.simd.Simd;

/**
 * The radix-2 stages of {@link RowFft}'s DFTs down the lanes. Two implementations compute the same
 * operations in the same order, so their results are the same bit for bit: {@link ScalarButterflies}
 * (plain loops, vectorised by the JIT one stage at a time) and {@link VectorButterflies} (the
 * incubating Vector API, two stages per pass over the rows: half the loads and stores, 1.4–1.8× as
 * fast as the plain loops for the banks' shapes), used where {@link Simd#available()}.
 */
interface Butterflies {

    /** The implementation {@link RowFft} uses in this JVM (chosen when first needed). */
    Butterflies FASTEST = Simd.choose(Butterflies.class, "org.mepsc.filter.VectorButterflies", new ScalarButterflies());

    /**
     * In-place DFT down each lane over {@code count} rows of {@code length}: radix-2 decimation in
     * frequency; the result's row {@code k} is at row {@code bitReversed(k)}.
     *
     * @param wRe W_count^k for k below count
     */
    void dif(float[][] re, float[][] im, int count, int length, float[] wRe, float[] wIm);
}
