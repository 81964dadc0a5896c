package org.mepsc.filter;

import java.io.IOException;
import org.mepsc.trace.Trace;

/** The outputs of a {@link ChainDesign} over one trace. One per thread. */
public final class FilterChain {

    private final SpectralBank back;

    public FilterChain(Trace source, ChainDesign design) {
        this(source, design, null, 0, null, null);
    }

    /**
     * @param frontStore where the front's output blocks are kept for the run's other readers (null:
     *     compute them here)
     * @param sweep the sweep {@code source} is, as the stores know it
     * @param edges where the back bank shares the blocks at the ends of each
     *     {@link #readOutputs} call with other threads' chains of the same design (null: not shared)
     * @param plans the run's transform plans (null: the chain makes its own)
     */
    public FilterChain(Trace source, ChainDesign design, BlockStore frontStore, int sweep, EdgeBlocks edges,
            FftPlans plans) {
        Trace input = source;
        if (design.front() != null) {
            Trace front = design.front().over(source);
            BlockStore.View stored = frontStore == null ? null : frontStore.sweep(sweep, design.front());
            input = stored == null ? front : new StoredOutput(front, stored);
        }
        this.back = new SpectralBank(input, design.back(), edges == null ? null : edges.sweep(sweep), plans);
    }

    /** Output samples (at the decimated rate). */
    public long length() {
        return back.length();
    }

    public double sampleRateHz() {
        return back.sampleRateHz();
    }

    public void read(int output, long start, int count, float[] dst, int offset) throws IOException {
        back.read(output, start, count, dst, offset);
    }

    /** Several outputs at once, each block filtered once for all of them: see {@link SpectralBank#readOutputs}. */
    public void readOutputs(long[] starts, int[] counts, float[][] dsts) throws IOException {
        back.readOutputs(starts, counts, dsts);
    }
}
