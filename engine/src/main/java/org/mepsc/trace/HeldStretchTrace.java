package org.mepsc.trace;

import java.io.IOException;

/**
 * A trace that serves reads from a stretch of it already held in memory, and the rest from the
 * trace itself: a worker that has read a chunk's raw samples (to look for artefacts) then filters
 * them without reading and converting them again. Not thread-safe: one per worker.
 */
public final class HeldStretchTrace implements Trace {

    private final Trace source;
    private float[] held;
    private long heldStart;
    private int heldLength;

    public HeldStretchTrace(Trace source) {
        this.source = source;
    }

    /**
     * From now on, samples {@code [start, start + length)} are {@code values[0 .. length)}; the
     * caller leaves the array unchanged until it calls {@link #release} or holds another stretch.
     */
    public void hold(float[] values, long start, int length) {
        this.held = values;
        this.heldStart = start;
        this.heldLength = length;
    }

    /** Reads come from the source again. */
    public void release() {
        held = null;
        heldLength = 0;
    }

    @Override
    public double sampleRateHz() {
        return source.sampleRateHz();
    }

    @Override
    public long length() {
        return source.length();
    }

    @Override
    public void read(long start, int count, float[] dst, int offset) throws IOException {
        checkRange(start, count);
        long end = start + count;
        long from = Math.max(start, heldStart);
        long to = Math.min(end, heldStart + heldLength);
        if (held == null || from >= to) {
            source.read(start, count, dst, offset);
            return;
        }
        if (start < from) {
            source.read(start, (int) (from - start), dst, offset);
        }
        System.arraycopy(held, (int) (from - heldStart), dst, offset + (int) (from - start), (int) (to - from));
        if (to < end) {
            source.read(to, (int) (end - to), dst, offset + (int) (to - start));
        }
    }
}
