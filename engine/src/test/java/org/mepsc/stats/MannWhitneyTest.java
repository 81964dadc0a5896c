package org.mepsc.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.mepsc.stats.Reference.assertAgrees;

import java.util.SplittableRandom;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class MannWhitneyTest {

    @Test
    void exactWithoutTiesAgreesWithScipy() {
        // scipy.stats.mannwhitneyu(B1, A1, method='exact') -> U=54.0, p=0.0012432012432012432
        MannWhitney r = MannWhitney.test(Reference.A1, Reference.B1);
        assertThat(r.exact()).isTrue();
        assertThat(r.u()).isEqualTo(54.0);
        assertAgrees(r.p(), 0.0012432012432012432);
    }

    @Test
    void tiesUseTheCorrectedNormalApproximationAsScipy() {
        // scipy.stats.mannwhitneyu(B2, A2, method='asymptotic') -> U=48.0, p=0.021920655864769517
        MannWhitney r = MannWhitney.test(Reference.A2, Reference.B2);
        assertThat(r.exact()).isFalse();
        assertThat(r.u()).isEqualTo(48.0);
        assertAgrees(r.p(), 0.021920655864769517);
    }

    @Test
    void largeGroupsUseTheNormalApproximationAsScipy() {
        // scipy.stats.mannwhitneyu(b3, a3, method='asymptotic') -> U=1744.0, p=0.6006267004560071
        MannWhitney r = MannWhitney.test(Reference.a3(), Reference.b3());
        assertThat(r.exact()).isFalse();
        assertThat(r.u()).isEqualTo(1744.0);
        assertAgrees(r.p(), 0.6006267004560071);
    }

    @Test
    void publishedNagExampleG08AHF() {
        // NAG Library G08AHF example: group 1 (16 values) vs group 2 (23 values), ties present:
        // U = 86, lower-tail normal approximation 0.0025. Two-sided: twice that;
        // scipy.stats.mannwhitneyu(g1, g2, method='asymptotic') -> p=0.0050488458137747435
        double[] g1 = {13, 6, 12, 7, 12, 7, 10, 7, 10, 7, 16, 7, 10, 8, 9, 8};
        double[] g2 = {17, 6, 10, 8, 15, 8, 15, 10, 15, 10, 14, 10, 14, 11, 14, 11, 13, 12, 13, 12, 13, 12, 12};
        MannWhitney r = MannWhitney.test(g2, g1);
        assertThat(r.u()).isEqualTo(86.0);
        assertThat(r.p() / 2).isCloseTo(0.0025, within(0.00005));
        assertAgrees(r.p(), 0.0050488458137747435);
    }

    @ParameterizedTest
    @ValueSource(longs = {1, 2, 3, 4, 5})
    void swappingTheGroupsMirrorsU(long seed) {
        SplittableRandom rng = new SplittableRandom(seed);
        double[] a = rng.doubles(5 + rng.nextInt(20)).toArray();
        double[] b = rng.doubles(5 + rng.nextInt(20)).map(x -> x + 0.2).toArray();
        MannWhitney ab = MannWhitney.test(a, b);
        MannWhitney ba = MannWhitney.test(b, a);
        assertThat(ab.u() + ba.u()).isEqualTo((double) a.length * b.length);
        assertThat(ab.p()).isCloseTo(ba.p(), within(1e-12));
    }
}
