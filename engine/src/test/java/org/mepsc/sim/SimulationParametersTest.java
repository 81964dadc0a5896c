package org.mepsc.sim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.mepsc.events.Polarity;

class SimulationParametersTest {

    @Test
    void defaultsAreTheDocumentedRealisticOnes() {
        SimulationParameters d = SimulationParameters.defaults().validate();
        assertThat(d.sampleRateHz()).isEqualTo(20_000);
        assertThat(d.durationS()).isEqualTo(60);
        assertThat(d.rateHz()).isEqualTo(2);
        assertThat(d.amplitudeMedianPa()).isEqualTo(15);
        assertThat(d.amplitudeCv()).isEqualTo(0.5);
        assertThat(d.riseTauMs()).isEqualTo(0.5);
        assertThat(d.decayTauMs()).isEqualTo(4);
        assertThat(d.kineticsCv()).isEqualTo(0.2);
        assertThat(d.noiseSdPa()).isEqualTo(2);
        assertThat(d.pinkFraction()).isEqualTo(0.3);
        assertThat(d.humPa() + d.driftPa() + d.artefactRateHz()).isZero();
        assertThat(d.lowpassHz()).isEqualTo(2000);
        assertThat(d.holdingPa()).isEqualTo(-50);
        assertThat(d.polarity()).isEqualTo(Polarity.NEGATIVE);
        assertThat(d.seed()).isEqualTo(1);
        assertThat(d.sampleCount()).isEqualTo(1_200_000);
    }

    @Test
    void copiesChangeOneValueAndChainInAnyOrder() {
        SimulationParameters p = SimulationParameters.defaults().withSampleRateHz(1000).withLowpassHz(200)
                .withRiseTauMs(5).withDecayTauMs(20).withPolarity(Polarity.POSITIVE).withSeed(9);
        assertThat(p.validate().sampleRateHz()).isEqualTo(1000);
        assertThat(p.lowpassHz()).isEqualTo(200);
        assertThat(p.riseTauMs()).isEqualTo(5);
        assertThat(p.polarity()).isEqualTo(Polarity.POSITIVE);
        assertThat(p.amplitudeMedianPa()).isEqualTo(15);
        assertThat(p.describe()).contains("sample_rate_hz=1000").contains("polarity=positive").contains("seed=9");
    }

    @Test
    void valuesOutOfRangeAreRefusedNamingTheOption() {
        SimulationParameters d = SimulationParameters.defaults();
        assertThatThrownBy(() -> d.withRateHz(-1)).hasMessage("rate-hz must be between 0 and 1000 (got -1)");
        assertThatThrownBy(() -> d.withNoiseSdPa(Double.NaN)).hasMessageContaining("noise-sd-pA");
        assertThatThrownBy(() -> d.withPinkFraction(1.5)).hasMessageContaining("pink-fraction");
        assertThatThrownBy(() -> d.withAmplitudeMedianPa(0)).hasMessageContaining("amplitude-median-pA must be positive");
        assertThatThrownBy(() -> d.withSampleRateHz(50)).hasMessageContaining("fs-hz");
        assertThatThrownBy(() -> d.withPolarity(null)).hasMessageContaining("polarity");
        assertThatThrownBy(() -> d.withDecayTauMs(0.4).validate()).hasMessageContaining("decay-ms (0.4) must be longer than rise-ms (0.5)");
        assertThatThrownBy(() -> d.withLowpassHz(9500).validate()).hasMessageContaining("lowpass-hz")
                .hasMessageContaining("9000");
        assertThatThrownBy(() -> d.withHumHz(10_000).validate()).hasMessageContaining("hum-hz");
        assertThatThrownBy(() -> d.withDurationS(1e-6).validate()).hasMessageContaining("shorter than one sample");
        assertThatThrownBy(() -> d.withRateHz(1000).withDurationS(10_000).validate()).hasMessageContaining("events");
        assertThatThrownBy(() -> Simulator.simulate(d.withLowpassHz(5))).isInstanceOf(IllegalArgumentException.class);
    }
}
