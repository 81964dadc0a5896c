package org.mepsc.stats;

/**
 * A two-sided confidence interval.
 *
 * @param method how it was computed, e.g. "BCa" or "percentile"
 */
public record ConfidenceInterval(double low, double high, double level, String method) {

    public static ConfidenceInterval undefined(double level, String why) {
        return new ConfidenceInterval(Double.NaN, Double.NaN, level, why);
    }

    public boolean contains(double x) {
        return low <= x && x <= high;
    }

    public boolean defined() {
        return !Double.isNaN(low) && !Double.isNaN(high);
    }
}
