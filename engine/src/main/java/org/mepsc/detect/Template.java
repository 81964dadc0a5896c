package org.mepsc.detect;

/**
 * The expected shape of an event: a biexponential {@code exp(-t/τdecay) − exp(-t/τrise)} from
 * the onset, normalised to a peak of 1 (positive; the detector applies the polarity).
 *
 * @param riseMs rise time constant τrise, ms
 * @param decayMs decay time constant τdecay, ms (larger than τrise)
 */
public record Template(double riseMs, double decayMs) {

    public Template {
        if (!(riseMs > 0) || !(decayMs > 0) || Double.isInfinite(riseMs) || Double.isInfinite(decayMs)) {
            throw new IllegalArgumentException("template time constants must be positive (rise "
                    + riseMs + " ms, decay " + decayMs + " ms)");
        }
        if (!(riseMs < decayMs)) {
            throw new IllegalArgumentException("template rise time constant (" + riseMs
                    + " ms) must be shorter than its decay time constant (" + decayMs + " ms)");
        }
    }

    /** Time from onset to peak, ms. */
    public double peakTimeMs() {
        return Math.log(decayMs / riseMs) * riseMs * decayMs / (decayMs - riseMs);
    }

    /** 10–90 % rise time of the shape, ms. */
    public double rise1090Ms() {
        double tPeak = peakTimeMs();
        return crossing(0.9, tPeak) - crossing(0.1, tPeak);
    }

    private double crossing(double level, double tPeak) {
        double lo = 0;
        double hi = tPeak;
        for (int i = 0; i < 60; i++) {
            double mid = 0.5 * (lo + hi);
            if (valueAt(mid) < level) {
                lo = mid;
            } else {
                hi = mid;
            }
        }
        return 0.5 * (lo + hi);
    }

    /** The value at {@code tMs} after onset (0 before), peak 1. */
    public double valueAt(double tMs) {
        if (tMs <= 0) {
            return 0;
        }
        return raw(tMs) / raw(peakTimeMs());
    }

    private double raw(double t) {
        return Math.exp(-t / decayMs) - Math.exp(-t / riseMs);
    }

    /**
     * The shape sampled at {@code sampleRateHz}: {@code pre} samples of baseline (zeros), then the
     * event from its onset, {@code length} samples in all.
     */
    public double[] sampled(double sampleRateHz, int pre, int length) {
        double[] e = new double[length];
        double dtMs = 1000.0 / sampleRateHz;
        for (int i = pre; i < length; i++) {
            e[i] = valueAt((i - pre) * dtMs);
        }
        return e;
    }

    /** Ratio of the decay constants of two templates, as a factor ≥ 1 (how far apart they are). */
    public double distance(Template other) {
        double r = Math.max(decayMs / other.decayMs, other.decayMs / decayMs);
        double q = Math.max(riseMs / other.riseMs, other.riseMs / riseMs);
        return Math.max(r, q);
    }
}
