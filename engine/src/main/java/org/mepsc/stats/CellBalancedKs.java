package org.mepsc.stats;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;

/**
 * A Kolmogorov–Smirnov comparison of two groups' event distributions in which the cell, not the
 * event, is the unit.
 *
 * <p>Statistic: D = sup |F_a(x) - F_b(x)| where each F is the {@link CellBalancedEcdf
 * cell-balanced} distribution (the mean of the group's per-cell ECDFs). p-value: a permutation
 * test over cells. Whole cells (with all their events) are reassigned between the groups,
 * keeping the group sizes, and D is recomputed; p is the share of assignments with D at least
 * the observed one. All C(n_a + n_b, n_a) assignments are enumerated when there are at most
 * {@code maxPermutations} of them (an exact test); otherwise {@code maxPermutations} random ones
 * are drawn and p = (1 + count) / (1 + draws), which keeps the test valid (Phipson &amp; Smyth 2010).
 *
 * <p>Why the p-value is sound: under the null hypothesis that cells of either group come from the
 * same population of cells, the group labels of cells are exchangeable, so the permutation
 * distribution of D is its exact null distribution, however events within a cell are correlated
 * and however much cells differ from one another. The effective sample size is the number of
 * cells, as it should be. A classic KS test on pooled events instead treats thousands of events
 * as independent, and any cell-to-cell variation makes it reject far too often.
 */
public final class CellBalancedKs {

    private CellBalancedKs() {
    }

    /**
     * @param permutations assignments evaluated
     * @param exact true when every assignment was enumerated
     */
    public record Result(double d, double p, long permutations, boolean exact, int cellsA, int cellsB) {
    }

    public static Result test(List<double[]> a, List<double[]> b, int maxPermutations, SplittableRandom rng) {
        Pooled pooled = Pooled.of(a, b);
        int na = pooled.cellsA;
        int n = pooled.cellWeight.length;
        if (na == 0 || n - na == 0) {
            return new Result(Double.NaN, Double.NaN, 0, false, na, n - na);
        }
        boolean[] inA = new boolean[n];
        Arrays.fill(inA, 0, na, true);
        double observed = pooled.statistic(inA, na);
        // Permuted statistics equal to the observed one up to rounding must count as "at least".
        double threshold = observed - 1e-12;
        double combinations = combinations(n, na, maxPermutations);
        long count = 0;
        if (combinations <= maxPermutations) {
            int[] chosen = new int[na];
            for (int i = 0; i < na; i++) {
                chosen[i] = i;
            }
            long total = 0;
            do {
                Arrays.fill(inA, false);
                for (int c : chosen) {
                    inA[c] = true;
                }
                count += pooled.statistic(inA, na) >= threshold ? 1 : 0;
                total++;
            } while (nextCombination(chosen, n));
            return new Result(observed, (double) count / total, total, true, na, n - na);
        }
        int[] order = new int[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        for (int r = 0; r < maxPermutations; r++) {
            for (int i = n - 1; i > 0; i--) {
                int j = rng.nextInt(i + 1);
                int t = order[i];
                order[i] = order[j];
                order[j] = t;
            }
            Arrays.fill(inA, false);
            for (int i = 0; i < na; i++) {
                inA[order[i]] = true;
            }
            count += pooled.statistic(inA, na) >= threshold ? 1 : 0;
        }
        return new Result(observed, (1.0 + count) / (1.0 + maxPermutations), maxPermutations, false, na, n - na);
    }

    /** D between the cell-balanced distributions of a and b. */
    public static double statistic(List<double[]> a, List<double[]> b) {
        Pooled pooled = Pooled.of(a, b);
        boolean[] inA = new boolean[pooled.cellWeight.length];
        Arrays.fill(inA, 0, pooled.cellsA, true);
        return pooled.statistic(inA, pooled.cellsA);
    }

    /** C(n, k), or a number above {@code cap} once it exceeds it. */
    static double combinations(int n, int k, double cap) {
        double c = 1;
        for (int i = 1; i <= k; i++) {
            c = c * (n - k + i) / i;
            if (c > cap) {
                return Math.rint(c) + 1;
            }
        }
        return Math.rint(c);
    }

    /** Advances a sorted k-subset of 0..n-1 to the next one in lexicographic order. */
    private static boolean nextCombination(int[] c, int n) {
        int k = c.length;
        int i = k - 1;
        while (i >= 0 && c[i] == n - k + i) {
            i--;
        }
        if (i < 0) {
            return false;
        }
        c[i]++;
        for (int j = i + 1; j < k; j++) {
            c[j] = c[j - 1] + 1;
        }
        return true;
    }

    /** All events of both groups sorted once, each tagged with its cell. */
    private static final class Pooled {
        final double[] values;
        final int[] cell;
        final double[] cellWeight;
        final int cellsA;
        /** Where a run of equal values ends; null without ties. */
        final boolean[] lastOfTies;
        /** Scratch: the step of each cell under the current assignment. */
        final double[] step;

        private Pooled(double[] values, int[] cell, double[] cellWeight, int cellsA) {
            this.values = values;
            this.cell = cell;
            this.cellWeight = cellWeight;
            this.cellsA = cellsA;
            this.step = new double[cellWeight.length];
            boolean ties = false;
            boolean[] last = new boolean[values.length];
            for (int i = 0; i < values.length; i++) {
                last[i] = i == values.length - 1 || values[i + 1] != values[i];
                ties |= !last[i];
            }
            this.lastOfTies = ties ? last : null;
        }

        static Pooled of(List<double[]> a, List<double[]> b) {
            List<double[]> cells = new ArrayList<>();
            a.stream().filter(c -> c.length > 0).forEach(cells::add);
            int cellsA = cells.size();
            b.stream().filter(c -> c.length > 0).forEach(cells::add);
            int total = 0;
            for (double[] c : cells) {
                total += c.length;
            }
            double[] raw = new double[total];
            int[] rawCell = new int[total];
            int at = 0;
            for (int c = 0; c < cells.size(); c++) {
                for (double v : cells.get(c)) {
                    raw[at] = v;
                    rawCell[at] = c;
                    at++;
                }
            }
            Integer[] order = new Integer[total];
            for (int i = 0; i < total; i++) {
                order[i] = i;
            }
            Arrays.sort(order, (x, y) -> Double.compare(raw[x], raw[y]));
            double[] values = new double[total];
            int[] cell = new int[total];
            for (int i = 0; i < total; i++) {
                values[i] = raw[order[i]];
                cell[i] = rawCell[order[i]];
            }
            double[] weight = new double[cells.size()];
            for (int c = 0; c < cells.size(); c++) {
                weight[c] = 1.0 / cells.get(c).length;
            }
            return new Pooled(values, cell, weight, cellsA);
        }

        /** sup |F_a - F_b|, evaluated after each run of tied values. */
        double statistic(boolean[] inA, int na) {
            int nb = cellWeight.length - na;
            // each event moves F_a - F_b by its cell's step; no branch in the loop over events
            for (int c = 0; c < step.length; c++) {
                step[c] = inA[c] ? cellWeight[c] / na : -cellWeight[c] / nb;
            }
            double diff = 0;
            double d = 0;
            int n = values.length;
            if (lastOfTies == null) {
                for (int i = 0; i < n; i++) {
                    diff += step[cell[i]];
                    d = Math.max(d, Math.abs(diff));
                }
            } else {
                for (int i = 0; i < n; i++) {
                    diff += step[cell[i]];
                    if (lastOfTies[i]) {
                        d = Math.max(d, Math.abs(diff));
                    }
                }
            }
            return d;
        }
    }
}
