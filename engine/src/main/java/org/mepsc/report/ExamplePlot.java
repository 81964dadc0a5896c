package org.mepsc.report;

import java.util.Arrays;
import org.mepsc.compare.ExampleTrace;
import org.mepsc.compare.Trace;

/** A cell's example stretch of recording with its detected events marked. */
final class ExamplePlot {

    private static final int WIDTH = 920;
    private static final int HEIGHT = 180;

    private ExamplePlot() {
    }

    static String render(String id, String cell, String group, ExampleTrace example) {
        Trace trace = example.trace();
        double t0 = trace.x()[0];
        double t1 = trace.x()[trace.size() - 1];
        if (!(t1 > t0)) {
            t1 = t0 + 1;
        }
        double[] sorted = Arrays.stream(trace.y()).filter(Double::isFinite).sorted().toArray();
        double lo = sorted.length == 0 ? -1 : sorted[0];
        double hi = sorted.length == 0 ? 1 : sorted[sorted.length - 1];
        double baseline = sorted.length == 0 ? 0 : sorted[sorted.length / 2];
        // room for the event marks beside the peaks
        double pad = (hi - lo) * 0.22 + 1e-9;
        double[] yRange = Ticks.niceRange(lo - pad, hi + pad, 4);
        int marked = 0;
        SvgChart chart = new SvgChart(id, cell + " (" + group + ")", "", WIDTH, HEIGHT).x(t0, t1, "Time (s)")
                .y(yRange[0], yRange[1], "Current (pA)");
        double[][] env = envelope(trace, t0, t1, chart.plotWidth());
        chart.line(env[0], env[1], Palette.TRACE, "", 1, 1);
        for (int e = 0; e < example.peaksS().length; e++) {
            double t = example.peaksS()[e];
            if (!(t >= t0 && t <= t1)) {
                continue;
            }
            double y = Curves.interpolate(trace.x(), trace.y(), t);
            boolean down = y < baseline;
            chart.pointer(t, y, down, Palette.EVENT_MARK,
                    "event at " + Html.num(t) + " s, amplitude " + Html.num(example.amplitudesPa()[e]) + " pA");
            marked++;
        }
        chart.describe("Example recording from cell " + cell + " (group " + group + "), " + Html.num(t1 - t0)
                + " s, with " + marked + " detected events marked by triangles.");
        return chart.render();
    }

    /**
     * The trace reduced to its minimum and maximum per pixel column, so that a long stretch
     * draws quickly and still shows every event.
     */
    static double[][] envelope(Trace trace, double t0, double t1, int columns) {
        if (trace.size() <= 2 * columns) {
            return new double[][] {trace.x(), trace.y()};
        }
        double[] xs = new double[2 * columns];
        double[] ys = new double[2 * columns];
        int n = 0;
        int i = 0;
        for (int c = 0; c < columns; c++) {
            double end = t0 + (t1 - t0) * (c + 1) / columns;
            double min = Double.POSITIVE_INFINITY;
            double max = Double.NEGATIVE_INFINITY;
            double tMin = 0;
            double tMax = 0;
            while (i < trace.size() && (trace.x()[i] <= end || c == columns - 1)) {
                double y = trace.y()[i];
                if (y < min) {
                    min = y;
                    tMin = trace.x()[i];
                }
                if (y > max) {
                    max = y;
                    tMax = trace.x()[i];
                }
                i++;
            }
            if (min <= max) {
                // in time order, so the line goes through both extremes
                xs[n] = Math.min(tMin, tMax);
                ys[n++] = tMin <= tMax ? min : max;
                xs[n] = Math.max(tMin, tMax);
                ys[n++] = tMin <= tMax ? max : min;
            }
        }
        return new double[][] {Arrays.copyOf(xs, n), Arrays.copyOf(ys, n)};
    }
}
