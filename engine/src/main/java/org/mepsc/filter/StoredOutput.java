package org.mepsc.filter;

import java.io.IOException;
import org.mepsc.trace.Trace;

/**
 * A decimated trace read in fixed blocks through a {@link BlockStore}: a block another thread or an
 * earlier pass has computed is copied from the store; otherwise it is computed here (and the store
 * keeps it while it has room). Any block length gives the same values, since every output is a
 * function of its index alone.
 */
final class StoredOutput implements Trace {

    /** Samples per block: a few of them per chunk, and no more than the store's bound can hold. */
    private static final int PER_BLOCK = 1 << 11;

    private final Trace decimated;
    private final BlockStore.View store;
    private final float[] block = new float[PER_BLOCK];

    StoredOutput(Trace decimated, BlockStore.View store) {
        this.decimated = decimated;
        this.store = store;
    }

    @Override
    public double sampleRateHz() {
        return decimated.sampleRateHz();
    }

    @Override
    public long length() {
        return decimated.length();
    }

    @Override
    public void read(long start, int count, float[] dst, int offset) throws IOException {
        checkRange(start, count);
        Blocks.copy(this::block, PER_BLOCK, start, count, dst, offset);
    }

    /** Block {@code b} from the store, or decimated here (and offered to the store). */
    private float[] block(long b) throws IOException {
        float[] values = store.get(b);
        if (values == null) {
            int n = (int) Math.min(PER_BLOCK, decimated.length() - b * PER_BLOCK);
            decimated.read(b * PER_BLOCK, n, block, 0);
            store.offer(b, block, n);
            values = block;
        }
        return values;
    }
}
