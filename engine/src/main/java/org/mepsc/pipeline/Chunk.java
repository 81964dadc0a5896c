package org.mepsc.pipeline;

import java.util.ArrayList;
import java.util.List;

/**
 * A unit of work: detection-rate positions {@code [from, to)} of one sweep.
 */
record Chunk(int sweep, long from, long to) {

    /** Positions in all of {@code chunks}. */
    static long total(List<Chunk> chunks) {
        return chunks.stream().mapToLong(c -> c.to() - c.from()).sum();
    }

    /** Splits {@code [from, to)} of a sweep into chunks of at most {@code size} positions. */
    static List<Chunk> split(int sweep, long from, long to, int size) {
        List<Chunk> out = new ArrayList<>();
        for (long s = from; s < to; s += size) {
            out.add(new Chunk(sweep, s, Math.min(to, s + size)));
        }
        return out;
    }
}
