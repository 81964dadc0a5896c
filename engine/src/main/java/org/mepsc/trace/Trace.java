package org.mepsc.trace;

import java.io.IOException;

/**
 * One signal, sample by sample, served lazily: a channel of one sweep, or a stage that wraps
 * another trace (a filter, a detection statistic).
 *
 * <p>Every value a trace serves is a function of its absolute sample index only, never of how
 * the caller splits its reads: this is what makes chunked, parallel processing give the same
 * numbers as a whole-trace run. Stages keep buffers and are meant for one thread; build one
 * stage chain per worker over a shared, thread-safe source.
 */
public interface Trace {

    double sampleRateHz();

    /** Samples in the trace. */
    long length();

    /**
     * Copies samples {@code [start, start+count)} into {@code dst[offset..offset+count)}.
     *
     * @throws IndexOutOfBoundsException if the range is not inside {@code [0, length())}
     */
    void read(long start, int count, float[] dst, int offset) throws IOException;

    /** Rejects a read outside the trace; implementations call it first. */
    default void checkRange(long start, int count) {
        if (start < 0 || count < 0 || start + count > length()) {
            throw new IndexOutOfBoundsException("samples [" + start + ", " + (start + count)
                    + ") outside a trace of " + length() + " samples");
        }
    }
}
