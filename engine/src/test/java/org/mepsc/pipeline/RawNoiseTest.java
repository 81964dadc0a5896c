package org.mepsc.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.SplittableRandom;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class RawNoiseTest {

    private static FloatList absGaussian(SplittableRandom r, int n, double sd, double zeroShare) {
        FloatList list = new FloatList();
        for (int i = 0; i < n; i++) {
            list.add(r.nextDouble() < zeroShare ? 0f : (float) Math.abs(sd * r.nextGaussian()));
        }
        return list;
    }

    /** One list after the other, on this thread. */
    private static RawNoise of(FloatList diffs, FloatList lagged) throws Exception {
        return RawNoise.of(diffs, lagged, lists -> lists.stream().map(RawNoise::robustSd).toList());
    }

    private static float[] sorted(FloatList list) {
        float[] v = Arrays.copyOf(list.array(), list.size());
        Arrays.sort(v);
        return v;
    }

    /** The robust SD is 1.4826 × the median (the value a sort puts at n/2), exactly. */
    @ParameterizedTest
    @ValueSource(longs = {1, 2, 3, 4})
    void scalesTheMedianOfAbsoluteValues(long seed) throws Exception {
        SplittableRandom r = new SplittableRandom(seed);
        int n = 10 + r.nextInt(100_000);
        FloatList diffs = absGaussian(r, n, 2, 0.1);
        FloatList lagged = absGaussian(r, n, 3, 0.1);
        RawNoise noise = of(diffs, lagged);
        assertThat(noise.differenceSd()).isEqualTo(1.4826 * sorted(diffs)[n / 2]);
        assertThat(noise.noiseSd()).isEqualTo(1.4826 * sorted(lagged)[n / 2] / Math.sqrt(2));
        assertThat(noise.stepThreshold()).isEqualTo(RawNoise.STEP_SDS * noise.differenceSd());
    }

    /** Where most differences are 0 (coarse digitisation) the RMS stands in for the median. */
    @ParameterizedTest
    @ValueSource(longs = {1, 2})
    void usesTheRmsWhereMostValuesAreZero(long seed) throws Exception {
        SplittableRandom r = new SplittableRandom(seed);
        int n = 1000 + r.nextInt(10_000);
        FloatList diffs = absGaussian(r, n, 2, 0.7);
        double ss = 0;
        for (float x : sorted(diffs)) {
            ss += (double) x * x;
        }
        RawNoise noise = of(diffs, absGaussian(r, n, 3, 0));
        assertThat(noise.differenceSd()).isEqualTo(Math.sqrt(ss / n)).isPositive();
    }
}
