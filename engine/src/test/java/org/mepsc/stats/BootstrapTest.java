package org.mepsc.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.SplittableRandom;
import org.apache.commons.statistics.distribution.NormalDistribution;
import org.junit.jupiter.api.Test;

class BootstrapTest {

    static final double[] A4 = {12.1, 9.8, 11.4, 14.0, 10.2, 8.7, 13.3, 11.9, 10.8, 12.6};
    static final double[] B4 = {13.5, 11.0, 15.2, 12.8, 16.1, 10.4, 14.7, 13.9, 12.2, 17.3, 11.8};

    @Test
    void bcaAgreesWithScipyWithinMonteCarloError() {
        // scipy.stats.bootstrap((A4, B4), hedges_g, method='BCa', n_resamples=40000, random_state=s)
        //   for s = 0, 1, 2, 3: low 0.1476, 0.1485, 0.1497, 0.1679; high 1.8486, 1.8508, 1.8467, 1.8700
        //   (the percentile interval would be (0.289, 2.027): the tolerance tells them apart)
        ConfidenceInterval g = Bootstrap.bca(A4, B4, EffectSizes::hedgesG, 40_000, 0.95, new SplittableRandom(7));
        assertThat(g.method()).isEqualTo("BCa");
        assertThat(g.low()).isCloseTo(0.153, within(0.04));
        assertThat(g.high()).isCloseTo(1.854, within(0.04));
        // same call with Cliff's delta: (0.01818, 0.85455) for every seed; percentile: (0.0909, 0.8909)
        ConfidenceInterval d = Bootstrap.bca(A4, B4, EffectSizes::cliffsDelta, 40_000, 0.95, new SplittableRandom(7));
        assertThat(d.low()).isCloseTo(0.0182, within(0.03));
        assertThat(d.high()).isCloseTo(0.8545, within(0.02));
    }

    @Test
    void reproducibleWithTheSeed() {
        ConfidenceInterval one = Bootstrap.bca(A4, B4, EffectSizes::hedgesG, 2000, 0.95, new SplittableRandom(42));
        ConfidenceInterval two = Bootstrap.bca(A4, B4, EffectSizes::hedgesG, 2000, 0.95, new SplittableRandom(42));
        ConfidenceInterval other = Bootstrap.bca(A4, B4, EffectSizes::hedgesG, 2000, 0.95, new SplittableRandom(43));
        assertThat(two).isEqualTo(one);
        assertThat(other.low()).isNotEqualTo(one.low());
        assertThat(other.low()).isCloseTo(one.low(), within(0.15));
    }

    @Test
    void coversTheTrueEffectAboutAsOftenAsClaimed() {
        // Normal groups of 12 and 14 cells, true standardised difference 0.8.
        double delta = 0.8;
        double trueCliff = 2 * NormalDistribution.of(0, 1).cumulativeProbability(delta / Math.sqrt(2)) - 1;
        SplittableRandom rng = new SplittableRandom(2024);
        int trials = 300;
        int coveredG = 0;
        int coveredCliff = 0;
        for (int t = 0; t < trials; t++) {
            double[] a = normal(rng, 12, 0);
            double[] b = normal(rng, 14, delta);
            coveredG += Bootstrap.bca(a, b, EffectSizes::hedgesG, 1000, 0.95, rng.split()).contains(delta) ? 1 : 0;
            coveredCliff += Bootstrap.bca(a, b, EffectSizes::cliffsDelta, 1000, 0.95, rng.split()).contains(trueCliff) ? 1 : 0;
        }
        // 95 % nominal; binomial SD over 300 trials is 1.3 points
        assertThat(coveredG / (double) trials).isBetween(0.90, 0.99);
        assertThat(coveredCliff / (double) trials).isBetween(0.90, 0.99);
    }

    private static double[] normal(SplittableRandom rng, int n, double mean) {
        double[] x = new double[n];
        for (int i = 0; i < n; i++) {
            x[i] = mean + rng.nextGaussian();
        }
        return x;
    }

    @Test
    void completeSeparationGivesADegenerateIntervalNotAnError() {
        double[] a = {1, 2, 3, 4, 5};
        double[] b = {6, 7, 8, 9, 10};
        ConfidenceInterval d = Bootstrap.bca(a, b, EffectSizes::cliffsDelta, 1000, 0.95, new SplittableRandom(1));
        assertThat(d.low()).isEqualTo(1.0);
        assertThat(d.high()).isEqualTo(1.0);
        assertThat(d.method()).startsWith("degenerate");
    }

    @Test
    void undefinedEstimateGivesNoInterval() {
        ConfidenceInterval ci = Bootstrap.bca(new double[] {1}, B4, EffectSizes::hedgesG, 100, 0.95, new SplittableRandom(1));
        assertThat(ci.defined()).isFalse();
    }
}
