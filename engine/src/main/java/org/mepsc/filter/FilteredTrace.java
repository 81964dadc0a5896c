package org.mepsc.filter;

import java.io.IOException;
import java.util.List;
import org.mepsc.trace.Trace;

/** A trace passed through one linear filter, computed lazily block by block (overlap-save). */
public final class FilteredTrace implements Trace {

    private final SpectralBank bank;

    public FilteredTrace(Trace source, Fir filter) {
        this.bank = new SpectralBank(source, BankDesign.of(List.of(filter), 1, source.length()));
    }

    /** Designs the FIR from a frequency response (taps below 1e-9 of the largest are cut). */
    public static FilteredTrace of(Trace source, FrequencyResponse response) {
        return new FilteredTrace(source, FirDesign.fromResponse(response, source.sampleRateHz(), 1e-9));
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
        bank.read(0, start, count, dst, offset);
    }
}
