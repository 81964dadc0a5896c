package org.mepsc.stats;

import java.util.Arrays;
import java.util.List;

/**
 * The cumulative distribution of a group's events in which every cell weighs the same: the
 * mean of the cells' own empirical distribution functions. A cell with many events then counts
 * no more than a cell with few (pooling all events would let the busiest cells dominate).
 */
public final class CellBalancedEcdf {

    private final double[][] cells;

    /** Cells without events are ignored. */
    public CellBalancedEcdf(List<double[]> cells) {
        this.cells = cells.stream().filter(c -> c.length > 0).map(c -> {
            double[] s = c.clone();
            Arrays.sort(s);
            return s;
        }).toArray(double[][]::new);
    }

    public int cellCount() {
        return cells.length;
    }

    /** F(x) = mean over cells of (events ≤ x) / (events of the cell); NaN without cells. */
    public double at(double x) {
        if (cells.length == 0) {
            return Double.NaN;
        }
        double sum = 0;
        for (double[] c : cells) {
            sum += (double) countAtMost(c, x) / c.length;
        }
        return sum / cells.length;
    }

    /** The smallest event value with F ≥ p (p in (0, 1]). */
    public double quantile(double p) {
        double[] all = Samples.concat(Arrays.asList(cells));
        if (all.length == 0) {
            return Double.NaN;
        }
        Arrays.sort(all);
        int lo = 0;
        int hi = all.length - 1;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (at(all[mid]) >= p) {
                hi = mid;
            } else {
                lo = mid + 1;
            }
        }
        return all[lo];
    }

    private static int countAtMost(double[] sorted, double x) {
        int lo = 0;
        int hi = sorted.length;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (sorted[mid] <= x) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }
}
