package org.mepsc.filter;

import java.io.IOException;
import org.mepsc.trace.Trace;

/**
 * The first output of a bank, read block by block through a {@link BlockStore}: a block another
 * thread or an earlier pass has filtered is copied from the store; otherwise the bank computes it
 * (and the store keeps it while it has room).
 */
final class StoredOutput implements Trace {

    private final SpectralBank bank;
    private final BlockStore.View store;
    private final int perBlock;
    private final float[] block;

    StoredOutput(SpectralBank bank, BlockStore.View store) {
        this.bank = bank;
        this.store = store;
        this.perBlock = bank.design().validPerBlock() / bank.design().decimation();
        this.block = new float[perBlock];
    }

    @Override
    public double sampleRateHz() {
        return bank.sampleRateHz();
    }

    @Override
    public long length() {
        return bank.length();
    }

    @Override
    public void read(long start, int count, float[] dst, int offset) throws IOException {
        checkRange(start, count);
        Blocks.copy(this::block, perBlock, start, count, dst, offset);
    }

    /** Block {@code b} from the store, or filtered here (and offered to the store). */
    private float[] block(long b) throws IOException {
        float[] values = store.get(b);
        if (values == null) {
            int n = (int) Math.min(perBlock, bank.length() - b * perBlock);
            bank.read(0, b * perBlock, n, block, 0);
            store.offer(b, block, n);
            values = block;
        }
        return values;
    }
}
