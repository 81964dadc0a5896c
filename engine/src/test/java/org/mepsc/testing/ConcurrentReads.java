package org.mepsc.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.Callable;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.mepsc.recording.Recording;

/**
 * Reads recordings from many threads at once and compares every sample with a serial read of
 * the same recording, bit for bit: the engine's promise that recordings may be read concurrently.
 */
public final class ConcurrentReads {

    /** Samples kept per channel and sweep in the serial reference (from the sweep's start). */
    private static final int KEPT = 1 << 19;
    /** Channel × sweep pairs in the reference at most: the first, the last and some between. */
    private static final int PAIRS = 8;

    private ConcurrentReads() {
    }

    /** One channel and sweep read serially: {@code samples[i]} is sample {@code i} of the sweep. */
    record Trace(int channel, int sweep, float[] samples) {
    }

    /** What a recording holds where the concurrent reads will look, read on one thread. */
    public static final class Reference {
        private final String name;
        private final List<Trace> traces;

        private Reference(String name, List<Trace> traces) {
            this.name = name;
            this.traces = List.copyOf(traces);
        }

        @Override
        public String toString() {
            return name;
        }
    }

    /** The serial reference of {@code r}. */
    public static Reference reference(String name, Recording r) throws IOException {
        int channels = r.channels().size();
        long pairs = (long) channels * r.sweeps().size();
        List<Trace> traces = new ArrayList<>();
        for (long k = 0; k < Math.min(pairs, PAIRS); k++) {
            long pair = PAIRS >= pairs ? k : k * (pairs - 1) / (PAIRS - 1);
            int c = (int) (pair % channels);
            int s = (int) (pair / channels);
            float[] x = new float[(int) Math.min(r.sweep(s).length(), KEPT)];
            r.read(c, s, 0, x.length, x, 0);
            traces.add(new Trace(c, s, x));
        }
        return new Reference(name, traces);
    }

    /** A recording for one task: a shared instance, or one the task opens (and closes) itself. */
    @FunctionalInterface
    public interface Source {
        Recording open() throws IOException;
    }

    /**
     * One task: {@code reads} random slices (seeded) of the reference's traces from a recording
     * of {@code source}; the description of every slice that differs from the reference.
     */
    public static Callable<List<String>> task(Reference ref, Source source, boolean closeAfter, long seed,
            int reads) {
        return () -> {
            Recording r = source.open();
            List<String> differences = new ArrayList<>();
            try {
                SplittableRandom rnd = new SplittableRandom(seed);
                float[] buf = new float[70_000];
                for (int i = 0; i < reads; i++) {
                    Trace t = ref.traces.get(rnd.nextInt(ref.traces.size()));
                    int from = rnd.nextInt(t.samples().length);
                    int count = 1 + rnd.nextInt(Math.min(buf.length, t.samples().length - from));
                    r.read(t.channel(), t.sweep(), from, count, buf, 0);
                    for (int k = 0; k < count; k++) {
                        if (Float.floatToRawIntBits(buf[k]) != Float.floatToRawIntBits(t.samples()[from + k])) {
                            differences.add(ref + " channel " + t.channel() + " sweep " + t.sweep() + " sample "
                                    + (from + k) + ": " + buf[k] + " instead of " + t.samples()[from + k]);
                            break;
                        }
                    }
                }
            } finally {
                if (closeAfter) {
                    r.close();
                }
            }
            return differences;
        };
    }

    /** Runs the tasks on as many threads, all starting together, and asserts that no read differed. */
    public static void assertAllAgree(List<Callable<List<String>>> tasks) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(tasks.size());
        CyclicBarrier start = new CyclicBarrier(tasks.size());
        try {
            List<Future<List<String>>> results = new ArrayList<>();
            for (Callable<List<String>> t : tasks) {
                results.add(pool.submit(() -> {
                    start.await(1, TimeUnit.MINUTES); // every task opens and reads at the same time
                    return t.call();
                }));
            }
            List<String> differences = new ArrayList<>();
            for (Future<List<String>> f : results) {
                differences.addAll(f.get(5, TimeUnit.MINUTES));
            }
            assertThat(differences).as("concurrent reads that differ from the serial read").isEmpty();
        } finally {
            pool.shutdownNow();
        }
    }
}
