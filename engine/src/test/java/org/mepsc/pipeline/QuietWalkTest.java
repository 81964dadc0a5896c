package org.mepsc.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The artefact scan's quiet walk: the Vector API's stops where the plain one does. */
class QuietWalkTest {

    @Test
    void theFloatThresholdComparesAsTheDoubleOne() {
        SplittableRandom r = new SplittableRandom(7);
        double[] thresholds = {0, 1e-300, 0.1, 1.0 / 3, 12.5, 3.4e38, 1e300, Double.POSITIVE_INFINITY, Double.MIN_VALUE};
        for (double t : thresholds) {
            float f = QuietWalk.floatThreshold(t);
            for (int k = 0; k < 20_000; k++) {
                float d = switch (k % 4) {
                    case 0 -> (float) t;
                    case 1 -> Math.nextUp((float) t);
                    case 2 -> Math.nextDown((float) t);
                    default -> (float) (r.nextDouble() * 2 * Math.min(t, 1e30));
                };
                assertThat(Math.abs(d) <= f).as("|%s| vs %s", d, t).isEqualTo(Math.abs(d) <= t);
            }
        }
    }

    /** Steps of a random walk with, at rate {@code p} each, repeats, jumps and non-finite values. */
    private static float[] trace(SplittableRandom r, int n, double p) {
        float[] x = new float[n];
        float v = 0;
        for (int i = 0; i < n; i++) {
            double u = r.nextDouble();
            if (u < p) {
                x[i] = v; // a repeat: the walk stops
            } else if (u < 2 * p) {
                v += 50; // a jump
                x[i] = v;
            } else if (u < 2.2 * p) {
                x[i] = r.nextBoolean() ? Float.NaN : Float.POSITIVE_INFINITY;
            } else {
                v += (float) (r.nextGaussian() * 2);
                x[i] = v;
            }
            if (x[i] != x[i]) {
                continue;
            }
            v = x[i];
        }
        return x;
    }

    @ParameterizedTest
    @ValueSource(doubles = {0, 0.001, 0.02, 0.2})
    void vectorAndPlainStopAtTheSameSample(double p) {
        SplittableRandom r = new SplittableRandom(Double.doubleToLongBits(p));
        QuietWalk plain = new QuietWalk.Plain();
        QuietWalk vector = new VectorQuietWalk();
        for (int trial = 0; trial < 200; trial++) {
            float[] x = trace(r, 1 + r.nextInt(400), p);
            float threshold = QuietWalk.floatThreshold(r.nextBoolean() ? 10 : 3);
            int from = 1;
            while (from < x.length) {
                int end = from + r.nextInt(x.length - from + 1);
                int expected = plain.stop(x, from, end, threshold);
                assertThat(vector.stop(x, from, end, threshold)).as("trial %d from %d to %d", trial, from, end)
                        .isEqualTo(expected);
                from = expected + 1;
            }
        }
    }
}
