package org.mepsc.report;

import java.util.ArrayList;
import java.util.List;
import org.mepsc.compare.Cohort;
import org.mepsc.compare.EventMeasure;
import org.mepsc.stats.CellBalancedEcdf;

/**
 * Cumulative distributions of an event measure per group, cell-balanced (each cell weighs the
 * same), over faint per-cell distributions that show how much cells differ.
 */
final class EcdfPlot {

    private static final int POINTS = 240;

    private EcdfPlot() {
    }

    /** The SVG, or null when no group has events. */
    static String render(String id, EventMeasure measure, List<String> groups, Cohort cohort) {
        List<List<double[]>> cells = new ArrayList<>();
        List<CellBalancedEcdf> ecdfs = new ArrayList<>();
        double lo = Double.POSITIVE_INFINITY;
        double hi = Double.NEGATIVE_INFINITY;
        for (String g : groups) {
            List<double[]> withEvents = cohort.eventValues(g, measure).stream().filter(c -> c.length > 0).toList();
            cells.add(withEvents);
            CellBalancedEcdf e = new CellBalancedEcdf(withEvents);
            ecdfs.add(e);
            if (e.cellCount() > 0) {
                lo = Math.min(lo, e.quantile(1e-9));
                hi = Math.max(hi, e.quantile(0.99));
            }
        }
        if (!(hi >= lo)) {
            return null;
        }
        double[] range = Ticks.niceRange(Math.min(0, lo), hi, 6);
        String axis = measure.label() + " (" + measure.unit() + ")";
        SvgChart chart = new SvgChart(id, measure.label() + ": cumulative distribution", "", 560, 340)
                .x(range[0], range[1], axis).y(0, 1, "Cumulative fraction").legendBottomRight();
        double[] grid = Curves.grid(range[0], range[1], POINTS);
        StringBuilder desc = new StringBuilder("Cell-balanced cumulative distribution of " + measure.label().toLowerCase()
                + " per group (thick lines; every cell weighs the same) over each cell's own distribution (thin lines).");
        for (int i = 0; i < groups.size(); i++) {
            for (double[] cell : cells.get(i)) {
                CellBalancedEcdf one = new CellBalancedEcdf(List.of(cell));
                chart.line(grid, evaluate(one, grid), Palette.colour(i), "", 1, 0.22);
            }
        }
        for (int i = 0; i < groups.size(); i++) {
            CellBalancedEcdf e = ecdfs.get(i);
            if (e.cellCount() == 0) {
                continue;
            }
            chart.line(grid, evaluate(e, grid), Palette.colour(i), Palette.dash(i), 2.6, 1);
            chart.legendEntry(groups.get(i) + " (" + e.cellCount() + " cells)", Palette.colour(i), Palette.dash(i));
            desc.append(' ').append(groups.get(i)).append(": ").append(e.cellCount()).append(" cells, cell-balanced median ")
                    .append(Html.num(e.quantile(0.5))).append(' ').append(measure.unit()).append('.');
        }
        return chart.describe(desc.toString()).render();
    }

    private static double[] evaluate(CellBalancedEcdf e, double[] grid) {
        double[] y = new double[grid.length];
        for (int i = 0; i < grid.length; i++) {
            y[i] = e.at(grid[i]);
        }
        return y;
    }
}
