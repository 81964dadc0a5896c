package org.mepsc.stats;

import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;

/**
 * The hierarchical bootstrap of Saravanan, Berman &amp; Sober (2020, Neurons Behav Data Anal
 * Theory 3(5)): to respect the nesting of events in cells, each replicate resamples the group's
 * cells with replacement and then, within each drawn cell, that cell's events with replacement
 * (as many as it has); the statistic is the median of all the drawn events. Groups are
 * resampled independently, so the difference of two groups' replicates is a replicate of the
 * difference.
 */
public final class HierarchicalBootstrap {

    private HierarchicalBootstrap() {
    }

    /**
     * The comparison of b with reference a.
     *
     * @param difference median b - median a (medians of the pooled events of each group)
     * @param ci percentile interval of the replicated differences
     * @param probabilityBGreater share of replicates in which b's median exceeds a's (ties
     *        count one half): Saravanan's p_boot; values near 0 or 1 mean a difference
     * @param p two-sided bootstrap p-value, 2 min(P, 1 - P)
     */
    public record Result(double medianA, double medianB, double difference, ConfidenceInterval ci,
            double probabilityBGreater, double p, int cellsA, int cellsB, long eventsA, long eventsB) {
    }

    /**
     * Compares two groups of cells (each cell an array of its events' values; cells without
     * events are ignored).
     */
    public static Result compare(List<double[]> a, List<double[]> b, int resamples, double level,
            SplittableRandom rngA, SplittableRandom rngB) {
        List<double[]> ca = nonEmpty(a);
        List<double[]> cb = nonEmpty(b);
        double[] pooledA = Samples.concat(ca);
        double[] pooledB = Samples.concat(cb);
        double medianA = Samples.median(pooledA);
        double medianB = Samples.median(pooledB);
        if (ca.isEmpty() || cb.isEmpty()) {
            return new Result(medianA, medianB, medianB - medianA,
                    ConfidenceInterval.undefined(level, "not computed (a group without events)"),
                    Double.NaN, Double.NaN, ca.size(), cb.size(), pooledA.length, pooledB.length);
        }
        double[] ra = medians(ca, resamples, rngA);
        double[] rb = medians(cb, resamples, rngB);
        double[] diff = new double[resamples];
        double greater = 0;
        for (int r = 0; r < resamples; r++) {
            diff[r] = rb[r] - ra[r];
            greater += diff[r] > 0 ? 1 : (diff[r] == 0 ? 0.5 : 0);
        }
        double prob = greater / resamples;
        return new Result(medianA, medianB, medianB - medianA,
                Bootstrap.percentile(diff, level, "hierarchical bootstrap percentile"),
                prob, Math.min(1, 2 * Math.min(prob, 1 - prob)), ca.size(), cb.size(), pooledA.length, pooledB.length);
    }

    /**
     * Bootstrap replicates of the median of a group's events (cells must have events). The
     * median of the drawn events (the mean of the two middle ones for an even count) is found by
     * counting draws per rank of the sorted pooled events, which is much faster than sorting or
     * selecting thousands of drawn values per replicate.
     */
    public static double[] medians(List<double[]> cells, int resamples, SplittableRandom rng) {
        int n = cells.size();
        double[] sorted = Samples.concat(cells);
        int[][] ranks = ranks(cells, sorted);
        int[] counts = new int[sorted.length];
        double[] out = new double[resamples];
        for (int r = 0; r < resamples; r++) {
            Arrays.fill(counts, 0);
            long drawn = 0;
            for (int c = 0; c < n; c++) {
                int[] cell = ranks[Draws.index(rng, n)];
                for (int e = 0; e < cell.length; e++) {
                    counts[cell[Draws.index(rng, cell.length)]]++;
                }
                drawn += cell.length;
            }
            out[r] = middle(counts, sorted, drawn);
        }
        return out;
    }

    /** For each cell, the ranks of its events in {@code sorted} (which this sorts). */
    private static int[][] ranks(List<double[]> cells, double[] sorted) {
        int total = sorted.length;
        Integer[] order = new Integer[total];
        for (int i = 0; i < total; i++) {
            order[i] = i;
        }
        double[] raw = sorted.clone();
        Arrays.sort(order, (x, y) -> Double.compare(raw[x], raw[y]));
        int[] rankOf = new int[total];
        for (int rank = 0; rank < total; rank++) {
            rankOf[order[rank]] = rank;
            sorted[rank] = raw[order[rank]];
        }
        int[][] ranks = new int[cells.size()][];
        int at = 0;
        for (int c = 0; c < cells.size(); c++) {
            ranks[c] = Arrays.copyOfRange(rankOf, at, at + cells.get(c).length);
            at += cells.get(c).length;
        }
        return ranks;
    }

    /** The median of a multiset given as counts per rank of {@code sorted}. */
    private static double middle(int[] counts, double[] sorted, long total) {
        long lowIndex = (total - 1) / 2;
        long highIndex = total / 2;
        double low = Double.NaN;
        long seen = 0;
        for (int i = 0; i < counts.length; i++) {
            seen += counts[i];
            if (Double.isNaN(low) && seen > lowIndex) {
                low = sorted[i];
            }
            if (seen > highIndex) {
                return (low + sorted[i]) / 2;
            }
        }
        throw new IllegalStateException("no events drawn");
    }

    private static List<double[]> nonEmpty(List<double[]> cells) {
        return cells.stream().filter(c -> c.length > 0).toList();
    }
}
