package org.mepsc.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.mepsc.stats.Reference.assertAgrees;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class EffectSizesTest {

    // Reference values from numpy (ddof=1 variances, J from scipy.special.gammaln):
    //   df = na + nb - 2; sp = sqrt(((na-1)*a.var(ddof=1) + (nb-1)*b.var(ddof=1)) / df)
    //   J = exp(gammaln(df/2) - gammaln((df-1)/2)) / sqrt(df/2); g = J * (b.mean() - a.mean()) / sp
    //   delta = np.sign(b[None,:] - a[:,None]).mean()

    @Test
    void hedgesGAgreesWithNumpy() {
        assertAgrees(EffectSizes.hedgesG(Reference.A1, Reference.B1), 2.2747488697855323);
        assertAgrees(EffectSizes.hedgesG(Reference.A2, Reference.B2), 1.4053197421003378);
        assertAgrees(EffectSizes.hedgesG(Reference.a3(), Reference.b3()), 0.10201213413780433);
    }

    @Test
    void smallSampleCorrectionMatchesHedgesAndOlkinTable() {
        // Hedges & Olkin (1985), Table 2 of J(m): J(2)=0.5642, J(10)=0.9227, J(20)=0.9619
        assertThat(EffectSizes.correction(2)).isCloseTo(0.5642, within(5e-5));
        assertThat(EffectSizes.correction(10)).isCloseTo(0.9227, within(5e-5));
        assertThat(EffectSizes.correction(20)).isCloseTo(0.9619, within(5e-5));
        // exact values: 0.5641895835477564, 0.922745608053087, 0.9801104021309475 (df 38)
        assertAgrees(EffectSizes.correction(38), 0.9801104021309475);
    }

    @Test
    void cliffsDeltaAgreesWithNumpy() {
        assertAgrees(EffectSizes.cliffsDelta(Reference.A1, Reference.B1), 0.9285714285714286);
        assertAgrees(EffectSizes.cliffsDelta(Reference.A2, Reference.B2), 0.7142857142857143);
        assertAgrees(EffectSizes.cliffsDelta(Reference.a3(), Reference.b3()), 0.05696969696969697);
    }

    @ParameterizedTest
    @ValueSource(longs = {11, 12, 13, 14, 15, 16})
    void cliffsDeltaIsTheRescaledMannWhitneyU(long seed) {
        SplittableRandom rng = new SplittableRandom(seed);
        // rounded values so that ties occur
        double[] a = rng.doubles(3 + rng.nextInt(30)).map(x -> Math.rint(x * 10)).toArray();
        double[] b = rng.doubles(3 + rng.nextInt(30)).map(x -> Math.rint(x * 12)).toArray();
        double u = MannWhitney.test(a, b).u();
        assertThat(EffectSizes.cliffsDelta(a, b)).isCloseTo(2 * u / (a.length * b.length) - 1, within(1e-12));
        assertThat(EffectSizes.cliffsDelta(b, a)).isCloseTo(-EffectSizes.cliffsDelta(a, b), within(1e-12));
    }

    @Test
    void undefinedWithoutSpread() {
        assertThat(EffectSizes.hedgesG(new double[] {1, 1}, new double[] {2, 2})).isNaN();
        assertThat(EffectSizes.hedgesG(new double[] {1}, new double[] {2, 3})).isNaN();
    }
}
