package org.mepsc.report;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.mepsc.compare.CellRecord;
import org.mepsc.compare.Cohort;
import org.mepsc.compare.Trace;

/** The average event per group: the mean of the cells' average waveforms ± SEM across cells. */
final class WaveformPlot {

    private static final int MAX_POINTS = 1500;

    private WaveformPlot() {
    }

    /** One group's mean waveform on a grid; sem is NaN with a single cell. */
    record GroupMean(double[] t, double[] mean, double[] sem, int cells) {
    }

    /** The SVG, or null when no cell has a waveform. */
    static String render(String id, List<String> groups, Cohort cohort) {
        List<GroupMean> means = new ArrayList<>();
        double lo = Double.POSITIVE_INFINITY;
        double hi = Double.NEGATIVE_INFINITY;
        double t0 = Double.POSITIVE_INFINITY;
        double t1 = Double.NEGATIVE_INFINITY;
        for (String g : groups) {
            List<Trace> traces = cohort.okCells(g).stream().map(CellRecord::name).map(cohort.waveforms()::get)
                    .filter(t -> t != null && t.size() > 1).toList();
            GroupMean m = traces.isEmpty() ? null : mean(traces);
            means.add(m);
            if (m != null) {
                for (int i = 0; i < m.t().length; i++) {
                    double band = Double.isNaN(m.sem()[i]) ? 0 : m.sem()[i];
                    lo = Math.min(lo, m.mean()[i] - band);
                    hi = Math.max(hi, m.mean()[i] + band);
                }
                t0 = Math.min(t0, m.t()[0]);
                t1 = Math.max(t1, m.t()[m.t().length - 1]);
            }
        }
        if (!(t1 > t0)) {
            return null;
        }
        double pad = (hi - lo) * 0.06;
        double[] yRange = Ticks.niceRange(lo - pad, hi + pad, 5);
        SvgChart chart = new SvgChart(id, "Average event", "", 560, 340).x(t0, t1, "Time from event (ms)")
                .y(yRange[0], yRange[1], "Current (pA)").legendBottomRight();
        StringBuilder desc = new StringBuilder("Mean of the cells' average event waveforms per group; the band is ± 1 SEM across cells.");
        for (int i = 0; i < groups.size(); i++) {
            GroupMean m = means.get(i);
            if (m != null && m.cells() > 1) {
                chart.band(m.t(), minus(m.mean(), m.sem()), plus(m.mean(), m.sem()), Palette.colour(i), 0.18);
            }
        }
        for (int i = 0; i < groups.size(); i++) {
            GroupMean m = means.get(i);
            if (m == null) {
                continue;
            }
            chart.line(m.t(), m.mean(), Palette.colour(i), Palette.dash(i), 2.4, 1);
            chart.legendEntry(groups.get(i) + " (" + m.cells() + " cells)", Palette.colour(i), Palette.dash(i));
            double peak = Arrays.stream(m.mean()).map(Math::abs).max().orElse(Double.NaN);
            desc.append(' ').append(groups.get(i)).append(": ").append(m.cells()).append(" cells, peak ")
                    .append(Html.num(peak)).append(" pA.");
        }
        return chart.describe(desc.toString()).render();
    }

    /** Cells resampled onto the grid their time ranges share, at the finest common spacing. */
    static GroupMean mean(List<Trace> traces) {
        double from = Double.NEGATIVE_INFINITY;
        double to = Double.POSITIVE_INFINITY;
        double dt = Double.POSITIVE_INFINITY;
        for (Trace t : traces) {
            from = Math.max(from, t.x()[0]);
            to = Math.min(to, t.x()[t.size() - 1]);
            dt = Math.min(dt, (t.x()[t.size() - 1] - t.x()[0]) / (t.size() - 1));
        }
        if (!(to > from) || !(dt > 0)) {
            // no shared time range: use the first cell's own
            Trace first = traces.get(0);
            traces = List.of(first);
            from = first.x()[0];
            to = first.x()[first.size() - 1];
            dt = (to - from) / Math.max(1, first.size() - 1);
        }
        int n = (int) Math.min(MAX_POINTS, Math.max(2, Math.round((to - from) / dt) + 1));
        double[] grid = Curves.grid(from, to, n);
        double[] mean = new double[n];
        double[] sem = new double[n];
        int k = traces.size();
        for (int i = 0; i < n; i++) {
            double sum = 0;
            double sumSq = 0;
            for (Trace t : traces) {
                double v = Curves.interpolate(t.x(), t.y(), grid[i]);
                sum += v;
                sumSq += v * v;
            }
            mean[i] = sum / k;
            double var = k > 1 ? Math.max(0, (sumSq - k * mean[i] * mean[i]) / (k - 1)) : Double.NaN;
            sem[i] = Math.sqrt(var / k);
        }
        return new GroupMean(grid, mean, sem, k);
    }

    private static double[] plus(double[] a, double[] b) {
        double[] r = new double[a.length];
        for (int i = 0; i < a.length; i++) {
            r[i] = a[i] + b[i];
        }
        return r;
    }

    private static double[] minus(double[] a, double[] b) {
        double[] r = new double[a.length];
        for (int i = 0; i < a.length; i++) {
            r[i] = a[i] - b[i];
        }
        return r;
    }
}
