package org.mepsc.filter;

import java.io.IOException;

/** A filter's output as consecutive blocks of one length, found by block index. */
@FunctionalInterface
interface Blocks {

    /** Block {@code b}'s values (its samples that exist from index 0); valid until the next call. */
    float[] block(long b) throws IOException;

    /** Copies samples {@code [start, start + count)} of blocks {@code perBlock} samples long into {@code dst}. */
    static void copy(Blocks blocks, int perBlock, long start, int count, float[] dst, int offset) throws IOException {
        long pos = start;
        int done = 0;
        while (done < count) {
            long b = pos / perBlock;
            int within = (int) (pos - b * perBlock);
            int take = Math.min(count - done, perBlock - within);
            System.arraycopy(blocks.block(b), within, dst, offset + done, take);
            done += take;
            pos += take;
        }
    }
}
