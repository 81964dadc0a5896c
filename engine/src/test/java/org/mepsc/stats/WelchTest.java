package org.mepsc.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mepsc.stats.Reference.assertAgrees;

import org.junit.jupiter.api.Test;

class WelchTest {

    @Test
    void agreesWithScipyOnSmallGroups() {
        // scipy.stats.ttest_ind(B1, A1, equal_var=False)
        //   -> t=4.640268094012135, df=12.320100284818041, p=0.0005320193700654403
        Welch r = Welch.test(Reference.A1, Reference.B1);
        assertAgrees(r.t(), 4.640268094012135);
        assertAgrees(r.df(), 12.320100284818041);
        assertAgrees(r.p(), 0.0005320193700654403);
    }

    @Test
    void agreesWithScipyWithTies() {
        // scipy.stats.ttest_ind(B2, A2, equal_var=False)
        //   -> t=2.887329266605666, df=12.764369874091498, p=0.0129171535284581
        Welch r = Welch.test(Reference.A2, Reference.B2);
        assertAgrees(r.t(), 2.887329266605666);
        assertAgrees(r.df(), 12.764369874091498);
        assertAgrees(r.p(), 0.0129171535284581);
    }

    @Test
    void agreesWithScipyOnLargerGroups() {
        // scipy.stats.ttest_ind(b3, a3, equal_var=False)
        //   -> t=0.5498052226543277, df=111.8600650576103, p=0.583549064150495
        Welch r = Welch.test(Reference.a3(), Reference.b3());
        assertAgrees(r.t(), 0.5498052226543277);
        assertAgrees(r.df(), 111.8600650576103);
        assertAgrees(r.p(), 0.583549064150495);
    }

    @Test
    void undefinedWithASingleValue() {
        assertThat(Double.isNaN(Welch.test(new double[] {1}, Reference.B1).p())).isTrue();
    }
}
