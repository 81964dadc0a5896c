package org.mepsc.filter;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * A design doubles its frequency grid until the impulse response fits; each finer grid takes the
 * frequencies it shares with the coarser one from it. Those values must be the response's own at
 * that frequency, bit for bit, so that a design is the one evaluating every frequency would give.
 */
class FirDesignGridTest {

    @ParameterizedTest
    @CsvSource({
        "20000, 4096", "20000, 8192", "50000, 16384", "10000, 4096", "44100, 8192", "3333.3, 4096"})
    void aFinerGridTakesTheSharedFrequenciesBitForBit(double fs, int grid) {
        List<FrequencyResponse> responses = List.of(
                Responses.besselLowPass(2000, fs), // a phase: the imaginary parts must move too
                Responses.gaussianLowPass(1000).times(Responses.smoothCutoff(0.3 * fs, 0.02 * fs)),
                Responses.gaussianHighPass(1).times(Responses.notches(List.of(50.0, 100.0, 150.0), 0.5)),
                HalfBandDecimator.of(4).response(fs));
        for (FrequencyResponse r : responses) {
            double[] coarse = FirDesign.sampled(r, fs, grid, null);
            double[] reused = FirDesign.sampled(r, fs, 2 * grid, coarse);
            double[] direct = FirDesign.sampled(r, fs, 2 * grid, null);
            assertThat(reused).isEqualTo(direct);
        }
    }

    @ParameterizedTest
    @CsvSource({"20000, 4096", "50000, 8192"})
    void aGridNotTwiceTheCoarserOneEvaluatesEveryFrequency(double fs, int grid) {
        FrequencyResponse r = Responses.besselLowPass(2000, fs);
        double[] coarse = FirDesign.sampled(r, fs, grid, null);
        assertThat(FirDesign.sampled(r, fs, 4 * grid, coarse)).isEqualTo(FirDesign.sampled(r, fs, 4 * grid, null));
    }
}
