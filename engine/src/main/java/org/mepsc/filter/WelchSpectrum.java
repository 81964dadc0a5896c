package org.mepsc.filter;

import org.jtransforms.fft.DoubleFFT_1D;

/**
 * A power spectrum averaged over segments (Welch): each segment has its mean removed, a Hann
 * window applied and its periodogram added. Values are power per bin on a consistent but
 * arbitrary scale (ratios and shapes are what callers use).
 */
public final class WelchSpectrum {

    private final double sampleRateHz;
    private final int segment;
    private final double[] power;
    private final double[] window;
    private final double[] work;
    private final DoubleFFT_1D fft;
    private int segments;

    /** @param segment samples per segment, a power of two */
    public WelchSpectrum(double sampleRateHz, int segment) {
        this.sampleRateHz = sampleRateHz;
        this.segment = segment;
        this.power = new double[segment / 2 + 1];
        this.window = new double[segment];
        for (int i = 0; i < segment; i++) {
            window[i] = 0.5 - 0.5 * Math.cos(2 * Math.PI * i / segment);
        }
        this.work = new double[segment];
        this.fft = Fft.real(segment);
    }

    public int segmentLength() {
        return segment;
    }

    public int segments() {
        return segments;
    }

    /** Frequency step between bins. */
    public double binHz() {
        return sampleRateHz / segment;
    }

    /** Adds {@code x[offset .. offset+segmentLength())}, all finite. */
    public void add(float[] x, int offset) {
        add(periodogram(x, offset));
    }

    /**
     * The periodogram {@link #add} would add for {@code x[offset .. offset+segmentLength())}, without
     * adding it: threads can compute segments' periodograms apart (one spectrum each) and one
     * spectrum add them in a fixed order, so that the sums do not depend on the threads.
     */
    public double[] periodogram(float[] x, int offset) {
        double mean = 0;
        for (int i = 0; i < segment; i++) {
            mean += x[offset + i];
        }
        mean /= segment;
        for (int i = 0; i < segment; i++) {
            work[i] = (x[offset + i] - mean) * window[i];
        }
        fft.realForward(work);
        double[] p = new double[power.length];
        p[0] = work[0] * work[0];
        p[segment / 2] = work[1] * work[1];
        for (int k = 1; k < segment / 2; k++) {
            p[k] = work[2 * k] * work[2 * k] + work[2 * k + 1] * work[2 * k + 1];
        }
        return p;
    }

    /** Adds a periodogram from {@link #periodogram} of a spectrum like this one. */
    public void add(double[] periodogram) {
        if (periodogram.length != power.length) {
            throw new IllegalArgumentException("a periodogram of " + periodogram.length + " bins added to a spectrum of " + power.length);
        }
        for (int k = 0; k < power.length; k++) {
            power[k] += periodogram[k];
        }
        segments++;
    }

    /** Average power in bin {@code k} (0 … segmentLength/2). */
    public double bin(int k) {
        return segments == 0 ? 0 : power[k] / segments;
    }

    public int bins() {
        return power.length;
    }

    /** Average power at {@code fHz}, interpolated linearly between bins. */
    public double at(double fHz) {
        double pos = fHz / binHz();
        int k = (int) Math.floor(pos);
        if (k >= power.length - 1) {
            return bin(power.length - 1);
        }
        if (k < 0) {
            return bin(0);
        }
        double f = pos - k;
        return (1 - f) * bin(k) + f * bin(k + 1);
    }
}
