package org.mepsc.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.mepsc.detect.Template;
import org.mepsc.detect.Window;
import org.mepsc.recording.ArrayRecording;

/**
 * Template learning reads its events' conditioned trace from the copy each window's statistic
 * kept, and so do the noise sample and the quiet segments that follow: reads inside that copy,
 * across its ends and outside it give what filtering gives.
 */
class KeptConditionedTest {

    @ParameterizedTest
    @ValueSource(longs = {1, 2, 3})
    void readsFromTheKeptCopyGiveTheFilteredValues(long seed) throws IOException {
        SplittableRandom r = new SplittableRandom(seed);
        double fs = 20_000;
        float[] x = new float[400_000];
        for (int i = 0; i < x.length; i++) {
            x[i] = (float) (2 * r.nextGaussian() - 40 + (r.nextInt(3000) == 0 ? -25 : 0));
        }
        ArrayRecording recording = ArrayRecording.singleCurrent("I", fs, x);
        Conditioning c = Conditioning.design(fs, LowPassKind.GAUSSIAN, 2000, 0, List.of());
        ScanSetup setup = SetupFactory.forCalibration(c, DetectionParameters.defaults(), Method.TEMPLATE,
                new Template(0.5, 4), new RawNoise(1, 1, 50), x.length, null);
        ChunkScanner worker = new ChunkScanner(recording, 0, setup, null, null);
        long from = 30_000 + r.nextInt(10_000);
        worker.statistic(0, from, from + 50_000);
        Window kept = worker.conditionedCopy();
        assertThat(kept).isNotNull();
        assertThat(kept.origin()).isLessThanOrEqualTo(from);
        assertThat(kept.end()).isGreaterThanOrEqualTo(from + 50_000);

        ChunkScanner reader = new ChunkScanner(recording, 0, setup, null, null);
        ChunkScanner fresh = new ChunkScanner(recording, 0, setup, null, null);
        int inside = 0;
        for (int trial = 0; trial < 200; trial++) {
            int count = 1 + r.nextInt(400);
            long start = kept.origin() - 600 + r.nextInt(kept.length() + 1_200 - count);
            float[] got = new float[count];
            float[] want = new float[count];
            reader.readConditioned(0, start, count, got, kept);
            fresh.readConditioned(0, start, count, want);
            assertThat(got).as("[%d, +%d)", start, count).containsExactly(want);
            inside += start >= kept.origin() && start + count <= kept.end() ? 1 : 0;
        }
        assertThat(inside).isGreaterThan(150);

        // the noise sample and the quiet segments read the kept copy: the same as filtering again
        FloatList fromKept = new FloatList();
        FloatList filtered = new FloatList();
        reader.sampleConditioned(0, from, from + 50_000, 3, 40, kept, fromKept);
        fresh.sampleConditioned(0, from, from + 50_000, 3, 40, null, filtered);
        assertThat(fromKept.size()).isGreaterThan(10_000);
        assertThat(java.util.Arrays.copyOf(fromKept.array(), fromKept.size()))
                .containsExactly(java.util.Arrays.copyOf(filtered.array(), filtered.size()));
        java.util.List<float[]> keptSegments = new java.util.ArrayList<>();
        java.util.List<float[]> freshSegments = new java.util.ArrayList<>();
        long[] busy = {from + 20_000};
        reader.quietSegments(0, from, from + 50_000, 1024, 100, busy, kept,
                (seg, offset) -> keptSegments.add(java.util.Arrays.copyOfRange(seg, offset, offset + 1024)));
        fresh.quietSegments(0, from, from + 50_000, 1024, 100, busy, null,
                (seg, offset) -> freshSegments.add(java.util.Arrays.copyOfRange(seg, offset, offset + 1024)));
        assertThat(keptSegments).hasSizeGreaterThan(30).hasSameSizeAs(freshSegments);
        for (int k = 0; k < keptSegments.size(); k++) {
            assertThat(keptSegments.get(k)).containsExactly(freshSegments.get(k));
        }
    }
}
