package org.mepsc.detect;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Peaks picked on the raw statistic with its noise (converting only near candidates) are exactly
 * the peaks picked on the fully converted statistic: same positions, same z to the bit, ties and
 * rounding included.
 */
class PeakPickerTest {

    private record Peak(long position, float z) {
    }

    /**
     * The rule read literally, sample by sample: at or above the threshold, above every earlier and
     * at least every later sample within the refractory period (NaN neighbours never outrank).
     */
    private static List<Peak> byDefinition(float[] z, long origin, long from, long to, double threshold, int refractory,
            long traceLength) {
        List<Peak> out = new ArrayList<>();
        for (long p = Math.max(0, from); p < Math.min(traceLength, to); p++) {
            float v = z[(int) (p - origin)];
            boolean peak = v >= threshold;
            for (long k = Math.max(origin, p - refractory); peak && k < Math.min(traceLength, p + refractory + 1); k++) {
                float w = z[(int) (k - origin)];
                peak = k < p ? !(w >= v) : k == p || !(w > v);
            }
            if (peak) {
                out.add(new Peak(p, v));
            }
        }
        return out;
    }

    @ParameterizedTest
    @ValueSource(longs = {1, 2, 3, 4, 5, 6, 7, 8})
    void rawWithNoiseGivesThePeaksOfTheConvertedStatistic(long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        int n = 20_000;
        float[] raw = new float[n];
        double scale = Math.pow(10, r.nextInt(7) - 3);
        for (int i = 0; i < n; i++) {
            double v = r.nextGaussian();
            if (r.nextInt(300) == 0) {
                v += 3 + 6 * r.nextDouble();
            }
            // coarse values make ties, before and after conversion
            raw[i] = seed % 2 == 0 ? (float) (v * scale) : Math.round(v * 8) / 8f * (float) scale;
        }
        raw[r.nextInt(n)] = Float.NaN;
        raw[n - 5] = Float.NEGATIVE_INFINITY;
        NoiseEstimate noise = new NoiseEstimate(0.1 * scale * r.nextGaussian(), scale * (0.5 + r.nextDouble()));
        float[] z = new float[n];
        for (int i = 0; i < n; i++) {
            z[i] = (float) ((raw[i] - noise.mean()) * (1 / noise.sd()));
        }
        long origin = 1_000_000L * seed;
        for (double threshold : new double[] {2.5, 3.5, 4.0 + r.nextDouble(), 40}) {
            int refractory = 1 + r.nextInt(30);
            long from = origin + r.nextInt(100);
            long to = origin + n - r.nextInt(100);
            long traceLength = origin + n - r.nextInt(50);
            List<Peak> expected = new ArrayList<>();
            PeakPicker.peaks(new Window(z, origin, n), from, to, threshold, refractory, traceLength,
                    (p, v) -> expected.add(new Peak(p, v)));
            List<Peak> gated = new ArrayList<>();
            PeakPicker.peaks(new Window(raw, origin, n), noise, from, to, threshold, refractory, traceLength,
                    (p, v) -> gated.add(new Peak(p, v)));
            assertThat(gated).as("threshold %s", threshold).isEqualTo(expected);
            assertThat(expected).as("threshold %s, by the definition", threshold)
                    .isEqualTo(byDefinition(z, origin, from, to, threshold, refractory, traceLength));
            if (threshold < 10) {
                assertThat(expected).isNotEmpty();
            }
        }
    }

    @ParameterizedTest
    @ValueSource(longs = {11, 12, 13, 14})
    void theGateIsTheSmallestValueThatReachesTheThreshold(long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        for (int k = 0; k < 200; k++) {
            double mu = r.nextGaussian() * Math.pow(10, r.nextInt(9) - 4);
            double scale = 1 / (Math.pow(10, r.nextInt(9) - 4) * (0.1 + r.nextDouble()));
            double threshold = 6 * r.nextGaussian();
            float gate = PeakPicker.smallestReaching(mu, scale, threshold);
            assertThat(PeakPicker.z(gate, mu, scale)).isGreaterThanOrEqualTo((float) threshold);
            assertThat((double) PeakPicker.z(Math.nextDown(gate), mu, scale)).isLessThan(threshold);
        }
    }
}
