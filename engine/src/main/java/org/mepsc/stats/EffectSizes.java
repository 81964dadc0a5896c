package org.mepsc.stats;

import org.apache.commons.math3.special.Gamma;

/** Effect sizes of group b relative to reference group a; positive when b tends to be larger. */
public final class EffectSizes {

    private EffectSizes() {
    }

    /**
     * Hedges' g: (mean b - mean a) / pooled SD, times the exact small-sample correction
     * J(df) = Γ(df/2) / (√(df/2) Γ((df-1)/2)), df = n_a + n_b - 2 (Hedges 1981). NaN when a group
     * has fewer than two values or both have no spread.
     */
    public static double hedgesG(double[] a, double[] b) {
        int na = a.length;
        int nb = b.length;
        if (na < 2 || nb < 2) {
            return Double.NaN;
        }
        int df = na + nb - 2;
        double pooled = Math.sqrt(((na - 1) * Samples.variance(a) + (nb - 1) * Samples.variance(b)) / df);
        if (pooled == 0) {
            return Double.NaN;
        }
        return correction(df) * (Samples.mean(b) - Samples.mean(a)) / pooled;
    }

    /** Hedges' J(df); about 1 - 3 / (4 df - 1). */
    static double correction(int df) {
        return Math.exp(Gamma.logGamma(df / 2.0) - Gamma.logGamma((df - 1) / 2.0)) / Math.sqrt(df / 2.0);
    }

    /**
     * Cliff's delta: P(b &gt; a) - P(b &lt; a) over all pairs, in [-1, 1]; equals 2U/(n_a n_b) - 1
     * with U the Mann–Whitney U of b.
     */
    public static double cliffsDelta(double[] a, double[] b) {
        if (a.length == 0 || b.length == 0) {
            return Double.NaN;
        }
        long score = 0;
        for (double x : a) {
            for (double y : b) {
                score += y > x ? 1 : (y < x ? -1 : 0);
            }
        }
        return score / ((double) a.length * b.length);
    }
}
