package org.mepsc.pipeline;

import java.util.ArrayList;
import java.util.List;
import org.mepsc.filter.Fir;
import org.mepsc.filter.FirDesign;
import org.mepsc.filter.FrequencyResponse;
import org.mepsc.filter.HalfBandDecimator;
import org.mepsc.filter.Responses;

/**
 * The filter every trace passes before detection and measurement, and the rate it is decimated to.
 *
 * <p>After a low-pass at {@code fc} the trace carries nothing far above {@code fc}, so it is
 * kept at the lowest power-of-two fraction of the sample rate that is still at least
 * {@link #RATE_PER_CUTOFF} × fc (and {@link #MIN_RATE_HZ}); a smooth cut-off just below the new
 * Nyquist frequency guarantees the band limit. All later work runs at that rate: half-band stages
 * ({@link HalfBandDecimator}) bring the recording there, flat to 40 % of the new rate within 10⁻⁴
 * and folding at most 10⁻⁴ onto that band, and the low-pass itself is applied after them with the
 * other filters.
 *
 * @param sampleRateHz the recording's rate
 * @param decimation the power of two it is divided by
 * @param filter the whole filter as one FIR at the recording's rate (for how far artefacts ring,
 *     and for a chain that filters and decimates in one bank)
 * @param response the whole filter's response (the half-band stages' included)
 * @param front the half-band stages (null without decimation)
 * @param back the low-pass, notches and high-pass at the decimated rate; without decimation, the
 *     whole filter
 * @param notchHz the notched frequencies
 */
public record Conditioning(double sampleRateHz, int decimation, Fir filter, FrequencyResponse response,
        HalfBandDecimator front, Fir back, List<Double> notchHz) {

    /** The detection rate is at least this many times the low-pass cut-off. */
    public static final double RATE_PER_CUTOFF = 4;
    /** ... and at least this. */
    public static final double MIN_RATE_HZ = 8000;
    /** Width (SD, Hz) of each mains notch. */
    public static final double NOTCH_SIGMA_HZ = 2;
    /** Notched harmonics go up to this frequency. */
    public static final double NOTCH_MAX_HZ = 1000;

    public double rateHz() {
        return sampleRateHz / decimation;
    }

    /** The decimation for a low-pass (1 without one). */
    public static int decimationFor(double sampleRateHz, double lowPassHz) {
        int d = 1;
        if (lowPassHz > 0 && lowPassHz < sampleRateHz / 2) {
            double need = Math.max(MIN_RATE_HZ, RATE_PER_CUTOFF * lowPassHz);
            while (sampleRateHz / (2 * d) >= need && d < 64) {
                d *= 2;
            }
        }
        return d;
    }

    /** Harmonics of {@code mainsHz} that a notch may remove at this rate and decimation. */
    public static List<Double> harmonics(double mainsHz, double sampleRateHz, int decimation) {
        List<Double> out = new ArrayList<>();
        double top = Math.min(NOTCH_MAX_HZ, 0.8 * sampleRateHz / 2 / decimation);
        for (double f = mainsHz; mainsHz > 0 && f <= top; f += mainsHz) {
            out.add(f);
        }
        return out;
    }

    /**
     * @param notchHz frequencies to notch (empty for none)
     */
    public static Conditioning design(double sampleRateHz, LowPassKind kind, double lowPassHz, double highPassHz, List<Double> notchHz) {
        double nyquist = sampleRateHz / 2;
        boolean lowPass = lowPassHz > 0 && lowPassHz < nyquist;
        int d = decimationFor(sampleRateHz, lowPassHz);
        FrequencyResponse lp = FrequencyResponse.allPass();
        if (lowPass) {
            lp = kind == LowPassKind.BESSEL ? Responses.besselLowPass(lowPassHz, sampleRateHz)
                    : Responses.gaussianLowPass(lowPassHz);
        }
        if (d > 1) {
            double newNyquist = nyquist / d;
            lp = lp.times(Responses.smoothCutoff(0.85 * newNyquist, 0.05 * newNyquist));
        }
        FrequencyResponse rest = FrequencyResponse.allPass();
        if (highPassHz > 0) {
            rest = rest.times(Responses.gaussianHighPass(highPassHz));
        }
        if (!notchHz.isEmpty()) {
            rest = rest.times(Responses.notches(notchHz, NOTCH_SIGMA_HZ));
        }
        HalfBandDecimator front = d > 1 ? HalfBandDecimator.of(d) : null;
        FrequencyResponse filters = lp.times(rest);
        FrequencyResponse r = front == null ? filters : front.response(sampleRateHz).times(filters);
        Fir fir = FirDesign.fromResponse(r, sampleRateHz, 1e-7);
        Fir back = d > 1 ? FirDesign.fromResponse(filters, sampleRateHz / d, 1e-7) : fir;
        return new Conditioning(sampleRateHz, d, fir, r, front, back, List.copyOf(notchHz));
    }
}
