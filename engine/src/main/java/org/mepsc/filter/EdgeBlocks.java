package org.mepsc.filter;

import java.util.ArrayDeque;
import java.util.HashMap;
import java.util.Map;

/**
 * A bank's blocks at the ends of the stretches its readers ask for, shared between the threads
 * of one pass: neighbouring chunks run on different threads, and each needs the block that
 * straddles their boundary, so without sharing it is filtered twice. A block's outputs are the
 * bank's own, computed the same way whoever computes them first, so results do not change.
 * Bounded: the oldest blocks are dropped beyond {@code capacity} samples.
 */
public final class EdgeBlocks {

    private final long capacity;
    private final Map<Long, float[][]> blocks = new HashMap<>();
    private final ArrayDeque<Long> order = new ArrayDeque<>();
    private long stored;
    private long taken;

    /** @param capacity samples (over all outputs) the shared blocks may hold */
    public EdgeBlocks(long capacity) {
        this.capacity = capacity;
    }

    /** One sweep's view (keys of different sweeps never meet). */
    public View sweep(int sweep) {
        return new View((long) sweep << 32);
    }

    /** How many blocks readers have found here instead of filtering them (for tests). */
    public synchronized long taken() {
        return taken;
    }

    private synchronized float[][] get(long key) {
        float[][] b = blocks.get(key);
        if (b != null) {
            taken++;
        }
        return b;
    }

    private synchronized void put(long key, float[][] outputs) {
        long size = (long) outputs.length * outputs[0].length;
        if (size > capacity || blocks.containsKey(key)) {
            return;
        }
        blocks.put(key, outputs);
        order.addLast(key);
        stored += size;
        while (stored > capacity) {
            float[][] dropped = blocks.remove(order.removeFirst());
            stored -= (long) dropped.length * dropped[0].length;
        }
    }

    /** One sweep's shared blocks. */
    public final class View {

        private final long base;

        private View(long base) {
            this.base = base;
        }

        /** Every output of block {@code block}, or null; the arrays must not be changed. */
        float[][] get(long block) {
            return EdgeBlocks.this.get(base | block);
        }

        /** Shares a copy of every output of block {@code block}. */
        void offer(long block, float[][] outputs) {
            float[][] copy = new float[outputs.length][];
            for (int k = 0; k < outputs.length; k++) {
                copy[k] = outputs[k].clone();
            }
            put(base | block, copy);
        }
    }
}
