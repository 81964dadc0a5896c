package org.mepsc.detect;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.mepsc.events.Polarity;
import org.mepsc.filter.Fir;

/** The detection statistics against their textbook definitions, computed the slow way. */
class DetectorsTest {

    private static float[] noisyEvents(long seed, int n, double[] shape, int pre) {
        SplittableRandom r = new SplittableRandom(seed);
        float[] x = new float[n];
        for (int i = 0; i < n; i++) {
            x[i] = (float) (-120 + 2 * r.nextGaussian() + 3 * Math.sin(i / 700.0));
        }
        for (int at = 300; at + shape.length < n; at += 900 + r.nextInt(500)) {
            double a = 5 + 20 * r.nextDouble();
            for (int j = 0; j < shape.length; j++) {
                x[at + j] -= (float) (a * shape[j]);
            }
        }
        return x;
    }

    /** Kernel outputs by direct convolution (the trace's first and last samples repeated beyond its ends). */
    private static Window apply(Fir h, float[] x, long from, int count) {
        float[] out = new float[count];
        for (int k = 0; k < count; k++) {
            long n = from + k;
            double s = 0;
            for (int j = h.first(); j <= h.last(); j++) {
                long i = Math.max(0, Math.min(x.length - 1, n - j));
                s += h.tap(j) * x[(int) i];
            }
            out[k] = (float) s;
        }
        return new Window(out, from, count);
    }

    @ParameterizedTest
    @ValueSource(longs = {1, 2})
    void clementsBekkersMatchesTheDirectLeastSquaresFit(long seed) {
        Template t = new Template(0.5, 4);
        double rate = 10_000;
        int pre = 10;
        double[] shape = t.sampled(rate, pre, 150);
        float[] x = noisyEvents(seed, 8000, shape, pre);
        ClementsBekkers cb = new ClementsBekkers(shape, pre, Polarity.NEGATIVE);
        long from = 1000;
        int count = 3000;
        Window corr = apply(cb.kernels().get(0), x, from, count);
        float[] out = new float[count];
        cb.statistic(new Window(x, 0, x.length), List.of(corr), from, count, out, 0);
        for (int k = 0; k < count; k += 37) {
            // least squares of D ≈ scale·E + offset with E = −shape (inward events)
            int n = shape.length;
            double se = 0, see = 0, sd = 0, sdd = 0, sed = 0;
            for (int j = 0; j < n; j++) {
                double e = -shape[j];
                double dv = x[(int) (from + k + j)];
                se += e;
                see += e * e;
                sd += dv;
                sdd += dv * dv;
                sed += e * dv;
            }
            double scale = (sed - se * sd / n) / (see - se * se / n);
            double offset = (sd - scale * se) / n;
            double sse = sdd + scale * scale * see + n * offset * offset - 2 * (scale * sed + offset * sd - scale * offset * se);
            double criterion = scale / Math.sqrt(sse / (n - 1));
            assertThat(out[k]).as("position %d", from + k).isCloseTo((float) criterion, within(2e-3f * (1 + Math.abs((float) criterion))));
        }
    }

    /**
     * With a floor, every value that reaches it is the value computed without one, bit for bit,
     * and every other value stays below it: peak picking with a threshold at or above the floor
     * therefore finds the same peaks. The floors sit among the statistic's own values, so that many
     * values lie within rounding of them.
     */
    @ParameterizedTest
    @ValueSource(longs = {21, 22, 23})
    void aFloorChangesNoValueThatReachesIt(long seed) {
        double[] shape = new Template(0.5, 4).sampled(10_000, 10, 150);
        float[] x = noisyEvents(seed, 12_000, shape, 10);
        ClementsBekkers cb = new ClementsBekkers(shape, 10, Polarity.NEGATIVE);
        long from = 600;
        int count = 10_000;
        Window corr = apply(cb.kernels().get(0), x, from, count);
        Window w = new Window(x, 0, x.length);
        float[] exact = new float[count];
        cb.statistic(w, List.of(corr), from, count, exact, 0);
        float[] sorted = exact.clone();
        java.util.Arrays.sort(sorted);
        for (double quantile : new double[] {0.5, 0.9, 0.99, 0.999}) {
            float floor = sorted[(int) (quantile * (count - 1))];
            for (float f : new float[] {floor, Math.nextUp(floor), Math.nextDown(floor)}) {
                float[] gated = new float[count];
                cb.statistic(w, List.of(corr), from, count, gated, 0, f);
                for (int k = 0; k < count; k++) {
                    if (exact[k] >= f) {
                        assertThat(Float.floatToRawIntBits(gated[k])).as("position %d, floor %s", from + k, f)
                                .isEqualTo(Float.floatToRawIntBits(exact[k]));
                    } else {
                        assertThat(gated[k]).as("position %d, floor %s", from + k, f).isLessThan(f);
                    }
                }
                java.util.List<Long> wanted = new java.util.ArrayList<>();
                java.util.List<Long> got = new java.util.ArrayList<>();
                PeakPicker.peaks(new Window(exact, from, count), from, from + count, f, 30, from + count, (p, z) -> wanted.add(p));
                PeakPicker.peaks(new Window(gated, from, count), from, from + count, f, 30, from + count, (p, z) -> got.add(p));
                assertThat(got).as("peaks, floor %s", f).isEqualTo(wanted);
            }
        }
    }

    /**
     * The criterion is computed in passes the compiler can vectorise; its values are those of the
     * one-pass form with {@code max(0, centred sum)}, bit for bit, also where rounding makes the
     * centred sum negative (flat or nearly flat windows) and where the fit is perfect.
     */
    @ParameterizedTest
    @ValueSource(longs = {3, 4, 5})
    void clementsBekkersPassesGiveTheOnePassValues(long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        double[] shape = new Template(0.5, 4).sampled(10_000, 10, 150);
        ClementsBekkers cb = new ClementsBekkers(shape, 10, Polarity.NEGATIVE);
        int n = 512;
        float[] corr = new float[n + 7];
        double[] s1 = new double[n];
        double[] s2 = new double[n];
        for (int i = 0; i < corr.length; i++) {
            corr[i] = (float) (r.nextGaussian() * 30);
        }
        for (int i = 0; i < n; i++) {
            s1[i] = r.nextGaussian() * 1e4;
            double centred = switch (i % 5) {
                case 0 -> -Math.ulp(s1[i] * s1[i] / 150) * r.nextInt(1, 4); // rounding below 0
                case 1 -> 0;                                                 // a flat window
                default -> r.nextDouble() * 500;
            };
            s2[i] = s1[i] * s1[i] / 150 + centred;
        }
        corr[7 + 1] = 0; // a flat window and no correlation: the fit is perfect, sse = 0
        corr[7 + 6] = 0;
        float[] want = new float[n];
        double inverseSquares = 1 / cb.templateSquares();
        double gain = Math.sqrt(149) * inverseSquares;
        for (int i = 0; i < n; i++) {
            double correlation = corr[7 + i];
            double sse = Math.max(0, s2[i] - s1[i] * s1[i] * (1.0 / 150)) - correlation * correlation * inverseSquares;
            want[i] = sse > 0 ? (float) (correlation * gain / Math.sqrt(sse)) : 0f;
        }
        float[] got = new float[n + 2];
        // the sums from index 3 of the scratch arrays
        double[] scratch1 = new double[n + 3];
        double[] scratch2 = new double[n + 3];
        System.arraycopy(s1, 0, scratch1, 3, n);
        System.arraycopy(s2, 0, scratch2, 3, n);
        cb.values(corr, 7, scratch1, scratch2, 3, n, got, 2, Float.NaN);
        for (int i = 0; i < n; i++) {
            assertThat(Float.floatToRawIntBits(got[2 + i])).as("position %d", i).isEqualTo(Float.floatToRawIntBits(want[i]));
        }
        assertThat(want).contains(0f);
    }

    @Test
    void pearsonIsTheFisherTransformOfTheCorrelationCoefficient() {
        Template t = new Template(0.3, 2);
        double rate = 20_000;
        double[] shape = t.sampled(rate, 20, 200);
        float[] x = noisyEvents(5, 6000, shape, 20);
        PearsonCorrelation pc = new PearsonCorrelation(shape, 20, Polarity.NEGATIVE);
        long from = 500;
        int count = 2000;
        float[] out = new float[count];
        pc.statistic(new Window(x, 0, x.length), List.of(apply(pc.kernels().get(0), x, from, count)), from, count, out, 0);
        for (int k = 0; k < count; k += 41) {
            int n = shape.length;
            double me = 0, md = 0;
            for (int j = 0; j < n; j++) {
                me += -shape[j];
                md += x[(int) (from + k + j)];
            }
            me /= n;
            md /= n;
            double cov = 0, ve = 0, vd = 0;
            for (int j = 0; j < n; j++) {
                double e = -shape[j] - me;
                double dv = x[(int) (from + k + j)] - md;
                cov += e * dv;
                ve += e * e;
                vd += dv * dv;
            }
            double r = cov / Math.sqrt(ve * vd);
            double fisher = 0.5 * Math.log((1 + r) / (1 - r));
            assertThat(out[k]).isCloseTo((float) fisher, within(2e-3f));
        }
    }

    @Test
    void deconvolutionTurnsAnEventIntoAPeakAtItsOnset() {
        Template t = new Template(0.5, 5);
        double rate = 10_000;
        Deconvolution dec = new Deconvolution(t, rate, Deconvolution.gaussianBand(500, 5), 0, Polarity.NEGATIVE);
        int n = 4000;
        float[] x = new float[n];
        int onset = 1700;
        double[] shape = t.sampled(rate, 0, n - onset);
        for (int i = onset; i < n; i++) {
            x[i] = (float) (-30 - 12 * shape[i - onset]);
        }
        for (int i = 0; i < onset; i++) {
            x[i] = -30;
        }
        Window w = apply(dec.kernels().get(0), x, 0, n);
        int best = 0;
        for (int i = 0; i < n; i++) {
            if (w.data()[i] > w.data()[best]) {
                best = i;
            }
        }
        assertThat(best).isBetween(onset - 1, onset + 1);
        // away from the event the deconvolved trace is flat: the constant baseline does not pass
        assertThat(Math.abs(w.data()[600])).isLessThan(1e-3f * w.data()[best]);
    }

    /** Deconvolution's statistic is its kernel's output as it stands, so the pipeline may use that output in place. */
    @Test
    void deconvolutionsStatisticIsItsKernelsOutput() {
        Deconvolution dec = new Deconvolution(new Template(0.5, 5), 10_000, Deconvolution.gaussianBand(500, 5), 0,
                Polarity.NEGATIVE);
        assertThat(dec.statisticKernel()).isEqualTo(0);
        float[] x = noisyEvents(3, 3000, new Template(0.5, 5).sampled(10_000, 0, 400), 50);
        Window out = apply(dec.kernels().get(0), x, 200, 2000);
        float[] statistic = new float[2000];
        dec.statistic(null, List.of(out), 200, 2000, statistic, 0);
        assertThat(statistic).containsExactly(java.util.Arrays.copyOf(out.data(), 2000));
    }

    /**
     * The window sums at position {@code p} as their definition computes them: directly at the
     * multiple of {@link WindowSums#SYNC} at or before {@code p}, then slid one sample at a time.
     */
    private static double[] slidSums(float[] x, int length, long p) {
        int grid = (int) (p / WindowSums.SYNC * WindowSums.SYNC);
        double a = 0;
        double b = 0;
        for (int j = 0; j < length; j++) {
            double v = x[grid + j];
            a += v;
            b += v * v;
        }
        for (int q = grid; q < p; q++) {
            double out = x[q];
            double in = x[q + length];
            a += in - out;
            b += in * in - out * out;
        }
        return new double[] {a, b};
    }

    /**
     * The statistic takes its window sums from {@link WindowSums#run}, which advances four
     * segments' chains of additions at once; every position must get, bit for bit, the sums its
     * segment's own chain gives, across segment and group boundaries and from a start inside a
     * segment.
     */
    @ParameterizedTest
    @CsvSource({"6, 700, 1500", "7, 700, 1500", "8, 1000, 5500", "9, 2048, 4096"})
    void theStatisticsSumsAreTheSlidSums(long seed, long from, int count) {
        double[] shape = new Template(0.5, 4).sampled(10_000, 10, 150);
        float[] x = noisyEvents(seed, (int) (from + count + 1000), shape, 10);
        // far from 0, so that the sums' last bits reach the statistic's floats
        for (int i = 0; i < x.length; i++) {
            x[i] += 1e5f;
        }
        ClementsBekkers cb = new ClementsBekkers(shape, 10, Polarity.NEGATIVE);
        Window corr = apply(cb.kernels().get(0), x, from, count);
        Window w = new Window(x, 0, x.length);
        float[] out = new float[count];
        cb.statistic(w, List.of(corr), from, count, out, 0);
        for (int k = 0; k < count; k++) {
            long p = from + k;
            double[] sums = slidSums(x, shape.length, p);
            float[] one = new float[1];
            cb.values(corr.data(), (int) (p - corr.origin()), new double[] {sums[0]}, new double[] {sums[1]}, 0, 1, one, 0,
                    Float.NaN);
            assertThat(Float.floatToRawIntBits(out[k])).as("position %d", p).isEqualTo(Float.floatToRawIntBits(one[0]));
        }
    }

    @Test
    void windowSumsStayExactAfterManySlides() {
        SplittableRandom r = new SplittableRandom(9);
        float[] x = new float[5000];
        for (int i = 0; i < x.length; i++) {
            x[i] = (float) (1e4 + r.nextGaussian());
        }
        double[] sums = new double[4000];
        double[] squares = new double[4000];
        new WindowSums(100).run(new Window(x, 0, x.length), 0, 4000, sums, squares);
        for (int p = 0; p < 4000; p += 123) {
            double s1 = 0;
            double s2 = 0;
            for (int j = 0; j < 100; j++) {
                s1 += x[p + j];
                s2 += (double) x[p + j] * x[p + j];
            }
            assertThat(sums[p]).isCloseTo(s1, within(1e-6));
            assertThat(squares[p] - sums[p] * sums[p] / 100).isCloseTo(s2 - s1 * s1 / 100, within(1e-3));
        }
    }

    @Test
    void templateKineticsAreTheBiexponentialsOwn() {
        Template t = new Template(0.5, 4);
        double tp = t.peakTimeMs();
        assertThat(t.valueAt(tp)).isCloseTo(1, within(1e-12));
        assertThat(t.valueAt(tp * 0.99)).isLessThan(1);
        assertThat(t.valueAt(tp * 1.01)).isLessThan(1);
        assertThat(t.valueAt(0)).isZero();
        double tr = t.rise1090Ms();
        assertThat(tr).isGreaterThan(0).isLessThan(tp);
        assertThat(t.distance(new Template(0.5, 8))).isCloseTo(2, within(1e-12));
    }
}
