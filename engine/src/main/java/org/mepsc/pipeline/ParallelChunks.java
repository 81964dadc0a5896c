package org.mepsc.pipeline;

import java.io.IOException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import org.mepsc.filter.BlockStore;
import org.mepsc.filter.EdgeBlocks;
import org.mepsc.recording.Recording;

/**
 * Runs chunk tasks on a thread pool and hands their results back in chunk order, holding only a
 * few chunks in flight (results of a long recording stream through; they are not collected).
 * Every worker has its own {@link ChunkScanner}; which worker runs which chunk never changes a
 * result.
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

    /** A scanner outside the pool (for the calling thread), sharing the run's stored blocks. */
    ChunkScanner scanner(ScanSetup setup) {
        return new ChunkScanner(recording, channel, setup, frontStore, null);
    }

    <R> List<R> map(List<Chunk> chunks, ScanSetup setup, Task<R> task) throws IOException {
        List<R> out = new ArrayList<>(chunks.size());
        forEachOrdered(chunks.iterator(), setup, false, task, (c, r) -> out.add(r));
        return out;
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
     * @param contiguous each chunk starts where the one before ended (a pass over whole sweeps):
     *     workers then share the filter blocks at the chunks' boundaries
     */
    <R> void forEachOrdered(Iterator<Chunk> chunks, ScanSetup setup, boolean contiguous, Task<R> task,
            OrderedConsumer<R> consumer) throws IOException {
        BlockingQueue<ChunkScanner> scanners = new ArrayBlockingQueue<>(threads);
        // neighbouring chunks run on different workers: they share the blocks at their boundary
        EdgeBlocks edges = contiguous && threads > 1 ? new EdgeBlocks(EDGE_SAMPLES_PER_THREAD * threads) : null;
        for (int i = 0; i < threads; i++) {
            scanners.add(new ChunkScanner(recording, channel, setup, frontStore, edges));
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
