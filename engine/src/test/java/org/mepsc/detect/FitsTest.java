package org.mepsc.detect;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.SplittableRandom;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** The Gaussian noise fit and the biexponential template fit. */
class FitsTest {

    @ParameterizedTest
    @ValueSource(longs = {1, 2, 3})
    void noiseFitIgnoresTheEventTail(long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        int n = 200_000;
        float[] v = new float[n];
        for (int i = 0; i < n; i++) {
            double x = 3 + 0.5 * r.nextGaussian();
            if (r.nextDouble() < 0.08) {
                x += 0.5 * (2 + 20 * r.nextDouble());
            }
            v[i] = (float) x;
        }
        NoiseEstimate e = GaussianNoiseFit.fit(v, n, true);
        assertThat(e.mean()).isCloseTo(3, within(0.03));
        assertThat(e.sd()).isCloseTo(0.5, within(0.5 * 0.04));
    }

    @ParameterizedTest
    @CsvSource({"0.3, 1.5, 0", "0.5, 4, 1", "1.0, 12, 2", "0.8, 6, 3"})
    void templateFitRecoversTheKinetics(double rise, double decay, long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        double dt = 0.1;
        Template truth = new Template(rise, decay);
        double[] y = new double[(int) ((3 + truth.peakTimeMs() + 6 * decay) / dt)];
        for (int i = 0; i < y.length; i++) {
            y[i] = 20 * truth.valueAt(i * dt - 3) + 0.2 * r.nextGaussian();
        }
        TemplateFit fit = TemplateFit.fit(y, dt, new Template(0.5, 4), 2.0);
        assertThat(fit.template().riseMs()).isCloseTo(rise, within(0.08 * rise + 0.02));
        assertThat(fit.template().decayMs()).isCloseTo(decay, within(0.05 * decay));
        assertThat(fit.amplitude()).isCloseTo(20, within(0.6));
        assertThat(fit.onsetMs()).isCloseTo(3, within(0.1));
        assertThat(fit.r2()).isGreaterThan(0.99);
    }
}
