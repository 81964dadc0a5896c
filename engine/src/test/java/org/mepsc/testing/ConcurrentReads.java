package org.mepsc.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.mepsc.recording.Recording;

/** Checks that reads from several threads at once give what reads from one thread give. */
public final class ConcurrentReads {

    private ConcurrentReads() {
    }

    /** Six threads read random slices of random channels and sweeps of {@code r}; each must equal {@code reference}. */
    public static void assertMatch(Recording r, Recording reference, long seed) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(6);
        try {
            List<Future<String>> results = new ArrayList<>();
            for (int t = 0; t < 6; t++) {
                long threadSeed = seed * 31 + t;
                results.add(pool.submit(() -> {
                    SplittableRandom rnd = new SplittableRandom(threadSeed);
                    for (int k = 0; k < 200; k++) {
                        int c = rnd.nextInt(r.channels().size());
                        int s = rnd.nextInt(r.sweeps().size());
                        int length = (int) r.sweep(s).length();
                        int start = rnd.nextInt(length);
                        int n = rnd.nextInt(Math.min(5000, length - start) + 1);
                        float[] got = new float[n];
                        float[] want = new float[n];
                        r.read(c, s, start, n, got, 0);
                        reference.read(c, s, start, n, want, 0);
                        if (!Arrays.equals(got, want)) {
                            return "channel " + c + " sweep " + s + " [" + start + ", " + (start + n) + ")";
                        }
                    }
                    return "";
                }));
            }
            for (Future<String> f : results) {
                assertThat(f.get()).as("first slice that differed").isEmpty();
            }
        } finally {
            pool.shutdownNow();
        }
    }
}
