package org.mepsc.filter;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.mepsc.simd.Simd;

/**
 * The Vector API butterflies give the plain ones' values bit for bit (so results do not depend on
 * how the JVM was started; NaNs aside, whose bits Java does not define), for every stage count and
 * for lane counts with and without a tail.
 */
class ButterfliesTest {

    /** Gaussian values with, at random places, the awkward ones: ±0, ±∞, NaN, tiny and huge. */
    private static float[][] rows(SplittableRandom r, int count, int length) {
        float[] special = {0f, -0f, Float.POSITIVE_INFINITY, Float.NEGATIVE_INFINITY, Float.NaN, Float.MIN_VALUE, 3e38f};
        float[][] x = new float[count][length];
        for (float[] row : x) {
            for (int i = 0; i < length; i++) {
                row[i] = r.nextInt(200) == 0 ? special[r.nextInt(special.length)] : (float) (r.nextGaussian() * 100);
            }
        }
        return x;
    }

    @Test
    void theTestJvmHasTheVectorModule() {
        // the poms start every test JVM with it; without it the comparison below would not run
        assertThat(ModuleLayer.boot().findModule("jdk.incubator.vector")).isPresent();
        // the kernels are used where the machine's vectors hold eight floats or more (AVX2 and up):
        // a machine with narrower ones runs the plain loops, and the comparisons below still run
        assertThat(Butterflies.FASTEST instanceof VectorButterflies).isEqualTo(Simd.available());
    }

    /**
     * Once compiled, the Vector API kernels allocate nothing: where C2 fails to turn a vector
     * operation into instructions, it builds the vector as an object instead (and runs several
     * times slower), so allocation shows it. Transforms until a batch allocates under 1 KiB a
     * transform; at most 20 seconds. Run in a JVM of its own (the {@code fresh-jvm} tag; see the
     * engine's pom), so that it judges the kernels rather than what the rest of the suite left.
     */
    @Test
    @Tag("fresh-jvm")
    void compiledTransformsAllocateNothing() {
        // its JVM is started as the others are, with the kernels' module
        assertThat(ModuleLayer.boot().findModule("jdk.incubator.vector")).isPresent();
        var threads = (com.sun.management.ThreadMXBean) java.lang.management.ManagementFactory.getThreadMXBean();
        RowFft fft = new RowFft(128, 256, false);
        SplittableRandom r = new SplittableRandom(5);
        float[][] re = rows(r, 128, 256);
        float[][] im = rows(r, 128, 256);
        float[][] outRe = RowFft.storage(256, 128);
        float[][] outIm = RowFft.storage(256, 128);
        long deadline = System.nanoTime() + 20_000_000_000L;
        long perTransform = Long.MAX_VALUE;
        while (perTransform >= 1024 && System.nanoTime() < deadline) {
            long before = threads.getCurrentThreadAllocatedBytes();
            for (int k = 0; k < 20; k++) {
                for (int row = 0; row < 128; row++) {
                    java.util.Arrays.fill(re[row], row);
                    java.util.Arrays.fill(im[row], -row);
                }
                fft.transform(re, im, outRe, outIm);
            }
            perTransform = (threads.getCurrentThreadAllocatedBytes() - before) / 20;
        }
        assertThat(perTransform).as("bytes allocated per transform").isLessThan(1024);
    }

    @ParameterizedTest
    @CsvSource({"2, 8", "4, 16", "8, 8", "16, 40", "32, 128", "64, 8", "128, 256", "256, 128", "512, 24", "8, 3"})
    void vectorAndPlainAgreeBitForBit(int count, int length) {
        agreeBitForBit(count, length, new VectorButterflies());
    }

    /**
     * The plain butterflies run the stages of small groups group by group (cache-sized); the values
     * are those of running every stage over all the rows in turn. The shapes cover groups that are
     * all cached, none cached and cached from a middle stage on.
     */
    @ParameterizedTest
    @CsvSource({"2, 8", "8, 3", "64, 8", "128, 256", "256, 128", "512, 24", "4, 4096", "8, 2048", "16, 1024"})
    void plainGroupOrderGivesStageOrderValues(int count, int length) {
        agreeBitForBit(count, length, (re, im, n, l, wRe, wIm) -> {
            for (int h = n / 2, step = 1; h >= 1; h /= 2, step *= 2) {
                for (int g = 0; g < n; g += 2 * h) {
                    for (int j = 0; j < h; j++) {
                        ScalarButterflies.butterfly(re[g + j], im[g + j], re[g + j + h], im[g + j + h], wRe[j * step],
                                wIm[j * step], 0, l);
                    }
                }
            }
        });
    }

    /** {@code other}'s DIF of random rows has the plain butterflies' values, bit for bit. */
    private static void agreeBitForBit(int count, int length, Butterflies other) {
        SplittableRandom r = new SplittableRandom(count * 1000L + length);
        float[] wRe = new float[count];
        float[] wIm = new float[count];
        for (int k = 0; k < count; k++) {
            double a = -2 * Math.PI * k / count;
            wRe[k] = (float) Math.cos(a);
            wIm[k] = (float) Math.sin(a);
        }
        float[][] re = rows(r, count, length);
        float[][] im = rows(r, count, length);
        float[][] re2 = RowFftTest.copy(re);
        float[][] im2 = RowFftTest.copy(im);
        new ScalarButterflies().dif(re, im, count, length, wRe, wIm);
        other.dif(re2, im2, count, length, wRe, wIm);
        for (int k = 0; k < count; k++) {
            for (int i = 0; i < length; i++) {
                // every NaN counts as one: Java leaves NaNs' sign and payload to the hardware, and
                // interpreted and compiled code give different ones for the same operation
                assertThat(Float.floatToIntBits(re2[k][i])).as("re row %d lane %d", k, i)
                        .isEqualTo(Float.floatToIntBits(re[k][i]));
                assertThat(Float.floatToIntBits(im2[k][i])).as("im row %d lane %d", k, i)
                        .isEqualTo(Float.floatToIntBits(im[k][i]));
            }
        }
    }
}
