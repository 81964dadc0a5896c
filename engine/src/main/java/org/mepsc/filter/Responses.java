package org.mepsc.filter;

import java.util.List;
import org.apache.commons.math3.special.Erf;

/** The filter shapes mepsc offers, each designed in the frequency domain. */
public final class Responses {

    /** −3 dB frequency of the 4-pole Bessel polynomial normalised to unit delay (rad/s). */
    private static final double BESSEL4_3DB = 2.113917674904216;

    private Responses() {
    }

    /** Zero-phase Gaussian low-pass, −3 dB at {@code fcHz}: no overshoot, no delay. */
    public static FrequencyResponse gaussianLowPass(double fcHz) {
        double c = Math.log(2) / 2 / (fcHz * fcHz);
        return (f, out) -> {
            out[0] = Math.exp(-c * f * f);
            out[1] = 0;
        };
    }

    /**
     * Causal 4-pole Bessel low-pass, −3 dB at {@code fcHz}: what patch-clamp amplifiers apply.
     * Sampled at {@code sampleRateHz}, its phase would jump at the Nyquist frequency and give an
     * endless impulse response, so it is faded out smoothly over the top fifth of the band.
     */
    public static FrequencyResponse besselLowPass(double fcHz, double sampleRateHz) {
        double nyquist = sampleRateHz / 2;
        FrequencyResponse bessel = (f, out) -> {
            double w = BESSEL4_3DB * f / fcHz;
            // H(s) = 105 / (s^4 + 10 s^3 + 45 s^2 + 105 s + 105) at s = i·w
            double w2 = w * w;
            double re = w2 * w2 - 45 * w2 + 105;
            double im = -10 * w2 * w + 105 * w;
            double d = re * re + im * im;
            out[0] = 105 * re / d;
            out[1] = -105 * im / d;
        };
        return bessel.times(smoothCutoff(0.85 * nyquist, 0.03 * nyquist));
    }

    /** Zero-phase high-pass, −3 dB at {@code fcHz}: one minus a Gaussian low-pass, for slow drift. */
    public static FrequencyResponse gaussianHighPass(double fcHz) {
        double c = -Math.log(1 - Math.sqrt(0.5)) / (fcHz * fcHz);
        return (f, out) -> {
            out[0] = -Math.expm1(-c * f * f);
            out[1] = 0;
        };
    }

    /**
     * Zero-phase notches with a Gaussian profile of standard deviation {@code sigmaHz} at each of
     * {@code centresHz}: response 0 at the centre, above 0.99 from 3 σ away.
     */
    public static FrequencyResponse notches(List<Double> centresHz, double sigmaHz) {
        double[] c = centresHz.stream().mapToDouble(Double::doubleValue).toArray();
        double k = 1 / (2 * sigmaHz * sigmaHz);
        return (f, out) -> {
            double g = 1;
            for (double fc : c) {
                double d = f - fc;
                double e = d * d * k;
                if (e < 50) {
                    g *= -Math.expm1(-e);
                }
            }
            out[0] = g;
            out[1] = 0;
        };
    }

    /**
     * A smooth cut-off (Gaussian-smoothed step) falling from 1 to 0 around {@code midHz} over about
     * ±3 {@code widthHz}; it band-limits a trace before decimation without the long ringing of a
     * brick wall.
     */
    public static FrequencyResponse smoothCutoff(double midHz, double widthHz) {
        return (f, out) -> {
            out[0] = 0.5 * Erf.erfc((f - midHz) / (Math.sqrt(2) * widthHz));
            out[1] = 0;
        };
    }
}
