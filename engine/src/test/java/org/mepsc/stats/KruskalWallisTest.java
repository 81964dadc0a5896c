package org.mepsc.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mepsc.stats.Reference.assertAgrees;

import java.util.List;
import org.junit.jupiter.api.Test;

class KruskalWallisTest {

    @Test
    void hollanderWolfeExample() {
        // Hollander & Wolfe (1973, p. 116): half-time of mucociliary clearance in three groups of
        // subjects, the example of R's kruskal.test: "Kruskal-Wallis chi-squared = 0.77143, df = 2,
        // p-value = 0.68".
        // scipy.stats.kruskal([2.9,3.0,2.5,2.6,3.2],[3.8,2.7,4.0,2.4],[2.8,3.4,3.7,2.2,2.0])
        //   -> H=0.7714285714285722, p=0.6799647735788936
        KruskalWallis r = KruskalWallis.test(List.of(
                new double[] {2.9, 3.0, 2.5, 2.6, 3.2},
                new double[] {3.8, 2.7, 4.0, 2.4},
                new double[] {2.8, 3.4, 3.7, 2.2, 2.0}));
        assertThat(r.df()).isEqualTo(2);
        assertThat(r.h()).isCloseTo(0.77143, org.assertj.core.api.Assertions.within(5e-6));
        assertAgrees(r.h(), 0.7714285714285722);
        assertAgrees(r.p(), 0.6799647735788936);
    }

    @Test
    void heavyTiesAsInScipysDocumentation() {
        // scipy.stats.kruskal([1,1,1],[2,2,2],[2,2]) -> H=7.0, p=0.0301973834223185
        KruskalWallis r = KruskalWallis.test(List.of(new double[] {1, 1, 1}, new double[] {2, 2, 2}, new double[] {2, 2}));
        assertAgrees(r.h(), 7.0);
        assertAgrees(r.p(), 0.0301973834223185);
    }

    @Test
    void tiesAcrossThreeGroups() {
        // scipy.stats.kruskal(A2, B2, [2,3,3,8,1]) -> H=5.594847527472524, p=0.0609669256851467
        KruskalWallis r = KruskalWallis.test(List.of(Reference.A2, Reference.B2, new double[] {2, 3, 3, 8, 1}));
        assertAgrees(r.h(), 5.594847527472524);
        assertAgrees(r.p(), 0.0609669256851467);
    }

    @Test
    void emptyGroupsAreLeftOut() {
        KruskalWallis r = KruskalWallis.test(List.of(Reference.A2, new double[0], Reference.B2));
        assertThat(r.df()).isEqualTo(1);
        assertThat(r.p()).isBetween(0.0, 1.0);
    }
}
