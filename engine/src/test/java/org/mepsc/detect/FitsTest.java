package org.mepsc.detect;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.SplittableRandom;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** The Gaussian noise fit and the biexponential template fit. */
class FitsTest {

    @ParameterizedTest
    @ValueSource(longs = {1, 2, 3})
    void noiseFitIgnoresTheEventTail(long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        int n = 200_000;
        float[] v = new float[n];
        for (int i = 0; i < n; i++) {
            double x = 3 + 0.5 * r.nextGaussian();
            if (r.nextDouble() < 0.08) {
                x += 0.5 * (2 + 20 * r.nextDouble());
            }
            v[i] = (float) x;
        }
        NoiseEstimate e = GaussianNoiseFit.fit(v, n, true);
        assertThat(e.mean()).isCloseTo(3, within(0.03));
        assertThat(e.sd()).isCloseTo(0.5, within(0.5 * 0.04));
    }

    /**
     * The noise fit's histogram counts by searching the sorted values; each bin holds what the
     * plain rule puts there, also for values at and beside the edges, beyond the range, infinite or
     * NaN.
     */
    @ParameterizedTest
    @ValueSource(longs = {1, 2, 3, 4})
    void noiseFitHistogramCountsWhatThePlainRuleCounts(long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        double lo = r.nextGaussian() * 5;
        double hi = lo + 0.1 + r.nextDouble() * 10;
        int bins = 30;
        double width = (hi - lo) / bins;
        float[] v = new float[20_000];
        for (int i = 0; i < v.length; i++) {
            float edge = (float) (lo + r.nextInt(bins + 1) * width);
            v[i] = switch (i % 8) {
                case 0 -> edge;
                case 1 -> Math.nextDown(edge);
                case 2 -> Math.nextUp(edge);
                case 3 -> (float) (lo - 1e9 * r.nextDouble());
                case 4 -> i % 3 == 0 ? Float.NaN : i % 3 == 1 ? Float.POSITIVE_INFINITY : Float.NEGATIVE_INFINITY;
                case 5 -> (float) (hi + 1e30 * r.nextDouble());
                default -> (float) (lo + (hi - lo) * (1.2 * r.nextDouble() - 0.1));
            };
        }
        int[] want = new int[bins + 1];
        for (float x : v) {
            int b = (int) ((x - lo) / width);
            if (x >= (float) lo && x < hi && b >= 0 && b < bins) {
                want[b]++;
            } else {
                want[bins]++;
            }
        }
        assertThat(GaussianNoiseFit.counts(FloatSort.sorted(v, v.length), v.length, lo, hi, bins)).containsExactly(want);
        assertThat(want[bins]).isGreaterThan(v.length / 4).isLessThan(v.length);
    }

    @ParameterizedTest
    @CsvSource({"0.3, 1.5, 0", "0.5, 4, 1", "1.0, 12, 2", "0.8, 6, 3"})
    void templateFitRecoversTheKinetics(double rise, double decay, long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        double dt = 0.1;
        Template truth = new Template(rise, decay);
        double[] y = new double[(int) ((3 + truth.peakTimeMs() + 6 * decay) / dt)];
        for (int i = 0; i < y.length; i++) {
            y[i] = 20 * truth.valueAt(i * dt - 3) + 0.2 * r.nextGaussian();
        }
        TemplateFit fit = TemplateFit.fit(y, dt, new Template(0.5, 4), 2.0);
        assertThat(fit.template().riseMs()).isCloseTo(rise, within(0.08 * rise + 0.02));
        assertThat(fit.template().decayMs()).isCloseTo(decay, within(0.05 * decay));
        assertThat(fit.amplitude()).isCloseTo(20, within(0.6));
        assertThat(fit.onsetMs()).isCloseTo(3, within(0.1));
        assertThat(fit.r2()).isGreaterThan(0.99);
    }
}
