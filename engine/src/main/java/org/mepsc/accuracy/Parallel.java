package org.mepsc.accuracy;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/** Runs independent pieces of work on a few threads and gives their results in order. */
final class Parallel {

    /** A piece of work that may fail with an I/O error. */
    @FunctionalInterface
    interface IoFunction<T, R> {
        R apply(T t) throws IOException;
    }

    private Parallel() {
    }

    static ExecutorService pool(int threads, String name) {
        return Executors.newFixedThreadPool(threads, r -> {
            Thread t = new Thread(r, name);
            t.setDaemon(true);
            return t;
        });
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
        ExecutorService pool = pool(Math.min(threads, items.size()), "mepsc-accuracy");
        try {
            List<Future<R>> futures = new ArrayList<>();
            for (T t : items) {
                futures.add(pool.submit(() -> f.apply(t)));
            }
            List<R> out = new ArrayList<>();
            for (Future<R> fu : futures) {
                out.add(get(fu));
            }
            return out;
        } finally {
            pool.shutdownNow();
        }
    }

    /** The result of a future, with an I/O failure or an interruption rethrown as an IOException. */
    static <R> R get(Future<R> f) throws IOException {
        try {
            return f.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            InterruptedIOException x = new InterruptedIOException("interrupted");
            x.initCause(e);
            throw x;
        } catch (ExecutionException e) {
            Throwable c = e.getCause();
            if (c instanceof IOException io) {
                throw io;
            }
            if (c instanceof UncheckedIOException u) {
                throw u.getCause();
            }
            if (c instanceof RuntimeException r) {
                throw r;
            }
            if (c instanceof Error err) {
                throw err;
            }
            throw new IOException(c);
        }
    }
}
