package org.mepsc.filter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.Test;

class ResponsesTest {

    private static double magnitude(FrequencyResponse r, double f) {
        double[] z = new double[2];
        r.at(f, z);
        return Math.hypot(z[0], z[1]);
    }

    private static double magnitude(Fir h, double f, double fs) {
        double[] z = h.responseAt(f / fs);
        return Math.hypot(z[0], z[1]);
    }

    @Test
    void cutoffsAreMinus3dB() {
        double half = Math.sqrt(0.5);
        assertThat(magnitude(Responses.gaussianLowPass(2000), 2000)).isCloseTo(half, within(1e-12));
        assertThat(magnitude(Responses.besselLowPass(2000, 50_000), 2000)).isCloseTo(half, within(1e-6));
        assertThat(magnitude(Responses.gaussianHighPass(2), 2)).isCloseTo(half, within(1e-12));
        assertThat(magnitude(Responses.besselLowPass(2000, 50_000), 0)).isCloseTo(1, within(1e-12));
        assertThat(magnitude(Responses.gaussianHighPass(2), 0)).isCloseTo(0, within(1e-12));
    }

    @Test
    void notchesRemoveTheirCentresAndPassTheRest() {
        FrequencyResponse n = Responses.notches(List.of(50.0, 100.0, 150.0), 2);
        assertThat(magnitude(n, 50)).isCloseTo(0, within(1e-12));
        assertThat(magnitude(n, 150)).isCloseTo(0, within(1e-12));
        assertThat(magnitude(n, 75)).isCloseTo(1, within(1e-6));
        assertThat(magnitude(n, 1000)).isCloseTo(1, within(1e-12));
    }

    @Test
    void designedFirsHaveTheRequestedResponse() {
        double fs = 20_000;
        FrequencyResponse r = Responses.gaussianLowPass(1500).times(Responses.notches(List.of(60.0, 120.0), 2))
                .times(Responses.gaussianHighPass(1));
        Fir h = FirDesign.fromResponse(r, fs, 1e-9);
        for (double f : new double[] {0, 0.5, 1, 10, 60, 90, 120, 500, 1500, 3000, 9999}) {
            assertThat(magnitude(h, f, fs)).as("%s Hz", f).isCloseTo(magnitude(r, f), within(1e-6));
        }
        // zero-phase: symmetric taps
        assertThat(h.first()).isEqualTo(-h.last());
        assertThat(h.tap(5)).isCloseTo(h.tap(-5), within(1e-15));
    }

    @Test
    void besselIsCausal() {
        double fs = 50_000;
        Fir h = FirDesign.fromResponse(Responses.besselLowPass(2000, fs), fs, 1e-9);
        double before = 0;
        double total = 0;
        for (int j = h.first(); j <= h.last(); j++) {
            total += h.tap(j) * h.tap(j);
            before += j < 0 ? h.tap(j) * h.tap(j) : 0;
        }
        // only the zero-phase fade-out near Nyquist reaches before 0
        assertThat(before / total).isLessThan(1e-6);
        assertThat(h.length()).as("kernel length").isLessThan(2000);
        double sum = 0;
        for (int j = h.first(); j <= h.last(); j++) {
            sum += h.tap(j);
        }
        assertThat(sum).isCloseTo(1, within(1e-9));
    }
}
