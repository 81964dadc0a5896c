package org.mepsc.detect;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.SplittableRandom;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The radix sort gives {@code Arrays.sort}'s order and values; the median and its deviation from it are the definitions'. */
class FloatSortTest {

    /**
     * Values of one of several kinds: Gaussian, coarsely digitised (many ties), or either with the
     * awkward ones mixed in (±0, ±∞, NaN, subnormal, huge) at rate {@code special}.
     */
    static float[] values(SplittableRandom r, int n, boolean digitised, double special) {
        float[] odd = {0f, -0f, Float.POSITIVE_INFINITY, Float.NEGATIVE_INFINITY, Float.NaN, Float.MIN_VALUE,
                -Float.MIN_VALUE, 3e38f, -3e38f, Float.intBitsToFloat(0xffc00001)};
        float[] v = new float[n];
        for (int i = 0; i < n; i++) {
            double x = 3 + 2 * r.nextGaussian();
            v[i] = r.nextDouble() < special ? odd[r.nextInt(odd.length)]
                    : digitised ? Math.round(x * 4) / 4f : (float) x;
        }
        return v;
    }

    @ParameterizedTest
    @CsvSource({"0, false, 0", "1, false, 0", "2, true, 0.5", "37, false, 0.1", "1000, true, 0", "100000, false, 0",
            "100000, true, 0.01", "262144, false, 0.001"})
    void sortsAsArraysSortDoes(int n, boolean digitised, double special) {
        float[] v = values(new SplittableRandom(n + 7), n + 5, digitised, special);
        float[] before = v.clone();
        float[] want = Arrays.copyOf(v, n);
        Arrays.sort(want);
        float[] got = FloatSort.sorted(v, n);
        assertThat(got).hasSize(n);
        for (int i = 0; i < n; i++) {
            assertThat(Float.floatToIntBits(got[i])).as("index %d", i).isEqualTo(Float.floatToIntBits(want[i]));
        }
        assertThat(v).isEqualTo(before);
    }

    /** numpy's default median of {@code values[0..n)}, from a full sort. */
    private static double definitionMedian(float[] values, int n) {
        float[] s = Arrays.copyOf(values, n);
        Arrays.sort(s);
        double pos = 0.5 * (n - 1);
        int i = (int) Math.floor(pos);
        int j = Math.min(n - 1, i + 1);
        return s[i] + (pos - i) * (s[j] - s[i]);
    }

    /**
     * The noise fit's median and median absolute deviation from the sorted values are those of the
     * definitions (a sort of the values, and of the deviations in float); also with ties, infinities
     * and NaNs, and when most values are infinite or NaN (the median itself not finite).
     */
    @ParameterizedTest
    @CsvSource({"10, false, 0", "11, true, 0", "1001, true, 0.2", "5000, false, 0.02", "20000, true, 0.01",
            "4000, false, 0.9", "4001, true, 0.97", "777, false, 1"})
    void medianAndDeviationAreTheDefinitions(int n, boolean digitised, double special) {
        SplittableRandom r = new SplittableRandom(n * 31L + (digitised ? 1 : 0));
        float[] v = values(r, n, digitised, special);
        if (special >= 0.9) {
            // mostly one kind of non-finite value, so that the median is not finite
            float odd = n % 2 == 0 ? Float.POSITIVE_INFINITY : Float.NaN;
            for (int i = 0; i < n; i++) {
                v[i] = r.nextDouble() < special ? odd : v[i];
            }
        }
        float[] sorted = FloatSort.sorted(v, n);
        double median = definitionMedian(v, n);
        // compared as bits: NaN is NaN, and −0.0 is not 0.0
        assertThat(Double.doubleToLongBits(GaussianNoiseFit.median(sorted, n))).isEqualTo(Double.doubleToLongBits(median));
        float[] dev = new float[n];
        for (int i = 0; i < n; i++) {
            dev[i] = Math.abs(v[i] - (float) median);
        }
        assertThat(Double.doubleToLongBits(GaussianNoiseFit.medianDeviation(sorted, n, (float) median)))
                .isEqualTo(Double.doubleToLongBits(definitionMedian(dev, n)));
    }
}
