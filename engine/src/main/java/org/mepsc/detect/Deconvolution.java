package org.mepsc.detect;

import java.util.List;
import org.mepsc.events.Polarity;
import org.mepsc.filter.Fir;
import org.mepsc.filter.FirDesign;
import org.mepsc.filter.Responses;

/**
 * Pernía-Andrade et al. (2012): deconvolve the trace by the template, so that each event becomes
 * a narrow peak at its onset, then band-pass the result against the noise the division amplifies.
 *
 * <p>The template {@code a^n − b^n} ({@code a = e^{−1/τdecay·fs}}, {@code b = e^{−1/τrise·fs}})
 * has the z-transform {@code (a−b)z⁻¹ / ((1−az⁻¹)(1−bz⁻¹))}, so its exact inverse is a 3-tap
 * filter; with the band-pass (Gaussian low-pass, Gaussian high-pass) the whole regularised inverse
 * is a short FIR, applied by the shared FFT like any filter, so chunked and whole-trace results
 * agree.
 */
public final class Deconvolution implements Detector {

    public static final String NAME = "deconvolution";

    private final Fir kernel;

    /**
     * @param template the event shape (peak-normalised)
     * @param sampleRateHz the detection rate
     * @param lowPassHz −3 dB frequency of the Gaussian low-pass on the deconvolved trace
     * @param highPassHz −3 dB frequency of its high-pass (removes baseline and drift)
     */
    public Deconvolution(Template template, double sampleRateHz, double lowPassHz, double highPassHz, Polarity polarity) {
        double a = Math.exp(-1000.0 / (template.decayMs() * sampleRateHz));
        double b = Math.exp(-1000.0 / (template.riseMs() * sampleRateHz));
        // peak of the sampled a^n − b^n, to invert the peak-normalised template
        double peak = 0;
        for (int i = 1; i < 1_000_000; i++) {
            double v = Math.pow(a, i) - Math.pow(b, i);
            if (v < peak) {
                break;
            }
            peak = v;
        }
        double g = polarity.sign() * peak / (a - b);
        // y[n] = g·(x[n+1] − (a+b)·x[n] + ab·x[n−1])  (h[-1], h[0], h[1])
        Fir inverse = new Fir(new double[] {g, -(a + b) * g, a * b * g}, -1);
        Fir band = FirDesign.fromResponse(Responses.gaussianLowPass(lowPassHz)
                .times(Responses.gaussianHighPass(highPassHz)), sampleRateHz, 1e-9);
        this.kernel = inverse.convolve(band);
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public List<Fir> kernels() {
        return List.of(kernel);
    }

    @Override
    public int reachBefore() {
        return 0;
    }

    @Override
    public int reachAfter() {
        return 0;
    }

    @Override
    public double onsetOffset() {
        return 0;
    }

    @Override
    public void statistic(Window conditioned, List<Window> kernelOutputs, long from, int count, float[] out, int outOffset) {
        Window w = kernelOutputs.get(0);
        System.arraycopy(w.data(), (int) (from - w.origin()), out, outOffset, count);
    }
}
