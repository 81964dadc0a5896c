package org.mepsc.detect;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import java.util.SplittableRandom;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Selection must give exactly what a full sort gives (the noise fits depend on it to the last bit):
 * checked against {@link Arrays#sort(float[])} on data with many ties, signed zeros, infinities
 * and NaN.
 */
class OrderStatisticsTest {

    private static float[] awkward(long seed, int n) {
        SplittableRandom r = new SplittableRandom(seed);
        float[] v = new float[n];
        for (int i = 0; i < n; i++) {
            int kind = r.nextInt(20);
            v[i] = switch (kind) {
                case 0 -> 0.0f;
                case 1 -> -0.0f;
                case 2 -> Float.NaN;
                case 3 -> r.nextBoolean() ? Float.POSITIVE_INFINITY : Float.NEGATIVE_INFINITY;
                case 4, 5, 6, 7 -> Math.round(r.nextGaussian() * 3) * 0.25f; // int16-like ties
                default -> (float) (r.nextGaussian() * 10);
            };
        }
        return v;
    }

    @ParameterizedTest
    @ValueSource(longs = {1, 2, 3, 4, 5})
    void selectGivesTheSortedValueAtEveryIndex(long seed) {
        int n = 1 + new SplittableRandom(seed).nextInt(3000);
        float[] v = awkward(seed, n);
        float[] sorted = v.clone();
        Arrays.sort(sorted);
        float[] before = v.clone();
        for (int k = 0; k < n; k += 1 + k / 7) {
            OrderStatistics s = new OrderStatistics(v, n);
            assertThat(Float.floatToIntBits(s.select(k))).as("k=%d", k).isEqualTo(Float.floatToIntBits(sorted[k]));
            if (k + 1 < n) {
                assertThat(Float.floatToIntBits(s.next(k))).isEqualTo(Float.floatToIntBits(sorted[k + 1]));
            }
        }
        assertThat(v).isEqualTo(before);
    }

    /** One instance asked in any order (next without the select before it), over every magnitude. */
    @ParameterizedTest
    @ValueSource(longs = {1, 2, 3})
    void callsInAnyOrderOnOneInstanceStayExact(long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        int n = 2 + r.nextInt(20_000);
        float[] v = awkward(seed, n);
        for (int i = 0; i < n; i += 3) {
            // raw bit patterns: subnormals, huge values, both signs, NaN payloads
            v[i] = Float.intBitsToFloat(r.nextInt());
        }
        float[] sorted = v.clone();
        Arrays.sort(sorted);
        OrderStatistics s = new OrderStatistics(v, n);
        for (int call = 0; call < 200; call++) {
            int k = r.nextInt(n - 1);
            if (r.nextBoolean()) {
                assertThat(Float.floatToIntBits(s.select(k))).as("select(%d)", k).isEqualTo(Float.floatToIntBits(sorted[k]));
            } else {
                assertThat(Float.floatToIntBits(s.next(k))).as("next(%d)", k).isEqualTo(Float.floatToIntBits(sorted[k + 1]));
            }
        }
    }

    @ParameterizedTest
    @ValueSource(longs = {11, 12, 13})
    void quantilesMatchInterpolationBetweenSortedValues(long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        int n = 2 + r.nextInt(100_000);
        float[] v = new float[n];
        for (int i = 0; i < n; i++) {
            v[i] = (float) (r.nextGaussian() * 2 + (r.nextInt(10) == 0 ? 30 * r.nextDouble() : 0));
        }
        float[] sorted = v.clone();
        Arrays.sort(sorted);
        for (double q : new double[] {0, 0.1, 0.5, 0.75, 1}) {
            double pos = q * (n - 1);
            int i = (int) Math.floor(pos);
            int j = Math.min(n - 1, i + 1);
            double expected = sorted[i] + (pos - i) * (sorted[j] - sorted[i]);
            assertThat(new OrderStatistics(v, n).quantile(q)).as("q=%s", q).isEqualTo(expected);
        }
    }

    @ParameterizedTest
    @ValueSource(longs = {21, 22, 23, 24})
    void theNoiseFitIsTheSameAsWithSortedData(long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        int n = 50_000 + r.nextInt(50_000);
        float[] v = new float[n + 100];
        for (int i = 0; i < n; i++) {
            double x = 1 + 0.7 * r.nextGaussian();
            if (r.nextDouble() < 0.05) {
                x += 5 * r.nextDouble();
            }
            v[i] = seed % 2 == 0 ? (float) x : Math.round(x * 20) / 20f;
        }
        NoiseEstimate fast = GaussianNoiseFit.fit(v, n, seed % 4 < 2);
        float[] sorted = Arrays.copyOf(v, n);
        Arrays.sort(sorted);
        NoiseEstimate fromSorted = GaussianNoiseFit.fit(sorted, n, seed % 4 < 2);
        assertThat(fast).isEqualTo(fromSorted);
    }

    @ParameterizedTest
    @ValueSource(ints = {0, 5})
    void indicesOutsideTheDataAreRefused(int n) {
        OrderStatistics s = new OrderStatistics(new float[10], n);
        assertThatThrownBy(() -> s.select(n)).isInstanceOf(IndexOutOfBoundsException.class);
    }
}
