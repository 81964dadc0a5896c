package org.mepsc.detect;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** The peak picker's gate scan: the Vector API's stops where the plain one does. */
class GateScanTest {

    @Test
    void theFloatGateComparesAsTheDoubleThreshold() {
        SplittableRandom r = new SplittableRandom(11);
        double[] thresholds = {0, -0.0, 3.5, 1.0 / 3, -2.7, 1e-300, -1e-300, 3.4028235677973366e38, 1e300,
            Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY, Double.NaN};
        for (double t : thresholds) {
            float g = GateScan.gate(t);
            float[] probes = {(float) t, Math.nextUp((float) t), Math.nextDown((float) t), Float.MAX_VALUE,
                Float.POSITIVE_INFINITY, Float.NEGATIVE_INFINITY, Float.NaN, 0f, -0f, (float) r.nextGaussian()};
            for (float v : probes) {
                assertThat(v >= g).as("%s vs %s", v, t).isEqualTo(v >= t);
            }
        }
    }

    @Test
    void vectorAndPlainStopAtTheSameSample() {
        SplittableRandom r = new SplittableRandom(12);
        GateScan plain = new GateScan.Plain();
        GateScan vector = new VectorGateScan();
        for (int trial = 0; trial < 500; trial++) {
            float[] d = new float[1 + r.nextInt(300)];
            double rare = r.nextDouble() * 0.05;
            for (int i = 0; i < d.length; i++) {
                double u = r.nextDouble();
                d[i] = u < rare ? 5f : u < 2 * rare ? Float.NaN : (float) r.nextGaussian();
            }
            float gate = trial % 7 == 0 ? Float.NaN : 3f;
            for (int from = 0; from <= d.length; from += 1 + r.nextInt(20)) {
                int to = from + r.nextInt(d.length - from + 1);
                assertThat(vector.first(d, from, to, gate)).as("trial %d, %d..%d", trial, from, to)
                        .isEqualTo(plain.first(d, from, to, gate));
            }
        }
    }
}
