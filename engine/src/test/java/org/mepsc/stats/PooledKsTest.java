package org.mepsc.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mepsc.stats.Reference.assertAgrees;

import org.junit.jupiter.api.Test;

class PooledKsTest {

    @Test
    void agreesWithScipyExact() {
        // scipy.stats.ks_2samp(B1, A1, method='exact') -> D=0.8571428571428571, p=0.004662004662004661
        PooledKs r = PooledKs.test(Reference.A1, Reference.B1);
        assertAgrees(r.d(), 0.8571428571428571);
        assertAgrees(r.p(), 0.004662004662004661);
        // scipy.stats.ks_2samp(b3, a3, method='exact') -> D=0.07727272727272727, p=0.9883551699364153
        PooledKs r3 = PooledKs.test(Reference.a3(), Reference.b3());
        assertAgrees(r3.d(), 0.07727272727272727);
        assertAgrees(r3.p(), 0.9883551699364153);
        assertThat(r3.eventsA()).isEqualTo(60);
    }
}
