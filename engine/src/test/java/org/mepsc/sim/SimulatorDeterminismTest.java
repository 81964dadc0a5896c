package org.mepsc.sim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.util.SplittableRandom;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class SimulatorDeterminismTest {

    /** Everything switched on, so every component's laziness is exercised. */
    static SimulationParameters busy(long seed) {
        return SimulationParameters.defaults().withDurationS(3).withRateHz(40).withHumHz(50).withHumPa(3)
                .withDriftPa(5).withArtefactRateHz(3).withSeed(seed);
    }

    static float[] readAll(SimulatedRecording r) throws IOException {
        float[] all = new float[(int) r.totalSamples()];
        r.read(0, 0, 0, all.length, all, 0);
        return all;
    }

    @ParameterizedTest
    @ValueSource(longs = {1, 2, 3, 4})
    void readsInRandomOrderAndChunksEqualOneWholeRead(long seed) throws IOException {
        float[] whole = readAll(Simulator.simulate(busy(seed)));
        SimulatedRecording fresh = Simulator.simulate(busy(seed));
        SplittableRandom rng = new SplittableRandom(seed * 7919);
        float[] pieced = new float[whole.length];
        boolean[] seen = new boolean[whole.length];
        int reads = 0;
        // random positions and sizes (some tiny, some spanning blocks), until every sample was read
        for (int i = 0; i < 400; i++) {
            int count = rng.nextInt(4) == 0 ? 1 + rng.nextInt(3) : 1 + rng.nextInt(30_000);
            int start = rng.nextInt(whole.length);
            count = Math.min(count, whole.length - start);
            fresh.read(0, 0, start, count, pieced, start);
            java.util.Arrays.fill(seen, start, start + count, true);
            reads++;
        }
        for (int i = 0; i < whole.length; i++) {
            if (!seen[i]) {
                fresh.read(0, 0, i, 1, pieced, i);
            }
        }
        assertThat(reads).isEqualTo(400);
        assertThat(pieced).containsExactly(whole);
    }

    @Test
    void concurrentReadersSeeTheSameSamples() throws Exception {
        float[] whole = readAll(Simulator.simulate(busy(21)));
        SimulatedRecording shared = Simulator.simulate(busy(21));
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(4);
        try {
            java.util.List<java.util.concurrent.Future<Integer>> results = new java.util.ArrayList<>();
            for (int t = 0; t < 4; t++) {
                long s = t;
                results.add(pool.submit(() -> {
                    SplittableRandom rng = new SplittableRandom(s);
                    float[] buf = new float[20_000];
                    int mismatches = 0;
                    for (int i = 0; i < 200; i++) {
                        int count = 1 + rng.nextInt(buf.length);
                        int start = rng.nextInt(whole.length - count);
                        shared.read(0, 0, start, count, buf, 0);
                        for (int k = 0; k < count; k++) {
                            mismatches += buf[k] != whole[start + k] ? 1 : 0;
                        }
                    }
                    return mismatches;
                }));
            }
            for (var f : results) {
                assertThat(f.get()).isZero();
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void readsIntoAnOffsetOfTheDestination() throws IOException {
        SimulatedRecording r = Simulator.simulate(busy(9));
        float[] whole = readAll(r);
        float[] dst = new float[100];
        r.read(0, 0, 8190, 50, dst, 25);
        for (int i = 0; i < 50; i++) {
            assertThat(dst[25 + i]).isEqualTo(whole[8190 + i]);
        }
        assertThat(dst[0]).isZero();
        assertThat(dst[99]).isZero();
    }

    @Test
    void sameSeedSameSamplesAndTruthDifferentSeedDifferent() throws IOException {
        SimulatedRecording a = Simulator.simulate(busy(5));
        SimulatedRecording b = Simulator.simulate(busy(5));
        SimulatedRecording c = Simulator.simulate(busy(6));
        assertThat(readAll(a)).containsExactly(readAll(b));
        assertThat(a.truth()).isEqualTo(b.truth()).isNotEmpty();
        assertThat(a.artefacts()).isEqualTo(b.artefacts()).isNotEmpty();
        float[] fa = readAll(a);
        float[] fc = readAll(c);
        int differ = 0;
        for (int i = 0; i < fa.length; i++) {
            differ += fa[i] != fc[i] ? 1 : 0;
        }
        assertThat(differ).isGreaterThan(fa.length * 99 / 100);
        assertThat(c.truth()).isNotEqualTo(a.truth());
    }

    @Test
    void blockBoundariesAreSeamless() throws IOException {
        // A quiet trace with no noise: any seam at a block edge would show as a jump.
        SimulatedRecording r = Simulator.simulate(SimulationParameters.defaults().withDurationS(2)
                .withNoiseSdPa(0).withRateHz(0).withHumHz(50).withHumPa(10).withHoldingPa(0));
        float[] all = readAll(r);
        assertThat(r.blockSize()).isLessThan(all.length / 4);
        // |second difference| of Σ a_h sin(2π h f t) ≤ Σ a_h (2π h f / fs)²; harmonics 1..5 at 1, .1, .3, .05, .15
        double w = 2 * Math.PI * 50 / 20_000;
        double bound = 10 * w * w * (1 + 0.1 * 4 + 0.3 * 9 + 0.05 * 16 + 0.15 * 25) + 1e-4;
        for (int i = 1; i + 1 < all.length; i++) {
            double second = (double) all[i + 1] - 2.0 * all[i] + all[i - 1];
            assertThat(Math.abs(second)).as("second difference at %d", i).isLessThan(bound);
        }
    }

    @Test
    void aWeekLongSimulationOpensAndReadsAtItsEndWithoutGeneratingTheRest() throws IOException {
        SimulatedRecording r = Simulator.simulate(SimulationParameters.defaults()
                .withDurationS(SimulationParameters.MAX_DURATION_S).withRateHz(0.5).withArtefactRateHz(0.01));
        assertThat(r.totalSamples()).isEqualTo(12_096_000_000L);
        float[] tail = new float[1000];
        r.read(0, 0, r.totalSamples() - 1000, 1000, tail, 0);
        double mean = 0;
        for (float v : tail) {
            mean += v / 1000.0;
        }
        assertThat(mean).isBetween(-60.0, -40.0);
        assertThat(r.truth().size()).isBetween(290_000, 315_000);
    }

    @Test
    void outOfRangeReadsAreRefused() {
        SimulatedRecording r = Simulator.simulate(busy(1));
        float[] dst = new float[10];
        assertThatThrownBy(() -> r.read(0, 0, r.totalSamples() - 5, 10, dst, 0))
                .isInstanceOf(IndexOutOfBoundsException.class);
        assertThatThrownBy(() -> r.read(1, 0, 0, 1, dst, 0)).isInstanceOf(IndexOutOfBoundsException.class);
        assertThatThrownBy(() -> r.read(0, 0, 0, 10, dst, 5)).isInstanceOf(IndexOutOfBoundsException.class);
    }
}
