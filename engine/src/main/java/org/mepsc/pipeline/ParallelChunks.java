package org.mepsc.pipeline;

import java.io.IOException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.mepsc.filter.BlockStore;
import org.mepsc.filter.EdgeBlocks;
import org.mepsc.filter.FftPlans;
import org.mepsc.recording.Recording;

/**
 * Runs chunk tasks on a thread pool and hands their results back in chunk order. A pass holds only
 * a few chunks in flight (results of a long recording stream through; they are not collected);
 * calibration's few windows are started at once, so that its steps can overlap. Every worker has
 * its own {@link ChunkScanner}; which worker runs which chunk never changes a result.
 */
final class ParallelChunks {

    /** A task on one chunk. */
    @FunctionalInterface
    interface Task<R> {
        R run(ChunkScanner scanner, Chunk chunk) throws IOException;
    }

    /** A task on one item of a list. */
    @FunctionalInterface
    interface ItemTask<T, R> {
        R run(T item) throws IOException;
    }

    /** What is made of a map's results, given in chunk order. */
    @FunctionalInterface
    interface Finish<R, S> {
        S apply(List<R> results) throws IOException;
    }

    /** Receives results in chunk order. */
    @FunctionalInterface
    interface OrderedConsumer<R> {
        void accept(Chunk chunk, R result) throws IOException;
    }

    /** Shared chunk-edge blocks' budget per worker (4 MiB of floats). */
    private static final long EDGE_SAMPLES_PER_THREAD = 1 << 20;

    private final ExecutorService pool;
    private final int threads;
    private final Recording recording;
    private final int channel;

    private final BlockStore frontStore;
    /** The transform plans of every bank the run builds (calibration builds several per template it tries). */
    private final FftPlans plans = new FftPlans();
    /** The artefacts calibration's scanners found (not the pass's: it scans each stretch once). */
    private final ArtefactLog artefactLog = new ArtefactLog();

    /**
     * @param frontStore decimated blocks kept for the run (calibration filters the same windows
     *     for every template it tries), or null
     */
    ParallelChunks(ExecutorService pool, int threads, Recording recording, int channel, BlockStore frontStore) {
        this.pool = pool;
        this.threads = threads;
        this.recording = recording;
        this.channel = channel;
        this.frontStore = frontStore;
    }

    /**
     * A calibration scanner (also for the calling thread), sharing the run's stored blocks and the
     * artefacts found so far.
     */
    ChunkScanner scanner(ScanSetup setup) {
        return new ChunkScanner(recording, channel, setup, frontStore, plans, null, artefactLog);
    }

    /** {@code task} on every chunk, on the pool; the results in chunk order. */
    <R> List<R> map(List<Chunk> chunks, ScanSetup setup, Task<R> task) throws IOException {
        return start(chunks, setup, task, results -> results).get();
    }

    /**
     * Starts {@code task} on every chunk and returns at once; {@code finish} runs on the results
     * (in chunk order) on the worker that completes the last chunk. Work started before this, and
     * its own finishing step, then runs beside these chunks rather than holding a worker idle:
     * calibration's steps on one thread (noise fits) overlap the next step's chunks this way. All
     * tasks are queued at once (for the few windows calibration maps, not a long pass).
     */
    <R, S> Pending<S> start(List<Chunk> chunks, ScanSetup setup, Task<R> task, Finish<R, S> finish) throws IOException {
        int n = chunks.size();
        CompletableFuture<S> result = new CompletableFuture<>();
        if (n == 0) {
            result.complete(finish.apply(List.of()));
            return new Pending<>(List.of(), result);
        }
        Object[] results = new Object[n];
        AtomicInteger remaining = new AtomicInteger(n);
        // scanners made as workers need them: no more than the workers that run at once
        Queue<ChunkScanner> idle = new ConcurrentLinkedQueue<>();
        List<Future<?>> parts = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            int index = i;
            Chunk c = chunks.get(i);
            parts.add(pool.submit(() -> {
                ChunkScanner s = idle.poll();
                if (s == null) {
                    s = scanner(setup);
                }
                try {
                    results[index] = task.run(s, c);
                } finally {
                    idle.add(s);
                }
                // the decrement publishes every result written before it to the last worker
                if (remaining.decrementAndGet() == 0) {
                    try {
                        @SuppressWarnings("unchecked")
                        List<R> ordered = (List<R>) Arrays.asList(results);
                        result.complete(finish.apply(ordered));
                    } catch (IOException | RuntimeException | Error e) {
                        result.completeExceptionally(e);
                        throw e;
                    }
                }
                return null;
            }));
        }
        return new Pending<>(parts, result);
    }

    /** Work {@link #start}ed on the pool, its result waited for when needed. */
    static final class Pending<S> {
        private final List<Future<?>> parts;
        private final Future<S> result;

        private Pending(List<Future<?>> parts, Future<S> result) {
            this.parts = parts;
            this.result = result;
        }

        /** Cancels the tasks not yet run (nothing if all have run). */
        void cancel() {
            for (Future<?> f : parts) {
                f.cancel(true);
            }
        }

        /**
         * The result, waiting for it; a task's failure is rethrown as {@link Workers#result} does,
         * and the tasks not yet run are cancelled.
         */
        S get() throws IOException {
            boolean done = false;
            try {
                for (Future<?> f : parts) {
                    Workers.result(f);
                }
                S s = Workers.result(result);
                done = true;
                return s;
            } finally {
                if (!done) {
                    cancel();
                }
            }
        }
    }

    /** {@code task} on every item, on the pool; the results in the items' order. */
    <T, R> List<R> mapEach(List<T> items, ItemTask<T, R> task) throws IOException {
        List<Future<R>> futures = new ArrayList<>(items.size());
        try {
            for (T item : items) {
                futures.add(pool.submit(() -> task.run(item)));
            }
            List<R> out = new ArrayList<>(items.size());
            for (Future<R> f : futures) {
                out.add(Workers.result(f));
            }
            return out;
        } finally {
            for (Future<R> f : futures) {
                f.cancel(true);
            }
        }
    }

    /**
     * {@code task} on a pass's chunks, a few in flight, the results to {@code consumer} in chunk
     * order as they come.
     *
     * @param chunks each starts where the one before ended (a pass over whole sweeps): workers share
     *     the filter blocks at the chunks' boundaries
     */
    <R> void forEachOrdered(Iterator<Chunk> chunks, ScanSetup setup, Task<R> task, OrderedConsumer<R> consumer)
            throws IOException {
        BlockingQueue<ChunkScanner> scanners = new ArrayBlockingQueue<>(threads);
        // neighbouring chunks run on different workers: they share the blocks at their boundary
        EdgeBlocks edges = threads > 1 ? new EdgeBlocks(EDGE_SAMPLES_PER_THREAD * threads) : null;
        for (int i = 0; i < threads; i++) {
            scanners.add(new ChunkScanner(recording, channel, setup, frontStore, plans, edges, null));
        }
        ArrayDeque<Future<R>> inFlight = new ArrayDeque<>();
        ArrayDeque<Chunk> order = new ArrayDeque<>();
        int maxInFlight = 2 * threads;
        try {
            while (chunks.hasNext() || !inFlight.isEmpty()) {
                while (chunks.hasNext() && inFlight.size() < maxInFlight) {
                    Chunk c = chunks.next();
                    order.add(c);
                    inFlight.add(pool.submit(() -> {
                        ChunkScanner s = scanners.take();
                        try {
                            return task.run(s, c);
                        } finally {
                            scanners.add(s);
                        }
                    }));
                }
                R r = Workers.result(inFlight.removeFirst());
                consumer.accept(order.removeFirst(), r);
            }
        } finally {
            for (Future<R> f : inFlight) {
                f.cancel(true);
            }
        }
    }
}
