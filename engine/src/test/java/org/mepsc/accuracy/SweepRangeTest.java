package org.mepsc.accuracy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.mepsc.pipeline.DetectionParameters;

class SweepRangeTest {

    @Test
    void valuesAreExactDecimalsFromStartToEndInclusive() {
        assertThat(SweepRange.parse("2:6:0.25").values()).hasSize(17).startsWith(2.0, 2.25, 2.5).endsWith(5.75, 6.0);
        assertThat(SweepRange.parse("0.1:0.3:0.1").values()).containsExactly(0.1, 0.2, 0.3);
        assertThat(SweepRange.parse(" 1000 : 3000 : 750 ").values()).containsExactly(1000.0, 1750.0, 2500.0);
        assertThat(SweepRange.parse("4.5").values()).containsExactly(4.5);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "6:2:1 | ends (2) before it starts (6)",
        "2:6:0 | step must be positive",
        "2:6:-1 | step must be positive",
        "0:1000:0.5 | at most 1000",
        "2:6 | not FROM:TO:STEP",
        "a:b:c | not FROM:TO:STEP with numbers",
        "'' | not FROM:TO:STEP with numbers"})
    void refusesWhatIsNotARange(String text, String message) {
        assertThatThrownBy(() -> SweepRange.parse(text)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(message);
    }

    @Test
    void parametersAreNamedAsTheOptionsAndSetTheirField() {
        DetectionParameters d = DetectionParameters.defaults();
        assertThat(SweepParameter.named("Lowpass_HZ")).isEqualTo(SweepParameter.LOWPASS_HZ);
        assertThat(SweepParameter.THRESHOLD.apply(d, 3.5).threshold()).isEqualTo(3.5);
        assertThat(SweepParameter.LOWPASS_HZ.apply(d, 1500).lowPassHz()).isEqualTo(1500);
        assertThat(SweepParameter.LOWPASS_HZ.apply(d, 1500).lowPassKind()).isEqualTo(d.lowPassKind());
        assertThat(SweepParameter.HIGHPASS_HZ.apply(d, 2).highPassHz()).isEqualTo(2);
        assertThat(SweepParameter.REFRACTORY_MS.apply(d, 3).refractoryMs()).isEqualTo(3);
        assertThat(SweepParameter.AMPLITUDE_FLOOR.apply(d, 4).amplitudeFloor()).isEqualTo(4);
        assertThat(SweepParameter.named("fdr").apply(d, 0.05).falseDiscovery()).isEqualTo(0.05);
        assertThat(SweepParameter.THRESHOLD.keepsTemplate()).isTrue();
        assertThat(SweepParameter.LOWPASS_HZ.keepsTemplate()).isFalse();
        assertThatThrownBy(() -> SweepParameter.named("gain")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("no sweepable parameter 'gain'").hasMessageContaining("refractory-ms");
    }
}
