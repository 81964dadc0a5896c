package org.mepsc.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.mepsc.stats.Reference.assertAgrees;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.mepsc.testing.SyntheticCohort;
import org.mepsc.testing.SyntheticCohort.Group;
import org.mepsc.testing.SyntheticCohort.Spec;

class CellBalancedKsTest {

    /** Each value its own cell. */
    static List<double[]> singletons(double[] values) {
        return Arrays.stream(values).mapToObj(v -> new double[] {v}).toList();
    }

    @Test
    void withOneEventPerCellItIsTheExactClassicTest() {
        // The permutation distribution over all C(15, 7) labellings is the exact null distribution
        // of D. scipy.stats.ks_2samp(B1, A1, method='exact') -> D=0.8571428571428571, p=0.004662004662004661
        CellBalancedKs.Result r = CellBalancedKs.test(singletons(Reference.A1), singletons(Reference.B1), 10_000,
                new SplittableRandom(1));
        assertThat(r.exact()).isTrue();
        assertThat(r.permutations()).isEqualTo(6435);
        assertAgrees(r.d(), 0.8571428571428571);
        assertAgrees(r.p(), 0.004662004662004661);
    }

    @Test
    void randomPermutationsApproachTheExactPValue() {
        // scipy.stats.ks_2samp(b3, a3, method='exact') -> D=0.07727272727272727, p=0.9883551699364153
        CellBalancedKs.Result r = CellBalancedKs.test(singletons(Reference.a3()), singletons(Reference.b3()), 20_000,
                new SplittableRandom(5));
        assertThat(r.exact()).isFalse();
        assertAgrees(r.d(), 0.07727272727272727);
        assertThat(r.p()).isCloseTo(0.98836, within(0.004));
    }

    @Test
    void everyCellWeighsTheSameWhateverItsEventCount() {
        double[] c1 = {1, 2, 3};
        double[] c2 = {2.5, 4, 6};
        double[] c3 = {5, 7};
        double d = CellBalancedKs.statistic(List.of(c1, c2), List.of(c3));
        double[] c1x4 = new double[12];
        for (int i = 0; i < 12; i++) {
            c1x4[i] = c1[i % 3];
        }
        assertThat(CellBalancedKs.statistic(List.of(c1x4, c2), List.of(c3))).isCloseTo(d, within(1e-12));
        // at 4: F_a = (1 + 2/3) / 2 = 5/6 and F_b = 0
        assertThat(d).isCloseTo(5.0 / 6, within(1e-12));
    }

    @Test
    void reproducibleWithTheSeed() {
        List<SyntheticCohort.Cell> cells = SyntheticCohort.generate(Spec.of(3,
                new Group("a", 12, 2, 15), new Group("b", 12, 2, 15)).withDuration(30));
        List<double[]> a = SyntheticCohort.amplitudes(cells, "a");
        List<double[]> b = SyntheticCohort.amplitudes(cells, "b");
        CellBalancedKs.Result one = CellBalancedKs.test(a, b, 500, new SplittableRandom(9));
        assertThat(one.exact()).isFalse();
        assertThat(CellBalancedKs.test(a, b, 500, new SplittableRandom(9))).isEqualTo(one);
    }

    @Test
    void findsADifferenceBetweenCells() {
        List<SyntheticCohort.Cell> cells = SyntheticCohort.generate(Spec.of(4,
                new Group("a", 6, 2, 12), new Group("b", 6, 2, 24)));
        CellBalancedKs.Result r = CellBalancedKs.test(SyntheticCohort.amplitudes(cells, "a"),
                SyntheticCohort.amplitudes(cells, "b"), 5000, new SplittableRandom(1));
        assertThat(r.exact()).isTrue();
        assertThat(r.p()).isLessThan(0.01);
    }

    @Test
    void keepsItsLevelWhenCellsDifferWhilePooledKsDoesNot() {
        // 100 cohorts with no group difference but real cell-to-cell variation (SD of log median
        // amplitude 0.15 between cells): a valid 5 % test rejects about 5 of them.
        int balancedRejections = 0;
        int pooledRejections = 0;
        int cohorts = 100;
        for (int s = 0; s < cohorts; s++) {
            List<SyntheticCohort.Cell> cells = SyntheticCohort.generate(Spec.of(1000 + s,
                    new Group("a", 6, 2, 15), new Group("b", 6, 2, 15)).withDuration(60));
            List<double[]> a = SyntheticCohort.amplitudes(cells, "a");
            List<double[]> b = SyntheticCohort.amplitudes(cells, "b");
            balancedRejections += CellBalancedKs.test(a, b, 2000, new SplittableRandom(s)).p() < 0.05 ? 1 : 0;
            pooledRejections += PooledKs.test(Samples.concat(a), Samples.concat(b)).p() < 0.05 ? 1 : 0;
        }
        // P(Binomial(100, 0.05) > 12) < 0.002
        assertThat(balancedRejections).isLessThanOrEqualTo(12);
        assertThat(pooledRejections).isGreaterThan(30);
    }

    @Test
    void cellsWithoutEventsAreIgnored() {
        List<double[]> a = new ArrayList<>(singletons(Reference.A1));
        a.add(new double[0]);
        CellBalancedKs.Result r = CellBalancedKs.test(a, singletons(Reference.B1), 10_000, new SplittableRandom(1));
        assertThat(r.cellsA()).isEqualTo(7);
        assertAgrees(r.p(), 0.004662004662004661);
    }
}
