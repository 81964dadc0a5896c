package org.mepsc.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.Arrays;
import java.util.SplittableRandom;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A statistic's sample for a noise fit takes the values at every stride-th position whose onset is
 * not excluded: taken in runs between the excluded stretches, it is the list the rule gives position
 * by position, whatever the stretches (none, at either end, touching, wider than the range, or
 * between two sampled positions).
 */
class StatisticSampleTest {

    @ParameterizedTest
    @ValueSource(longs = {1, 2, 3, 4, 5, 6})
    void runsBetweenExcludedStretchesGiveThePositionByPositionSample(long seed) throws IOException {
        TemplateScene scene = TemplateScene.of(seed, 120_000);
        SplittableRandom r = scene.random();
        ChunkScanner scanner = scene.scanner();
        long length = scanner.length(0);
        long from = r.nextLong(length / 2);
        long to = from + 5_000 + r.nextInt(20_000);
        ChunkStatistic z = scanner.statistic(0, from, to);
        int d = scene.setup().decimation();
        for (int round = 0; round < 40; round++) {
            z.zones = randomZones(r, (z.lo - 50) * d, (z.hi + 50) * d, round);
            int stride = new int[] {1, 1, 2, 3, 16, 997}[round % 6];
            FloatList runs = new FloatList(4);
            z.sample(from, to, stride, runs);
            FloatList single = new FloatList(4);
            long first = Math.floorDiv(from + stride - 1, stride) * stride;
            for (long p = first; p < Math.min(to, z.validHi); p += stride) {
                if (!z.excludedOnset(p)) {
                    single.add(z.values[(int) (p - z.lo)]);
                }
            }
            assertThat(Arrays.copyOf(runs.array(), runs.size()))
                    .as("round %d, stride %d, %d zones", round, stride, z.zones.size())
                    .isEqualTo(Arrays.copyOf(single.array(), single.size()));
        }
    }

    /** Merged stretches over {@code [lo, hi)}: none, one, or many of varied widths (some a sample wide). */
    private static Intervals randomZones(SplittableRandom r, long lo, long hi, int round) {
        Intervals zones = new Intervals();
        int count = round < 2 ? round * 3 : r.nextInt(40);
        if (round == 2) {
            zones.add(lo - 10, hi + 10); // everything
        }
        for (int i = 0; i < count; i++) {
            long start = lo + r.nextLong(hi - lo);
            long width = r.nextBoolean() ? 1 + r.nextInt(3) : 1 + r.nextLong((hi - lo) / 8);
            zones.add(start, start + width);
        }
        zones.merge();
        return zones;
    }
}
