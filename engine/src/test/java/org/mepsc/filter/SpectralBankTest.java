package org.mepsc.filter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.io.IOException;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.mepsc.trace.ArrayTrace;

class SpectralBankTest {

    /** Gaussian noise on a slow random walk around −40 (a recording's baseline); also used by the decimator's tests. */
    static float[] noise(long seed, int n) {
        SplittableRandom r = new SplittableRandom(seed);
        float[] x = new float[n];
        double slow = 0;
        for (int i = 0; i < n; i++) {
            slow = 0.999 * slow + r.nextGaussian() * 0.1;
            x[i] = (float) (r.nextGaussian() + slow - 40);
        }
        return x;
    }

    /** Direct convolution with the bank's edge rule (first/last sample repeated). */
    private static double direct(float[] x, Fir h, long n) {
        double s = 0;
        for (int j = h.first(); j <= h.last(); j++) {
            long i = Math.min(x.length - 1, Math.max(0, n - j));
            s += h.tap(j) * x[(int) i];
        }
        return s;
    }

    /** A low-pass that lets a trace at {@code fs} be decimated by {@code d}. */
    private static Fir antiAlias(double fs, int d) {
        return FirDesign.fromResponse(Responses.gaussianLowPass(fs / d / 8), fs, 1e-9);
    }

    private static Fir randomFir(long seed, int first, int length) {
        SplittableRandom r = new SplittableRandom(seed);
        double[] t = new double[length];
        for (int i = 0; i < length; i++) {
            t[i] = r.nextGaussian();
        }
        return new Fir(t, first);
    }

    @ParameterizedTest
    @ValueSource(longs = {1, 2, 3})
    void undecimatedOutputsEqualDirectConvolution(long seed) throws IOException {
        float[] x = noise(seed, 20_000);
        Fir causal = randomFir(seed, 0, 37);
        Fir centred = randomFir(seed + 10, -300, 601);
        Fir anticausal = randomFir(seed + 20, -1200, 1000);
        BankDesign design = BankDesign.of(List.of(causal, centred, anticausal), 1, x.length);
        SpectralBank bank = new SpectralBank(new ArrayTrace(x, 1000), design);
        float[] y = new float[x.length];
        List<Fir> firs = List.of(causal, centred, anticausal);
        for (int k = 0; k < 3; k++) {
            bank.read(k, 0, x.length, y, 0);
            for (int n = 0; n < x.length; n += 97) {
                double expect = direct(x, firs.get(k), n);
                assertThat(y[n]).as("output %d sample %d", k, n).isCloseTo((float) expect, within(2e-4f * (1 + Math.abs((float) expect))));
            }
        }
    }

    @ParameterizedTest
    @ValueSource(ints = {2, 4, 8})
    void decimatedOutputsAreEveryDthSampleOfTheFilteredTrace(int d) throws IOException {
        double fs = 40_000;
        float[] x = noise(7, 50_000);
        FrequencyResponse lp = Responses.gaussianLowPass(fs / d / 10).times(Responses.smoothCutoff(0.85 * fs / d / 2, 0.05 * fs / d / 2));
        Fir h = FirDesign.fromResponse(lp, fs, 1e-10);
        SpectralBank full = new SpectralBank(new ArrayTrace(x, fs), BankDesign.of(List.of(h), 1, x.length));
        SpectralBank dec = new SpectralBank(new ArrayTrace(x, fs), BankDesign.of(List.of(h), d, x.length));
        assertThat(dec.length()).isEqualTo((x.length + d - 1) / d);
        assertThat(dec.sampleRateHz()).isEqualTo(fs / d);
        float[] a = new float[x.length];
        float[] b = new float[(int) dec.length()];
        full.read(0, 0, a.length, a, 0);
        dec.read(0, 0, b.length, b, 0);
        for (int i = 0; i < b.length; i++) {
            assertThat(b[i]).as("decimated sample %d", i).isCloseTo(a[i * d], within(1e-4f));
        }
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 2, 4})
    void chunkedReadsGiveIdenticalValues(int d) throws IOException {
        double fs = 20_000;
        float[] x = noise(11, 123_457);
        Fir h = FirDesign.fromResponse(Responses.gaussianLowPass(fs / d / 8).times(Responses.notches(List.of(50.0, 100.0), 2)), fs, 1e-9);
        BankDesign design = BankDesign.of(List.of(h, Fir.identity().convolve(h).scaled(2)), d, x.length);
        SpectralBank whole = new SpectralBank(new ArrayTrace(x, fs), design);
        int len = (int) whole.length();
        float[] ref = new float[len];
        whole.read(1, 0, len, ref, 0);
        for (int chunk : new int[] {1009, 4096, 65537}) {
            SpectralBank bank = new SpectralBank(new ArrayTrace(x, fs), design);
            float[] y = new float[len];
            // read out of order, as parallel workers would
            for (long s = ((len - 1) / chunk) * (long) chunk; s >= 0; s -= chunk) {
                int c = (int) Math.min(chunk, len - s);
                bank.read(1, s, c, y, (int) s);
            }
            assertThat(y).as("chunk %d", chunk).containsExactly(ref);
        }
    }

    /** Several outputs read together, over different ranges, are the outputs read one by one. */
    @ParameterizedTest
    @ValueSource(longs = {1, 2, 3, 4, 5})
    void readingOutputsTogetherGivesEachOutputsValues(long seed) throws IOException {
        SplittableRandom r = new SplittableRandom(seed);
        double fs = 20_000;
        float[] x = noise(seed, 60_000);
        int d = 1 << r.nextInt(3);
        Fir h = antiAlias(fs, d);
        List<Fir> firs = List.of(h, h.convolve(randomFir(seed, -20, 90)), h.convolve(randomFir(seed + 1, 0, 300)));
        BankDesign design = BankDesign.of(firs, d, x.length);
        SpectralBank separate = new SpectralBank(new ArrayTrace(x, fs), design);
        SpectralBank together = new SpectralBank(new ArrayTrace(x, fs), design);
        int len = (int) separate.length();
        for (int trial = 0; trial < 20; trial++) {
            long[] starts = new long[firs.size()];
            int[] counts = new int[firs.size()];
            float[][] got = new float[firs.size()][];
            for (int k = 0; k < firs.size(); k++) {
                starts[k] = r.nextInt(len);
                // some outputs not read at all, some a single sample, some many blocks
                counts[k] = r.nextInt(4) == 0 ? 0 : 1 + r.nextInt((int) Math.min(20_000, len - starts[k]));
                got[k] = new float[counts[k] + 3];
            }
            together.readOutputs(starts, counts, got);
            for (int k = 0; k < firs.size(); k++) {
                float[] want = new float[counts[k] + 3];
                separate.read(k, starts[k], counts[k], want, 0);
                assertThat(got[k]).as("trial %d output %d [%d, +%d)", trial, k, starts[k], counts[k]).containsExactly(want);
            }
        }
    }

    /**
     * Reads spanning many pairs of blocks, whose inner pairs go straight to the destinations, give
     * each output's values: outputs over different ranges (one over fewer pairs than the others,
     * one the input itself), then again from two pairs before the end, which a bank reading
     * forward (not sharing its edges) holds without the outputs that went straight to the
     * destinations.
     */
    @ParameterizedTest
    @ValueSource(booleans = {false, true})
    void longReadsGiveEachOutputsValues(boolean shared) throws IOException {
        double fs = 20_000;
        Fir h = antiAlias(fs, 1);
        List<Fir> firs = List.of(h, h.convolve(randomFir(8, -20, 400)), Fir.identity(), randomFir(9, 0, 50));
        // small blocks (the length only bounds them), so a read spans many pairs
        BankDesign design = BankDesign.of(firs, 1, 4096);
        int pairOut = 2 * design.validPerBlock();
        float[] x = noise(8, 40 * pairOut);
        EdgeBlocks.View edges = shared ? new EdgeBlocks(1 << 20).sweep(0) : null;
        SpectralBank bank = new SpectralBank(new ArrayTrace(x, fs), design, edges, null);
        long[][] starts = {{1234, 1234 + 3L * pairOut + 17, 999, 5L * pairOut}, new long[4]};
        int[][] counts = {{24 * pairOut + 5, 16 * pairOut, 25 * pairOut + 300, 12 * pairOut}, new int[4]};
        long lastPair = (starts[0][2] + counts[0][2] - 1) / pairOut;
        for (int k = 0; k < firs.size(); k++) {
            starts[1][k] = (lastPair - 2) * pairOut + 5 * k;
            counts[1][k] = 6 * pairOut - 11 * k;
        }
        for (int call = 0; call < 2; call++) {
            float[][] got = new float[firs.size()][];
            for (int k = 0; k < firs.size(); k++) {
                got[k] = new float[counts[call][k]];
            }
            bank.readOutputs(starts[call], counts[call], got);
            for (int k = 0; k < firs.size(); k++) {
                float[] want = new float[counts[call][k]];
                new SpectralBank(new ArrayTrace(x, fs), design).read(k, starts[call][k], counts[call][k], want, 0);
                // isEqualTo compares arrays element by element (containsExactly is quadratic on long ones)
                assertThat(got[k]).as("call %d output %d [%d, +%d)", call, k, starts[call][k], counts[call][k])
                        .isEqualTo(want);
            }
        }
    }

    /**
     * Two banks that share their edge blocks (as two workers on neighbouring chunks do) read what a
     * bank of their own reads, and each takes from the other the pair of blocks at their stretches' boundary.
     */
    @ParameterizedTest
    @ValueSource(longs = {1, 2, 3})
    void sharedEdgeBlocksGiveTheBanksOwnValues(long seed) throws IOException {
        SplittableRandom r = new SplittableRandom(seed);
        double fs = 20_000;
        float[] x = noise(seed, 200_000);
        int d = 1 << r.nextInt(3);
        Fir h = antiAlias(fs, d);
        // blocks of at most 8,192 samples (the length only bounds them), and stretches two pairs of
        // blocks long whose boundaries fall inside a pair, away from its ends by more than the margin
        BankDesign design = BankDesign.of(List.of(h, h.convolve(randomFir(seed, -20, 400))), d, 4096);
        int pairOut = 2 * design.validPerBlock() / d;
        EdgeBlocks edges = new EdgeBlocks(1 << 20);
        FftPlans plans = new FftPlans(); // the workers share their transforms' plans too
        SpectralBank[] workers = {
            new SpectralBank(new ArrayTrace(x, fs), design, edges.sweep(0), plans),
            new SpectralBank(new ArrayTrace(x, fs), design, edges.sweep(0), plans),
        };
        SpectralBank alone = new SpectralBank(new ArrayTrace(x, fs), design);
        int len = (int) alone.length();
        int margin = 50;
        int stretches = 0;
        for (int from = 0; from < len; ) {
            int to = Math.min(len, from == 0 ? pairOut / 4 + r.nextInt(pairOut / 2) + 2 * pairOut : from + 2 * pairOut);
            long lo = Math.max(0, from - margin);
            int count = (int) (Math.min(len, to + margin) - lo);
            float[][] got = {new float[count], new float[count]};
            workers[stretches++ % 2].readOutputs(new long[] {lo, lo}, new int[] {count, count}, got);
            for (int k = 0; k < 2; k++) {
                float[] want = new float[count];
                alone.read(k, lo, count, want, 0);
                assertThat(got[k]).as("stretch from %d, output %d", from, k).containsExactly(want);
            }
            from = to;
        }
        // every stretch but the first finds its first pair shared rather than filtering it again
        assertThat(stretches).isGreaterThan(4);
        assertThat(edges.taken()).isGreaterThanOrEqualTo(stretches - 1);
    }

    /** A lone NaN or ±∞ anywhere (the scan unrolls by four) reads as the finite sample before it. */
    @ParameterizedTest
    @ValueSource(floats = {Float.NaN, Float.POSITIVE_INFINITY, Float.NEGATIVE_INFINITY})
    void aLoneNonFiniteSampleIsReplacedByThePreviousOne(float bad) throws IOException {
        float[] x = noise(5, 9_000);
        Fir h = FirDesign.fromResponse(Responses.gaussianLowPass(500), 10_000, 1e-9);
        BankDesign design = BankDesign.of(List.of(h), 1, x.length);
        float[] want = new float[x.length];
        float[] got = new float[x.length];
        for (int at : new int[] {1, 2, 3, 4, 1001, 4442, 8998, 8999}) {
            float[] y = x.clone();
            y[at] = y[at - 1];
            new SpectralBank(new ArrayTrace(y, 10_000), design).read(0, 0, x.length, want, 0);
            y[at] = bad;
            new SpectralBank(new ArrayTrace(y, 10_000), design).read(0, 0, x.length, got, 0);
            assertThat(got).as("%s at %d", bad, at).containsExactly(want);
        }
    }

    /** Leading samples that are not finite read as the first finite one; a trace of none reads as 0. */
    @Test
    void leadingNonFiniteSamplesReadAsTheFirstFiniteOne() throws IOException {
        float[] x = noise(6, 9_000);
        Fir h = FirDesign.fromResponse(Responses.gaussianLowPass(500), 10_000, 1e-9);
        BankDesign design = BankDesign.of(List.of(h), 1, x.length);
        float[] want = new float[x.length];
        float[] got = new float[x.length];
        float[] y = x.clone();
        java.util.Arrays.fill(y, 0, 37, y[37]);
        new SpectralBank(new ArrayTrace(y, 10_000), design).read(0, 0, x.length, want, 0);
        java.util.Arrays.fill(y, 0, 37, Float.NaN);
        y[5] = Float.NEGATIVE_INFINITY;
        new SpectralBank(new ArrayTrace(y, 10_000), design).read(0, 0, x.length, got, 0);
        assertThat(got).containsExactly(want);

        java.util.Arrays.fill(y, Float.NaN);
        new SpectralBank(new ArrayTrace(y, 10_000), design).read(0, 0, x.length, got, 0);
        assertThat(got).containsOnly(0f);
    }

    @Test
    void nonFiniteSamplesDoNotSpreadNaN() throws IOException {
        float[] x = noise(3, 10_000);
        for (int i = 4000; i < 4100; i++) {
            x[i] = Float.NaN;
        }
        x[0] = Float.POSITIVE_INFINITY;
        FilteredTrace f = FilteredTrace.of(new ArrayTrace(x, 10_000), Responses.gaussianLowPass(1000));
        float[] y = new float[x.length];
        f.read(0, x.length, y, 0);
        for (float v : y) {
            assertThat(v).isFinite();
        }
    }

    @Test
    void tinyTracesUseOneSmallBlock() throws IOException {
        float[] x = {1, 2, 3, 4, 5};
        FilteredTrace f = new FilteredTrace(new ArrayTrace(x, 1000), Fir.identity());
        float[] y = new float[5];
        f.read(0, 5, y, 0);
        assertThat(y).containsExactly(1, 2, 3, 4, 5);
    }
}
