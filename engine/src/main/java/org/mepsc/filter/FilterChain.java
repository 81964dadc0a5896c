package org.mepsc.filter;

import java.io.IOException;
import org.mepsc.trace.Trace;

/** The outputs of a {@link ChainDesign} over one trace. One per thread. */
public final class FilterChain {

    private final SpectralBank back;

    public FilterChain(Trace source, ChainDesign design) {
        Trace input = design.front() == null ? source : new SpectralBank(source, design.front()).output(0);
        this.back = new SpectralBank(input, design.back());
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
}
