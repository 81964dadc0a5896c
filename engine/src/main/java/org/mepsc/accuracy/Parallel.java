package org.mepsc.accuracy;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import org.mepsc.pipeline.Workers;

/** Runs independent pieces of work on a few threads and gives their results in order. */
final class Parallel {

    /** A piece of work that may fail with an I/O error. */
    @FunctionalInterface
    interface IoFunction<T, R> {
        R apply(T t) throws IOException;
    }

    private Parallel() {
    }

    /** {@code f} of every item, on {@code threads} threads, in the items' order; the first failure is thrown. */
    static <T, R> List<R> map(List<T> items, int threads, IoFunction<T, R> f) throws IOException {
        if (threads <= 1 || items.size() <= 1) {
            List<R> out = new ArrayList<>();
            for (T t : items) {
                out.add(f.apply(t));
            }
            return out;
        }
        ExecutorService pool = Workers.pool(Math.min(threads, items.size()), "mepsc-accuracy");
        try {
            List<Future<R>> futures = new ArrayList<>();
            for (T t : items) {
                futures.add(pool.submit(() -> f.apply(t)));
            }
            List<R> out = new ArrayList<>();
            for (Future<R> fu : futures) {
                out.add(Workers.result(fu));
            }
            return out;
        } finally {
            pool.shutdownNow();
        }
    }
}
