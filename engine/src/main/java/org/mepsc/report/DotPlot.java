package org.mepsc.report;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.mepsc.compare.CellMeasure;
import org.mepsc.compare.CellRecord;
import org.mepsc.compare.Cohort;
import org.mepsc.stats.Samples;

/** One dot per cell for a per-cell measure, a column per group, with the group median as a bar. */
final class DotPlot {

    private static final double RADIUS = 5;

    private DotPlot() {
    }

    /** The SVG, or null when no cell has a value. */
    static String render(String id, CellMeasure measure, List<String> groups, Cohort cohort) {
        List<List<CellRecord>> cells = new ArrayList<>();
        double max = 0;
        boolean any = false;
        for (String g : groups) {
            List<CellRecord> withValue = cohort.okCells(g).stream().filter(c -> Double.isFinite(c.value(measure)))
                    .sorted(Comparator.comparingDouble(c -> c.value(measure))).toList();
            cells.add(withValue);
            for (CellRecord c : withValue) {
                max = Math.max(max, c.value(measure));
                any = true;
            }
        }
        if (!any) {
            return null;
        }
        List<String> labels = new ArrayList<>();
        StringBuilder desc = new StringBuilder("One dot per cell; the bar is the group median.");
        for (int i = 0; i < groups.size(); i++) {
            labels.add(groups.get(i) + " (n = " + cells.get(i).size() + ")");
        }
        String axis = measure.label() + " (" + measure.unit() + ")";
        double[] range = Ticks.niceRange(0, max * 1.05, 5);
        SvgChart chart = new SvgChart(id, measure.label() + " per cell", "", 150 + 130 * groups.size(), 320)
                .categories(labels, "").y(range[0], range[1], axis);
        double halfBand = 0.38 * chart.xScale();
        for (int i = 0; i < groups.size(); i++) {
            List<CellRecord> group = cells.get(i);
            double[] values = group.stream().mapToDouble(c -> c.value(measure)).toArray();
            List<double[]> placed = new ArrayList<>();
            for (CellRecord c : group) {
                double v = c.value(measure);
                double offset = swarmOffset(chart.py(v), placed, halfBand);
                placed.add(new double[] {offset, chart.py(v)});
                chart.dot(i, v, RADIUS, offset, Palette.colour(i),
                        c.name() + ": " + Html.num(v) + " " + measure.unit());
            }
            if (values.length > 0) {
                double median = Samples.median(values);
                chart.segment(i - 0.32, median, i + 0.32, median, "#111111", 3,
                        "median of " + groups.get(i) + ": " + Html.num(median) + " " + measure.unit());
                desc.append(' ').append(groups.get(i)).append(": ").append(values.length).append(" cells, median ")
                        .append(Html.num(median)).append(' ').append(measure.unit()).append('.');
            }
        }
        return chart.describe(desc.toString()).render();
    }

    /** The horizontal offset (pixels) nearest the centre at which a dot overlaps no placed dot. */
    private static double swarmOffset(double y, List<double[]> placed, double limit) {
        double step = RADIUS * 0.5;
        for (int k = 0; k * step <= limit; k++) {
            for (int sign : new int[] {1, -1}) {
                double offset = sign * k * step;
                if (free(offset, y, placed)) {
                    return offset;
                }
                if (k == 0) {
                    break;
                }
            }
        }
        return 0;
    }

    private static boolean free(double x, double y, List<double[]> placed) {
        double min = 2 * RADIUS - 0.5;
        for (double[] p : placed) {
            double dx = p[0] - x;
            double dy = p[1] - y;
            if (dx * dx + dy * dy < min * min) {
                return false;
            }
        }
        return true;
    }
}
