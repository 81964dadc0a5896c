package org.mepsc.stats;

import java.util.Arrays;
import java.util.SplittableRandom;
import org.apache.commons.statistics.distribution.NormalDistribution;

/**
 * Bootstrap confidence intervals for a statistic of two independent groups.
 *
 * <p>Resampling is stratified: each group is resampled with replacement to its own size. The
 * interval is the bias-corrected and accelerated (BCa) percentile interval (Efron 1987; Efron &amp;
 * Tibshirani 1993, ch. 14), with the acceleration from the jackknife of each group in turn (the
 * multi-sample form scipy.stats.bootstrap uses). Where BCa is undefined (every replicate on one
 * side of the estimate, or a jackknife value is not finite) the plain percentile interval is
 * returned and {@link ConfidenceInterval#method()} says so. Percentiles interpolate linearly
 * between order statistics. Replicates that are not finite (a resample with no spread for
 * Hedges' g) are left out.
 */
public final class Bootstrap {

    private static final NormalDistribution STANDARD_NORMAL = NormalDistribution.of(0, 1);

    /** A statistic of two groups (a is the reference). */
    @FunctionalInterface
    public interface TwoGroupStatistic {
        double of(double[] a, double[] b);
    }

    private Bootstrap() {
    }

    public static ConfidenceInterval bca(double[] a, double[] b, TwoGroupStatistic statistic,
            int resamples, double level, SplittableRandom rng) {
        double estimate = statistic.of(a, b);
        if (!Double.isFinite(estimate)) {
            return ConfidenceInterval.undefined(level, "not computed (no estimate)");
        }
        double[] replicates = replicates(a, b, statistic, resamples, rng);
        if (replicates.length < 2) {
            return ConfidenceInterval.undefined(level, "not computed (too few finite resamples)");
        }
        double lowest = Arrays.stream(replicates).min().getAsDouble();
        if (lowest == Arrays.stream(replicates).max().getAsDouble()) {
            // e.g. Cliff's delta of groups that do not overlap: no resample can say otherwise
            return new ConfidenceInterval(lowest, lowest, level, "degenerate (every resample gave the same value)");
        }
        double alpha = (1 - level) / 2;
        double z0 = biasCorrection(replicates, estimate);
        double acc = acceleration(a, b, statistic);
        if (!Double.isFinite(z0) || !Double.isFinite(acc)) {
            return percentile(replicates, level, "percentile (BCa undefined for these data)");
        }
        double lowP = adjustedLevel(z0, acc, STANDARD_NORMAL.inverseCumulativeProbability(alpha));
        double highP = adjustedLevel(z0, acc, STANDARD_NORMAL.inverseCumulativeProbability(1 - alpha));
        if (!(lowP >= 0 && highP <= 1 && lowP <= highP)) {
            return percentile(replicates, level, "percentile (BCa undefined for these data)");
        }
        return new ConfidenceInterval(Samples.quantile(replicates, lowP), Samples.quantile(replicates, highP),
                level, "BCa");
    }

    /** The percentile interval of some replicates. */
    public static ConfidenceInterval percentile(double[] replicates, double level, String method) {
        double alpha = (1 - level) / 2;
        return new ConfidenceInterval(Samples.quantile(replicates, alpha), Samples.quantile(replicates, 1 - alpha),
                level, method);
    }

    /** Finite bootstrap replicates of the statistic. */
    static double[] replicates(double[] a, double[] b, TwoGroupStatistic statistic, int resamples,
            SplittableRandom rng) {
        double[] ra = new double[a.length];
        double[] rb = new double[b.length];
        double[] out = new double[resamples];
        int kept = 0;
        for (int r = 0; r < resamples; r++) {
            resample(a, ra, rng);
            resample(b, rb, rng);
            double v = statistic.of(ra, rb);
            if (Double.isFinite(v)) {
                out[kept++] = v;
            }
        }
        return Arrays.copyOf(out, kept);
    }

    private static void resample(double[] from, double[] to, SplittableRandom rng) {
        for (int i = 0; i < to.length; i++) {
            to[i] = from[Draws.index(rng, from.length)];
        }
    }

    /** z0 = Φ⁻¹(share of replicates below the estimate, ties counting one half). */
    static double biasCorrection(double[] replicates, double estimate) {
        double below = 0;
        for (double r : replicates) {
            below += r < estimate ? 1 : (r == estimate ? 0.5 : 0);
        }
        return STANDARD_NORMAL.inverseCumulativeProbability(below / replicates.length);
    }

    /**
     * The jackknife acceleration, each group left out one value at a time:
     * a = Σ_j Σ_i U³/n_j³ / (6 (Σ_j Σ_i U²/n_j²)^1.5), U = (n_j - 1)(mean_j - θ_(i)).
     * Zero when the jackknife values do not vary.
     */
    static double acceleration(double[] a, double[] b, TwoGroupStatistic statistic) {
        double[][] groups = {a, b};
        double num = 0;
        double den = 0;
        for (int g = 0; g < 2; g++) {
            double[] sample = groups[g];
            int n = sample.length;
            if (n < 2) {
                return Double.NaN;
            }
            double[] jack = new double[n];
            double[] without = new double[n - 1];
            for (int i = 0; i < n; i++) {
                System.arraycopy(sample, 0, without, 0, i);
                System.arraycopy(sample, i + 1, without, i, n - 1 - i);
                jack[i] = g == 0 ? statistic.of(without, b) : statistic.of(a, without);
            }
            double mean = Samples.mean(jack);
            double n2 = (double) n * n;
            for (double t : jack) {
                double u = (n - 1) * (mean - t);
                num += u * u * u / (n2 * n);
                den += u * u / n2;
            }
        }
        if (den == 0) {
            return 0;
        }
        return num / (6 * Math.pow(den, 1.5));
    }

    private static double adjustedLevel(double z0, double acc, double z) {
        double shifted = z0 + z;
        return STANDARD_NORMAL.cumulativeProbability(z0 + shifted / (1 - acc * shifted));
    }
}
