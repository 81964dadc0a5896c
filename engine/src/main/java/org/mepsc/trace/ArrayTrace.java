package org.mepsc.trace;

/** A trace held in memory (tests, short synthetic signals, windows copied out of a longer trace). */
public final class ArrayTrace implements Trace {

    private final float[] samples;
    private final double sampleRateHz;

    public ArrayTrace(float[] samples, double sampleRateHz) {
        if (!(sampleRateHz > 0)) {
            throw new IllegalArgumentException("sample rate " + sampleRateHz);
        }
        this.samples = samples;
        this.sampleRateHz = sampleRateHz;
    }

    @Override
    public double sampleRateHz() {
        return sampleRateHz;
    }

    @Override
    public long length() {
        return samples.length;
    }

    @Override
    public void read(long start, int count, float[] dst, int offset) {
        checkRange(start, count);
        System.arraycopy(samples, (int) start, dst, offset, count);
    }
}
