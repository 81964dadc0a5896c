package org.mepsc.pipeline;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.io.UncheckedIOException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/** The thread pools of mepsc's runs, and how a task's failure reaches the thread that waits for it. */
public final class Workers {

    private Workers() {
    }

    /** A pool of {@code threads} daemon threads named {@code name} (a run never keeps the JVM alive). */
    public static ExecutorService pool(int threads, String name) {
        return Executors.newFixedThreadPool(threads, r -> {
            Thread t = new Thread(r, name);
            t.setDaemon(true);
            return t;
        });
    }

    /**
     * The task's result, waiting for it. Its failure is rethrown as it was thrown (an
     * {@link UncheckedIOException} as the I/O error inside it); an interruption of the waiting
     * thread is an {@link InterruptedIOException}, with the thread's interrupt flag set again.
     */
    public static <R> R result(Future<R> f) throws IOException {
        try {
            return f.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            InterruptedIOException x = new InterruptedIOException("interrupted");
            x.initCause(e);
            throw x;
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof IOException io) {
                throw io;
            }
            if (cause instanceof UncheckedIOException u) {
                throw u.getCause();
            }
            if (cause instanceof RuntimeException rt) {
                throw rt;
            }
            if (cause instanceof Error err) {
                throw err;
            }
            throw new IllegalStateException("a task failed with " + cause, cause);
        }
    }
}
