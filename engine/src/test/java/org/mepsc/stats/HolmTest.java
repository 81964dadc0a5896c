package org.mepsc.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class HolmTest {

    @Test
    void stepDownWithMonotoneAdjustment() {
        // sorted: 0.005*4 = 0.02, 0.01*3 = 0.03, 0.03*2 = 0.06, 0.04*1 = 0.04 -> max so far 0.06
        double[] adjusted = Holm.adjust(new double[] {0.01, 0.04, 0.03, 0.005});
        assertThat(adjusted).containsExactly(new double[] {0.03, 0.06, 0.06, 0.02}, within(1e-15));
    }

    @Test
    void capsAtOneAndSkipsNaN() {
        double[] adjusted = Holm.adjust(new double[] {0.6, Double.NaN, 0.2});
        assertThat(adjusted[0]).isEqualTo(0.6);
        assertThat(adjusted[1]).isNaN();
        assertThat(adjusted[2]).isCloseTo(0.4, within(1e-15));
        assertThat(Holm.adjust(new double[] {0.7, 0.8})).containsExactly(1.0, 1.0);
    }

    @Test
    void oneComparisonIsUnchanged() {
        assertThat(Holm.adjust(new double[] {0.0123})).containsExactly(0.0123);
    }
}
