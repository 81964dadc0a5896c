package org.mepsc.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.Arrays;
import java.util.SplittableRandom;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.mepsc.detect.GaussianNoiseFit;
import org.mepsc.detect.NoiseEstimate;
import org.mepsc.detect.PeakPicker;

/**
 * The false-discovery guard reads each window's statistic in noise SDs through a scratch array per
 * worker: the conversion, done in blocks, gives what {@link PeakPicker#z} gives value by value
 * (positions beyond the valid ones keep their values), and a scratch left dirty by another window
 * finds the same peaks and dips as a fresh one.
 */
class GuardStatisticTest {

    @ParameterizedTest
    @ValueSource(longs = {1, 2, 3})
    void zScoresAndTheGuardsListsDoNotDependOnTheScratch(long seed) throws IOException {
        TemplateScene scene = TemplateScene.of(seed, 300_000);
        SplittableRandom r = scene.random();
        ChunkScanner scanner = scene.scanner();
        long length = scanner.length(0);
        // a window at the end of the trace: the statistic has positions beyond the valid ones
        long from = length - 20_000 - r.nextInt(5_000);
        ChunkStatistic z = scanner.statistic(0, from, length);
        FloatList sample = new FloatList();
        z.sample(from, length, 1, sample);
        NoiseEstimate noise = GaussianNoiseFit.fit(sample.array(), sample.size(), true);
        z.zScore(noise);

        int len = z.length();
        float[] dirty = new float[len + 3_000];
        Arrays.fill(dirty, 1e6f);
        float[] converted = z.zScores(dirty);
        int valid = (int) (z.validHi - z.lo);
        assertThat(valid).isBetween(1_025, len - 1);
        for (int i = 0; i < len; i++) {
            float want = i < valid ? PeakPicker.z(z.values[i], noise.mean(), 1 / noise.sd()) : z.values[i];
            assertThat(Float.floatToRawIntBits(converted[i])).as("position %d of %d", i, len).isEqualTo(Float.floatToRawIntBits(want));
        }

        FloatList peaks = new FloatList();
        FloatList dips = new FloatList();
        z.peaksAndDips(from, length, 2.5, new float[len], peaks, dips);
        FloatList peaksAgain = new FloatList();
        FloatList dipsAgain = new FloatList();
        Arrays.fill(dirty, -1e6f);
        z.peaksAndDips(from, length, 2.5, dirty, peaksAgain, dipsAgain);
        assertThat(peaks.size()).isGreaterThan(5);
        assertThat(dips.size()).isGreaterThan(5);
        assertThat(Arrays.copyOf(peaksAgain.array(), peaksAgain.size())).containsExactly(Arrays.copyOf(peaks.array(), peaks.size()));
        assertThat(Arrays.copyOf(dipsAgain.array(), dipsAgain.size())).containsExactly(Arrays.copyOf(dips.array(), dips.size()));
    }
}
