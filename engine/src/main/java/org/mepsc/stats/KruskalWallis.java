package org.mepsc.stats;

import java.util.List;
import org.apache.commons.math3.stat.ranking.NaturalRanking;
import org.apache.commons.statistics.distribution.ChiSquaredDistribution;

/**
 * Kruskal–Wallis H test of k groups with the tie correction H / (1 - Σ(t³ - t) / (N³ - N)),
 * p from the chi-squared distribution with k - 1 degrees of freedom (scipy {@code kruskal}).
 * Empty groups are left out.
 */
public record KruskalWallis(double h, int df, double p) {

    public static KruskalWallis test(List<double[]> groups) {
        List<double[]> used = groups.stream().filter(g -> g.length > 0).toList();
        double[] all = Samples.concat(used);
        int n = all.length;
        if (used.size() < 2 || n < 3) {
            return new KruskalWallis(Double.NaN, used.size() - 1, Double.NaN);
        }
        double[] ranks = new NaturalRanking().rank(all);
        double h = 0;
        int at = 0;
        for (double[] g : used) {
            double sum = 0;
            for (int i = 0; i < g.length; i++) {
                sum += ranks[at + i];
            }
            at += g.length;
            h += sum * sum / g.length;
        }
        h = 12.0 / ((double) n * (n + 1)) * h - 3.0 * (n + 1);
        double ties = 1 - tieSum(all) / ((double) n * n * n - n);
        int df = used.size() - 1;
        if (ties == 0) {
            // Every value equal: no evidence either way.
            return new KruskalWallis(Double.NaN, df, Double.NaN);
        }
        h /= ties;
        return new KruskalWallis(h, df, ChiSquaredDistribution.of(df).survivalProbability(h));
    }

    private static double tieSum(double[] values) {
        double[] sorted = values.clone();
        java.util.Arrays.sort(sorted);
        double sum = 0;
        int i = 0;
        while (i < sorted.length) {
            int j = i;
            while (j + 1 < sorted.length && sorted[j + 1] == sorted[i]) {
                j++;
            }
            double t = j - i + 1;
            sum += t * t * t - t;
            i = j + 1;
        }
        return sum;
    }
}
