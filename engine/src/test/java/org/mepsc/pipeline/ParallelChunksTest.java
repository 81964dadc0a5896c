package org.mepsc.pipeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mepsc.detect.Template;
import org.mepsc.recording.ArrayRecording;

/**
 * Calibration starts its windows' work on the pool and collects it later: results come back in
 * window order, the finishing step runs once on the worker that ends the last window (so the
 * other worker can go on with work started after), and a window's failure reaches the caller.
 */
class ParallelChunksTest {

    private static final String WORKER = "parallel-chunks-test";

    private ExecutorService pool;
    private ParallelChunks parallel;
    private ScanSetup setup;

    @BeforeEach
    void setUp() {
        double fs = 20_000;
        float[] x = new float[100_000];
        ArrayRecording recording = ArrayRecording.singleCurrent("I", fs, x);
        Conditioning c = Conditioning.design(fs, LowPassKind.GAUSSIAN, 2000, 0, List.of());
        setup = SetupFactory.forCalibration(c, DetectionParameters.defaults(), Method.TEMPLATE, new Template(0.5, 4),
                new RawNoise(1, 1, 50), x.length, null);
        pool = Workers.pool(2, WORKER);
        parallel = new ParallelChunks(pool, 2, recording, 0, null);
    }

    @AfterEach
    void tearDown() {
        pool.shutdownNow();
    }

    private static List<Chunk> chunks(int n) {
        List<Chunk> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            out.add(new Chunk(0, 1_000L * i, 1_000L * (i + 1)));
        }
        return out;
    }

    @Test
    void resultsComeInChunkOrderAndTheFinishingStepRunsOnceOnAWorker() throws IOException {
        AtomicInteger finishes = new AtomicInteger();
        String[] finishedOn = new String[1];
        ParallelChunks.Pending<List<Long>> pending = parallel.start(chunks(9), setup, (s, c) -> {
            // later chunks end sooner, so they are done out of order
            sleep(10 - c.from() / 1_000);
            return c.from();
        }, results -> {
            finishes.incrementAndGet();
            finishedOn[0] = Thread.currentThread().getName();
            return List.copyOf(results);
        });
        assertThat(pending.get()).containsExactly(0L, 1_000L, 2_000L, 3_000L, 4_000L, 5_000L, 6_000L, 7_000L, 8_000L);
        assertThat(finishes).hasValue(1);
        assertThat(finishedOn[0]).isEqualTo(WORKER);
        assertThat(parallel.map(chunks(3), setup, (s, c) -> c.to())).containsExactly(1_000L, 2_000L, 3_000L);
    }

    @Test
    void aFinishingStepRunsBesideWorkStartedAfterIt() throws IOException, InterruptedException {
        CountDownLatch secondRan = new CountDownLatch(1);
        ParallelChunks.Pending<Boolean> first = parallel.start(chunks(1), setup, (s, c) -> c,
                results -> await(secondRan));
        ParallelChunks.Pending<Integer> second = parallel.start(chunks(1), setup, (s, c) -> {
            secondRan.countDown();
            return 1;
        }, results -> results.size());
        // the first finishing step waits on one worker until the second's chunk has run on the other
        assertThat(second.get()).isEqualTo(1);
        assertThat(first.get()).as("the first map's finishing step saw the second map's chunk run").isTrue();
    }

    @Test
    void aFailedChunkIsRethrownAndNothingIsFinished() {
        AtomicInteger finishes = new AtomicInteger();
        assertThatThrownBy(() -> parallel.start(chunks(4), setup, (s, c) -> {
            if (c.from() == 2_000) {
                throw new IOException("window 2 unreadable");
            }
            return c;
        }, results -> finishes.incrementAndGet()).get()).isInstanceOf(IOException.class).hasMessage("window 2 unreadable");
        assertThat(finishes).hasValue(0);
    }

    @Test
    void noChunksFinishAtOnce() throws IOException {
        assertThat(parallel.start(List.of(), setup, (s, c) -> 1, List::size).get()).isZero();
    }

    private static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static boolean await(CountDownLatch latch) {
        try {
            return latch.await(20, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
