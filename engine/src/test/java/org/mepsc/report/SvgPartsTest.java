package org.mepsc.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.mepsc.compare.Trace;

class SvgPartsTest {

    @Test
    void ticksAreNiceNumbers() {
        assertThat(Ticks.of(0, 7.3, 5)).containsExactly(0.0, 2.0, 4.0, 6.0);
        assertThat(Ticks.of(-0.05, 0.23, 5)).usingElementComparator((a, b) -> Math.abs(a - b) < 1e-12 ? 0 : Double.compare(a, b))
                .containsExactly(-0.05, 0.0, 0.05, 0.1, 0.15, 0.2);
        assertThat(Ticks.label(0.15, 0.05)).isEqualTo("0.15");
        assertThat(Ticks.label(-20, 10)).isEqualTo("−20");
        assertThat(Ticks.niceRange(0.3, 9.1, 5)).containsExactly(0.0, 10.0);
    }

    @Test
    void envelopeKeepsEveryExtremeOfALongTrace() {
        int n = 100_000;
        double[] t = new double[n];
        double[] y = new double[n];
        for (int i = 0; i < n; i++) {
            t[i] = i * 1e-4;
            y[i] = Math.sin(i * 0.01);
        }
        y[54_321] = -40;
        y[77_777] = 12;
        double[][] env = ExamplePlot.envelope(new Trace(t, y), t[0], t[n - 1], 800);
        assertThat(env[0].length).isLessThanOrEqualTo(1600);
        assertThat(Arrays.stream(env[1]).min().getAsDouble()).isEqualTo(-40);
        assertThat(Arrays.stream(env[1]).max().getAsDouble()).isEqualTo(12);
        for (int i = 1; i < env[0].length; i++) {
            assertThat(env[0][i]).isGreaterThanOrEqualTo(env[0][i - 1]);
        }
    }

    @Test
    void groupWaveformIsTheMeanOfCellsWithSem() {
        double[] t = {0, 1, 2, 3};
        Trace a = new Trace(t, new double[] {0, -10, -5, 0});
        Trace b = new Trace(t, new double[] {0, -20, -7, 0});
        WaveformPlot.GroupMean m = WaveformPlot.mean(java.util.List.of(a, b));
        assertThat(m.cells()).isEqualTo(2);
        assertThat(Curves.interpolate(m.t(), m.mean(), 1)).isCloseTo(-15, within(1e-9));
        // SEM of {-10, -20}: SD 7.07 / sqrt(2) = 5
        assertThat(Curves.interpolate(m.t(), m.sem(), 1)).isCloseTo(5, within(1e-9));
    }

    @Test
    void escapingCoversMarkupAndQuotes() {
        assertThat(Html.escape("a<b>&\"c'")).isEqualTo("a&lt;b&gt;&amp;&quot;c&#39;");
        assertThat(Html.p(0.0123)).isEqualTo("0.012");
        assertThat(Html.p(0.00012)).isEqualTo("1.2e-04");
        assertThat(Html.num(-1.234)).isEqualTo("−1.23");
    }
}
