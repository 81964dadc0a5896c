package org.mepsc.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.mepsc.detect.NoiseEstimate;
import org.mepsc.detect.Template;
import org.mepsc.filter.ChainDesign;

/**
 * The pass's setup is the one its threshold was evaluated with, made ready for the pass: the same
 * detector, characteriser and artefact rules (not made again), the chain the cost model chooses
 * for the full recording, and the calibrated noise, threshold and amplitude floor.
 */
class PassSetupTest {

    @ParameterizedTest
    @CsvSource({"20000, DECONVOLUTION, false", "20000, TEMPLATE, true", "50000, DECONVOLUTION, false",
        "10000, TEMPLATE, true"})
    void thePassKeepsTheEvaluatedDetectorAndTakesItsOwnChainAndCalibration(double fs, Method method, boolean oneBank) {
        Conditioning c = Conditioning.design(fs, LowPassKind.GAUSSIAN, 2000, 0, List.of());
        DetectionParameters p = DetectionParameters.defaults().withMethod(method);
        Template t = new Template(0.5, 4);
        long length = (long) (3600 * fs);
        ScanSetup evaluated = SetupFactory.forCalibration(c, p, method, t, RawNoise.of(1.0, 1.5), length, null);
        NoiseEstimate noise = new NoiseEstimate(0.02, 1.3);
        ScanSetup pass = SetupFactory.forPass(evaluated, length, noise, 4.5, 7.0);

        assertThat(pass.detector()).isSameAs(evaluated.detector());
        assertThat(pass.characteriser()).isSameAs(evaluated.characteriser());
        assertThat(pass.artefacts()).isSameAs(evaluated.artefacts());
        assertThat(pass.template()).isEqualTo(t);
        assertThat(pass.refractory()).isEqualTo(evaluated.refractory());
        assertThat(pass.edgeHead()).isEqualTo(evaluated.edgeHead());
        assertThat(pass.edgeTail()).isEqualTo(evaluated.edgeTail());

        assertThat(evaluated.noise()).isNull();
        assertThat(pass.noise()).isEqualTo(noise);
        assertThat(pass.threshold()).isEqualTo(4.5);
        assertThat(pass.rules()).isEqualTo(SetupFactory.rules(t, 7.0));
        assertThat(evaluated.rules()).isEqualTo(SetupFactory.rules(t, 0));

        // calibration keeps the two-stage chain; the pass takes what the cost model chooses with the
        // full-rate outputs
        ChainDesign chosen = ScanSetup.chainFor(c, evaluated.detector(), length,
                SetupFactory.fullRateOutputs(c, evaluated.detector()));
        assertThat(pass.bank().front() == null).isEqualTo(chosen.front() == null);
        assertThat(pass.bank().back().blockSize()).isEqualTo(chosen.back().blockSize());
        assertThat(pass.bank().back().decimation()).isEqualTo(chosen.back().decimation());
        if (c.decimation() > 1) {
            assertThat(evaluated.bank().front()).isNotNull();
        }
        // with these filters the model puts the 20 kHz template detector in one bank at the full rate
        // (a pass given calibration's chain would keep the half-band front)
        assertThat(pass.bank().front() == null).isEqualTo(oneBank);
    }
}
