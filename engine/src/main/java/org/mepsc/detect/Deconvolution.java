package org.mepsc.detect;

import java.util.List;
import org.mepsc.events.Polarity;
import org.mepsc.filter.Fir;
import org.mepsc.filter.FirDesign;
import org.mepsc.filter.FrequencyResponse;
import org.mepsc.filter.Responses;
import org.mepsc.filter.WelchSpectrum;

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
    /** Within an event's length, smaller detections below this fraction of it are taken for its side lobes. */
    static final double SIDELOBE_FLOOR = 0.08;

    private final Fir kernel;
    private final Sidelobes sidelobes;

    /**
     * @param template the event shape (peak-normalised)
     * @param sampleRateHz the detection rate
     * @param band the band-pass applied to the deconvolved trace
     * @param bandLength half-length of the band-pass kernel when it comes from measured data (0: an
     *     analytic band-pass, cut at 1e-9)
     */
    public Deconvolution(Template template, double sampleRateHz, FrequencyResponse band, int bandLength, Polarity polarity) {
        double a = Math.exp(-1000.0 / (template.decayMs() * sampleRateHz));
        double b = Math.exp(-1000.0 / (template.riseMs() * sampleRateHz));
        double g = polarity.sign() * sampledPeak(a, b) / (a - b);
        // y[n] = g·(x[n+1] − (a+b)·x[n] + ab·x[n−1])  (h[-1], h[0], h[1])
        Fir inverse = new Fir(new double[] {g, -(a + b) * g, a * b * g}, -1);
        Fir bandFir = bandLength > 0 ? FirDesign.windowed(band, sampleRateHz, bandLength)
                : FirDesign.fromResponse(band, sampleRateHz, 1e-9);
        this.kernel = inverse.convolve(bandFir);
        int length = (int) Math.round((template.peakTimeMs() + 5 * template.decayMs()) * sampleRateHz / 1000) + 1;
        double[] event = template.sampled(sampleRateHz, 0, length);
        for (int i = 0; i < length; i++) {
            event[i] *= polarity.sign();
        }
        this.sidelobes = Sidelobes.of(kernel, event, SIDELOBE_FLOOR, Math.max(length, kernel.length() / 2));
    }

    @Override
    public Sidelobes sidelobes() {
        return sidelobes;
    }

    /** Pernía-Andrade's band-pass: Gaussian low-pass and high-pass of the deconvolved trace. */
    public static FrequencyResponse gaussianBand(double lowPassHz, double highPassHz) {
        return Responses.gaussianLowPass(lowPassHz).times(Responses.gaussianHighPass(highPassHz));
    }

    /**
     * A band-pass weighted by the event's signal-to-noise ratio at each frequency,
     * {@code |T(f)|²·H(f) / max(P(f), Pref)}: deconvolution followed by this band-pass is the
     * matched filter for the template in the measured noise {@code P} (the most sensitive linear
     * detector), except that frequencies quieter than the reference {@code Pref} are not boosted
     * above it, which keeps the digitiser's own noise beyond the amplifier's filter out.
     *
     * @param conditioning the filter the trace passed ({@code H})
     * @param noise the conditioned trace's noise spectrum, measured away from events
     * @param highPassHz removes what the spectrum cannot resolve (drift, the lowest bins)
     */
    public static FrequencyResponse noiseWeightedBand(Template template, double sampleRateHz, FrequencyResponse conditioning,
            WelchSpectrum noise, double highPassHz) {
        double a = Math.exp(-1000.0 / (template.decayMs() * sampleRateHz));
        double b = Math.exp(-1000.0 / (template.riseMs() * sampleRateHz));
        double floorHz = 1.5 * noise.binHz();
        double corner = Math.min(1000 / (2 * Math.PI * template.riseMs()), 0.4 * sampleRateHz / 2);
        double[] ref = new double[21];
        for (int i = 0; i < ref.length; i++) {
            ref[i] = noise.at(corner * (0.7 + 0.7 * i / (ref.length - 1)));
        }
        java.util.Arrays.sort(ref);
        double pRef = ref[ref.length / 2];
        FrequencyResponse hp = Responses.gaussianHighPass(highPassHz);
        double[] peak = {0};
        FrequencyResponse raw = (f, out) -> {
            double[] h = new double[2];
            double w = 2 * Math.PI * f / sampleRateHz;
            double c = Math.cos(w);
            double t2 = (a - b) * (a - b) / ((1 - 2 * a * c + a * a) * (1 - 2 * b * c + b * b));
            conditioning.at(f, h);
            double p = noise.at(Math.max(f, floorHz));
            double gain = t2 * h[0] / Math.max(p, pRef);
            hp.at(f, h);
            out[0] = gain * h[0];
            out[1] = 0;
        };
        double[] z = new double[2];
        for (int i = 0; i <= 2000; i++) {
            raw.at(i * sampleRateHz / 2 / 2000, z);
            peak[0] = Math.max(peak[0], z[0]);
        }
        double scale = peak[0] > 0 ? 1 / peak[0] : 1;
        return (f, out) -> {
            raw.at(f, out);
            out[0] *= scale;
        };
    }

    private static double sampledPeak(double a, double b) {
        double peak = 0;
        for (int i = 1; i < 1_000_000; i++) {
            double v = Math.pow(a, i) - Math.pow(b, i);
            if (v < peak) {
                break;
            }
            peak = v;
        }
        return peak;
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
    public boolean readsConditioned() {
        return false;
    }

    @Override
    public int statisticKernel() {
        return 0;
    }

    @Override
    public void statistic(Window conditioned, List<Window> kernelOutputs, long from, int count, float[] out, int outOffset) {
        Window w = kernelOutputs.get(0);
        System.arraycopy(w.data(), (int) (from - w.origin()), out, outOffset, count);
    }
}
