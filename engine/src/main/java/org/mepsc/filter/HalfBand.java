package org.mepsc.filter;

/**
 * A half-band low-pass for decimation by two: a Kaiser-windowed ideal low-pass at a quarter of the
 * input rate. Every even tap but the centre is zero and the taps are symmetric, so an output costs
 * one multiply per pair of odd taps: {@code y[n] = x[2n]/2 + Σ_p h_p·(x[2n−2p−1] + x[2n+2p+1])}.
 * Its response is 1 up to {@code (1/4 − transition/2)·rate} and at most
 * {@code 10^(−attenuationDb/20)} from {@code (1/4 + transition/2)·rate}, so whatever the decimation
 * folds onto the pass band is attenuated that much.
 *
 * @param transition width of the transition band, as a fraction of the input rate (0 &lt; t &lt; 1/2)
 * @param attenuationDb stop-band attenuation, which is also the pass band's flatness
 * @param pairs pairs of odd taps: offsets ±1, ±3, …, ±(2·pairs − 1)
 */
public record HalfBand(double transition, double attenuationDb, int pairs) {

    public HalfBand {
        if (!(transition > 0 && transition < 0.5) || !(attenuationDb >= 21) || pairs < 1) {
            throw new IllegalArgumentException("half-band transition " + transition + ", attenuation " + attenuationDb
                    + " dB, " + pairs + " pairs");
        }
    }

    /**
     * The shortest half-band that meets the attenuation: Kaiser's length estimate, lengthened while
     * the response, checked on a fine grid of the stop band, misses it (the estimate is short for
     * wide transitions). A half-band's pass-band error mirrors its stop band, so both are met.
     */
    public static HalfBand of(double transition, double attenuationDb) {
        double length = (attenuationDb - 7.95) / (14.36 * transition);
        HalfBand h = new HalfBand(transition, attenuationDb, Math.max(1, (int) Math.ceil((length / 2 + 1) / 2)));
        double limit = Math.pow(10, -attenuationDb / 20);
        while (h.stopBandError() > limit && h.pairs < 1000) {
            h = new HalfBand(transition, attenuationDb, h.pairs + 1);
        }
        return h;
    }

    private double stopBandError() {
        FrequencyResponse r = response(1);
        double[] out = new double[2];
        double worst = 0;
        double from = 0.25 + transition / 2;
        for (int i = 0; i <= 2048; i++) {
            r.at(from + (0.5 - from) * i / 2048, out);
            worst = Math.max(worst, Math.abs(out[0]));
        }
        return worst;
    }

    /** How many input samples an output reaches on either side. */
    public int reach() {
        return 2 * pairs - 1;
    }

    /** {@code h_p} for offsets {@code ±(2p+1)}; they sum to 1/4, so the gain at 0 Hz is exactly 1. */
    public double[] pairTaps() {
        double beta = attenuationDb > 50 ? 0.1102 * (attenuationDb - 8.7)
                : 0.5842 * Math.pow(attenuationDb - 21, 0.4) + 0.07886 * (attenuationDb - 21);
        double half = reach() + 1;
        double[] h = new double[pairs];
        double sum = 0;
        for (int p = 0; p < pairs; p++) {
            int k = 2 * p + 1;
            double ideal = Math.sin(Math.PI * k / 2) / (Math.PI * k);
            double r = k / half;
            h[p] = ideal * besselI0(beta * Math.sqrt(1 - r * r)) / besselI0(beta);
            sum += h[p];
        }
        for (int p = 0; p < pairs; p++) {
            h[p] *= 0.25 / sum;
        }
        return h;
    }

    /** The (real, zero-phase) response at an input rate of {@code rateHz}. */
    public FrequencyResponse response(double rateHz) {
        double[] h = pairTaps();
        return (f, out) -> {
            double v = 0.5;
            for (int p = 0; p < h.length; p++) {
                v += 2 * h[p] * Math.cos(2 * Math.PI * f * (2 * p + 1) / rateHz);
            }
            out[0] = v;
            out[1] = 0;
        };
    }

    /** The modified Bessel function of the first kind, order 0 (its power series). */
    private static double besselI0(double x) {
        double sum = 1;
        double term = 1;
        double q = x * x / 4;
        for (int k = 1; k < 200 && term > 1e-17 * sum; k++) {
            term *= q / ((double) k * k);
            sum += term;
        }
        return sum;
    }
}
