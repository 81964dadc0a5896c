package org.mepsc.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.SplittableRandom;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.mepsc.detect.Window;

/**
 * Template learning reads its events' conditioned trace from the copy each window's statistic
 * kept, and so do the noise sample and the quiet segments that follow: reads inside that copy,
 * across its ends and outside it give what filtering gives.
 */
class KeptConditionedTest {

    @ParameterizedTest
    @ValueSource(longs = {1, 2, 3})
    void readsFromTheKeptCopyGiveTheFilteredValues(long seed) throws IOException {
        TemplateScene scene = TemplateScene.of(seed, 400_000);
        SplittableRandom r = scene.random();
        ChunkScanner worker = scene.scanner();
        long from = 30_000 + r.nextInt(10_000);
        worker.statistic(0, from, from + 50_000);
        Window kept = worker.conditionedCopy();
        assertThat(kept).isNotNull();
        assertThat(kept.origin()).isLessThanOrEqualTo(from);
        assertThat(kept.end()).isGreaterThanOrEqualTo(from + 50_000);

        ChunkScanner reader = scene.scanner();
        ChunkScanner fresh = scene.scanner();
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
