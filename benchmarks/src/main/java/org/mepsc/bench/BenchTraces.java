package org.mepsc.bench;

import java.util.SplittableRandom;
import org.mepsc.detect.Template;

/** Synthetic traces for the stage benchmarks: Gaussian noise with events of a known shape. */
final class BenchTraces {

    private BenchTraces() {
    }

    /**
     * {@code n} samples of noise (SD 2) with negative-going events of 5–50 (template 0.5/4 ms) at
     * random times, on average {@code eventsHz} per second.
     */
    static float[] minis(int n, double rateHz, double eventsHz, long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        float[] x = new float[n];
        for (int i = 0; i < n; i++) {
            x[i] = (float) (2 * r.nextGaussian() - 50);
        }
        Template t = new Template(0.5, 4);
        int len = (int) (rateHz * 0.04);
        double[] shape = t.sampled(rateHz, 0, len);
        double p = eventsHz / rateHz;
        for (int i = 0; i + len < n; i++) {
            if (r.nextDouble() < p) {
                double a = 5 + 45 * r.nextDouble();
                for (int j = 0; j < len; j++) {
                    x[i + j] -= (float) (a * shape[j]);
                }
            }
        }
        return x;
    }
}
