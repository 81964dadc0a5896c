package org.mepsc.filter;

import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Output blocks of one decimator over the sweeps of one recording, kept for the threads of a run:
 * stretches that are filtered again and again (calibration tries several templates on the same
 * windows, and the main pass comes back to them) are filtered once. A block's values are the
 * decimator's own, computed the same way whoever computes them first, so results do not change.
 * Bounded: beyond {@code capacity} samples, blocks are computed each time, as without a store.
 */
public final class BlockStore {

    private final ConcurrentHashMap<Long, float[]> blocks = new ConcurrentHashMap<>();
    private final long capacity;
    private final AtomicLong stored = new AtomicLong();

    /** @param capacity samples the store may hold */
    public BlockStore(long capacity) {
        this.capacity = capacity;
    }

    private volatile HalfBandDecimator design;

    /**
     * The blocks of one sweep decimated by {@code design}, or null if the store already holds another
     * decimator's blocks (a store serves one).
     */
    public View sweep(int sweep, HalfBandDecimator design) {
        synchronized (this) {
            if (this.design == null) {
                this.design = design;
            }
        }
        return this.design.equals(design) ? new View(sweep) : null;
    }

    /** Samples held. */
    public long storedSamples() {
        return stored.get();
    }

    /** One sweep's blocks. */
    public final class View {

        private final long base;

        private View(int sweep) {
            this.base = (long) sweep << 32;
        }

        float[] get(long block) {
            return blocks.get(base | block);
        }

        /** Keeps a copy of {@code values} as block {@code block}, if there is room. */
        void offer(long block, float[] values, int count) {
            if (stored.addAndGet(count) > capacity) {
                stored.addAndGet(-count);
                return;
            }
            if (blocks.putIfAbsent(base | block, java.util.Arrays.copyOf(values, count)) != null) {
                stored.addAndGet(-count);
            }
        }
    }
}
