package org.mepsc.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
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
 * Checks that reads from many threads at once give what reads from one thread give, bit for bit:
 * the engine's promise that recordings may be read concurrently. The expected samples come from
 * a serial read kept in memory ({@link #serial}) or from another instance ({@link #instance}).
 */
public final class ConcurrentReads {

    /** Samples kept per channel and sweep by a serial reference (from the sweep's start). */
    private static final int KEPT = 1 << 19;
    /** Channel × sweep pairs a serial reference keeps at most: the first, the last and some between. */
    private static final int PAIRS = 8;

    private ConcurrentReads() {
    }

    /** Where reads may look: a channel, a sweep and how many of its first samples. */
    record Place(int channel, int sweep, int length) {
    }

    /** The samples a read of {@code [from, from + count)} of a place must return. */
    @FunctionalInterface
    interface Expected {
        float[] of(Place place, int from, int count) throws IOException;
    }

    /** Where reads look and what they must find there. */
    public static final class Reference {
        private final String name;
        private final List<Place> places;
        private final Expected expected;

        private Reference(String name, List<Place> places, Expected expected) {
            this.name = name;
            this.places = List.copyOf(places);
            this.expected = expected;
        }

        @Override
        public String toString() {
            return name;
        }
    }

    /** Reads of up to 8 channel × sweep pairs of {@code r} (their first 512 Ki samples), made now on this thread. */
    public static Reference serial(String name, Recording r) throws IOException {
        int channels = r.channels().size();
        long pairs = (long) channels * r.sweeps().size();
        List<Place> places = new ArrayList<>();
        List<float[]> samples = new ArrayList<>();
        for (long k = 0; k < Math.min(pairs, PAIRS); k++) {
            long pair = PAIRS >= pairs ? k : k * (pairs - 1) / (PAIRS - 1);
            Place p = new Place((int) (pair % channels), (int) (pair / channels),
                    (int) Math.min(r.sweep((int) (pair / channels)).length(), KEPT));
            float[] x = new float[p.length()];
            r.read(p.channel(), p.sweep(), 0, x.length, x, 0);
            places.add(p);
            samples.add(x);
        }
        return new Reference(name, places,
                (p, from, count) -> Arrays.copyOfRange(samples.get(places.indexOf(p)), from, from + count));
    }

    /** Every channel and sweep of {@code other}, read at the same places when a read is checked. */
    public static Reference instance(String name, Recording other) {
        List<Place> places = new ArrayList<>();
        for (int s = 0; s < other.sweeps().size(); s++) {
            for (int c = 0; c < other.channels().size(); c++) {
                places.add(new Place(c, s, (int) Math.min(other.sweep(s).length(), Integer.MAX_VALUE)));
            }
        }
        return new Reference(name, places, (p, from, count) -> {
            float[] x = new float[count];
            other.read(p.channel(), p.sweep(), from, count, x, 0);
            return x;
        });
    }

    /** A recording for one task: a shared instance, or one the task opens (and closes) itself. */
    @FunctionalInterface
    public interface Source {
        Recording open() throws IOException;
    }

    /**
     * One task: {@code reads} random slices (seeded) of at most {@code maxCount} samples of the
     * reference's places, read from a recording of {@code source}; returns where they differed.
     */
    public static Callable<List<String>> task(Reference ref, Source source, boolean closeAfter, long seed,
            int reads, int maxCount) {
        return () -> {
            Recording r = source.open();
            List<String> differences = new ArrayList<>();
            try {
                SplittableRandom rnd = new SplittableRandom(seed);
                float[] buf = new float[maxCount];
                for (int i = 0; i < reads && !ref.places.isEmpty(); i++) {
                    Place p = ref.places.get(rnd.nextInt(ref.places.size()));
                    if (p.length() == 0) {
                        continue;
                    }
                    int from = rnd.nextInt(p.length());
                    int count = 1 + rnd.nextInt(Math.min(maxCount, p.length() - from));
                    r.read(p.channel(), p.sweep(), from, count, buf, 0);
                    float[] want = ref.expected.of(p, from, count);
                    if (!Arrays.equals(Arrays.copyOf(buf, count), want)) {
                        differences.add(ref + " channel " + p.channel() + " sweep " + p.sweep() + " [" + from + ", "
                                + (from + count) + ")");
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

    /** As above, 70 000 samples at most per read. */
    public static Callable<List<String>> task(Reference ref, Source source, boolean closeAfter, long seed, int reads) {
        return task(ref, source, closeAfter, seed, reads, 70_000);
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
            assertThat(differences).as("concurrent reads that differ from the expected samples").isEmpty();
        } finally {
            pool.shutdownNow();
        }
    }

    /** Six threads read 200 random slices (up to 5000 samples) of {@code r}; each must equal {@code reference}'s. */
    public static void assertMatch(Recording r, Recording reference, long seed) throws Exception {
        Reference ref = instance("reference", reference);
        List<Callable<List<String>>> tasks = new ArrayList<>();
        for (int t = 0; t < 6; t++) {
            tasks.add(task(ref, () -> r, false, seed * 31 + t, 200, 5000));
        }
        assertAllAgree(tasks);
    }
}
