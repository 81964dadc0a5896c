package org.mepsc.accuracy;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Shape;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Path2D;
import java.awt.geom.Rectangle2D;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.axis.CategoryAxis;
import org.jfree.chart.labels.StandardCategoryItemLabelGenerator;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.plot.IntervalMarker;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.plot.ValueMarker;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.category.BarRenderer;
import org.jfree.chart.renderer.category.StandardBarPainter;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.chart.title.TextTitle;
import org.jfree.chart.ui.Layer;
import org.jfree.chart.ui.RectangleAnchor;
import org.jfree.chart.ui.TextAnchor;
import org.jfree.data.category.DefaultCategoryDataset;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;

/**
 * The benchmark's and the sweep's plots. Colours are the Okabe–Ito palette (distinguishable with
 * the common colour-vision deficiencies); series also differ by marker shape and dash pattern, so
 * they stay apart in grey print.
 */
public final class AccuracyCharts {

    private static final Color[] COLOURS = {new Color(0x0072B2), new Color(0xD55E00), new Color(0x009E73),
        new Color(0xCC79A7), new Color(0xE69F00), new Color(0x56B4E9), new Color(0x000000)};
    private static final float[][] DASHES = {null, {7, 3}, {2, 2}, {9, 3, 2, 3}, {4, 4}, {12, 4}, {1, 3}};
    private static final Color GRID = new Color(0xDDDDDD);
    private static final Font TITLE = new Font(Font.SANS_SERIF, Font.BOLD, 16);
    private static final Font SUBTITLE = new Font(Font.SANS_SERIF, Font.PLAIN, 12);
    private static final String SNR_AXIS = "SNR (median amplitude / noise SD)";

    private AccuracyCharts() {
    }

    /** F1 against SNR, one line per method (mean over seeds). */
    public static JFreeChart f1VsSnr(List<Summaries.SnrCell> cells) {
        XYSeriesCollection data = new XYSeriesCollection();
        for (Map.Entry<String, List<Summaries.SnrCell>> e : byMethod(cells).entrySet()) {
            XYSeries s = new XYSeries(e.getKey());
            e.getValue().forEach(c -> s.add(c.snr(), c.f1Mean()));
            data.addSeries(s);
        }
        XYPlot plot = xyPlot(data, SNR_AXIS, "F1", true);
        addTargets(plot);
        return chart("Detection F1 against SNR, every method at default settings",
                "mean over seeds; grey bars: targets (F1 ≥ 0.75 at SNR 3, ≥ 0.90 at 5–6, ≥ 0.95 from 8)", plot);
    }

    /** F1, recall and precision of one method against SNR (mean over seeds; dots: each seed's F1). */
    public static JFreeChart methodVsSnr(String method, List<Summaries.SnrCell> cells, List<ScenarioResult> runs) {
        XYSeriesCollection data = new XYSeriesCollection();
        XYSeries f1 = new XYSeries("F1");
        XYSeries recall = new XYSeries("recall");
        XYSeries precision = new XYSeries("precision");
        for (Summaries.SnrCell c : cells) {
            if (c.method().equals(method)) {
                f1.add(c.snr(), c.f1Mean());
                recall.add(c.snr(), c.recallMean());
                precision.add(c.snr(), c.precisionMean());
            }
        }
        XYSeries seeds = new XYSeries("F1 of each seed");
        for (ScenarioResult r : runs) {
            if (r.scenario().method().name().equals(method) && !Double.isNaN(r.trial().f1())) {
                seeds.add(r.scenario().snr(), r.trial().f1());
            }
        }
        data.addSeries(f1);
        data.addSeries(recall);
        data.addSeries(precision);
        data.addSeries(seeds);
        XYPlot plot = xyPlot(data, SNR_AXIS, "F1, recall, precision", true);
        XYLineAndShapeRenderer r = (XYLineAndShapeRenderer) plot.getRenderer();
        int last = data.getSeriesCount() - 1;
        r.setSeriesLinesVisible(last, false);
        r.setSeriesShape(last, new Ellipse2D.Double(-2, -2, 4, 4));
        r.setSeriesPaint(last, new Color(0x0072B2));
        addTargets(plot);
        return chart(method + ": F1, recall and precision against SNR",
                "default settings; lines: mean over seeds; grey bars: F1 targets", plot);
    }

    /** F1, precision and recall against the threshold in % of the default, one colour per method. */
    public static JFreeChart thresholdSweep(List<Summaries.ThresholdCell> cells, double snr) {
        XYSeriesCollection data = new XYSeriesCollection();
        for (Map.Entry<String, List<Summaries.ThresholdCell>> e : byMethod(cells, Summaries.ThresholdCell::method).entrySet()) {
            XYSeries s = new XYSeries(e.getKey());
            e.getValue().forEach(c -> s.add(c.percent(), c.f1Mean()));
            data.addSeries(s);
        }
        XYPlot plot = xyPlot(data, "threshold (% of the method's default)", "F1", true);
        IntervalMarker band = new IntervalMarker(50, 150, new Color(0xF2F2F2));
        band.setLabel("±50 %");
        band.setLabelAnchor(RectangleAnchor.TOP_LEFT);
        band.setLabelTextAnchor(TextAnchor.TOP_LEFT);
        plot.addDomainMarker(band, Layer.BACKGROUND);
        ValueMarker def = new ValueMarker(100, Color.GRAY, new BasicStroke(1f));
        plot.addDomainMarker(def);
        return chart("F1 against the detection threshold", String.format(Locale.ROOT,
                "SNR %s, mean over seeds; target: F1 changes by at most 0.05 within ±50 %% of the default",
                AccuracyBenchmark.trim(snr)), plot);
    }

    /** Mean F1 with the default decay and with each other decay, per method and SNR level. */
    public static JFreeChart kinetics(List<Summaries.KineticsCell> cells) {
        DefaultCategoryDataset data = new DefaultCategoryDataset();
        Map<String, Summaries.KineticsCell> firstOfGroup = new LinkedHashMap<>();
        for (Summaries.KineticsCell c : cells) {
            String group = c.method() + ", SNR " + AccuracyBenchmark.trim(c.snr());
            if (firstOfGroup.putIfAbsent(group, c) == null) {
                data.addValue(c.f1Default(), "decay " + AccuracyBenchmark.trim(Scenario.DECAY_MS) + " ms (default)", group);
            }
        }
        for (Summaries.KineticsCell c : cells) {
            String group = c.method() + ", SNR " + AccuracyBenchmark.trim(c.snr());
            data.addValue(c.f1Mean(), "decay " + AccuracyBenchmark.trim(c.decayMs()) + " ms (" + factor(c.decayFactor()) + ")", group);
        }
        CategoryAxis x = new CategoryAxis(null);
        x.setMaximumCategoryLabelLines(2);
        NumberAxis y = new NumberAxis("F1");
        y.setRange(0, 1.05);
        BarRenderer r = new BarRenderer();
        r.setBarPainter(new StandardBarPainter());
        r.setShadowVisible(false);
        r.setDefaultItemLabelGenerator(new StandardCategoryItemLabelGenerator("{2}", new java.text.DecimalFormat("0.00")));
        r.setDefaultItemLabelsVisible(true);
        r.setDefaultItemLabelFont(new Font(Font.SANS_SERIF, Font.PLAIN, 9));
        r.setItemMargin(0.05);
        for (int i = 0; i < data.getRowCount(); i++) {
            r.setSeriesPaint(i, COLOURS[i % COLOURS.length]);
        }
        CategoryPlot plot = new CategoryPlot(data, x, y, r);
        plot.setOrientation(PlotOrientation.VERTICAL);
        plot.setBackgroundPaint(Color.WHITE);
        plot.setRangeGridlinePaint(GRID);
        return chart("F1 when events decay faster or slower than usual",
                "default settings, no re-tuning; mean over seeds; target: F1 drops by at most 0.05", plot);
    }

    /** A sweep: F1, precision and recall against the swept value, the best marked. */
    public static JFreeChart sweep(ParameterSweep.Result result, String recording) {
        XYSeriesCollection data = new XYSeriesCollection();
        XYSeries f1 = new XYSeries("F1");
        XYSeries precision = new XYSeries("precision");
        XYSeries recall = new XYSeries("recall");
        for (ParameterSweep.Point p : result.points()) {
            f1.add(p.value(), p.trial().f1());
            precision.add(p.value(), p.trial().score().precision());
            recall.add(p.value(), p.trial().score().recall());
        }
        data.addSeries(f1);
        data.addSeries(precision);
        data.addSeries(recall);
        SweepParameter param = result.parameter();
        XYPlot plot = xyPlot(data, param.optionName() + " (" + param.unit() + ")", "F1, precision, recall", true);
        ParameterSweep.Point best = result.best();
        ValueMarker m = new ValueMarker(best.value(), Color.GRAY, new BasicStroke(1f, BasicStroke.CAP_BUTT,
                BasicStroke.JOIN_MITER, 10f, new float[] {4, 4}, 0f));
        m.setLabel(String.format(Locale.ROOT, "best: %s, F1 %.3f", AccuracyBenchmark.trim(best.value()), best.trial().f1()));
        m.setLabelFont(SUBTITLE);
        m.setLabelAnchor(RectangleAnchor.BOTTOM_RIGHT);
        m.setLabelTextAnchor(TextAnchor.BOTTOM_LEFT);
        plot.addDomainMarker(m);
        return chart("Detection against " + param.optionName(), recording, plot);
    }

    private static String factor(double f) {
        return f < 1 ? AccuracyBenchmark.trim(Math.round(100 / f) / 100.0) + "× faster"
                : AccuracyBenchmark.trim(f) + "× slower";
    }

    /** The F1 targets as short grey bars over the SNR levels they apply to. */
    private static void addTargets(XYPlot plot) {
        double[][] targets = {{2.8, 3.2, 0.75}, {4.8, 6.2, 0.90}, {7.8, 10.2, 0.95}};
        for (double[] t : targets) {
            XYSeries s = new XYSeries("target " + t[2]);
            s.add(t[0], t[2]);
            s.add(t[1], t[2]);
            XYLineAndShapeRenderer r = new XYLineAndShapeRenderer(true, false);
            r.setSeriesPaint(0, new Color(0x999999));
            r.setSeriesStroke(0, new BasicStroke(4f));
            r.setSeriesVisibleInLegend(0, false);
            int index = plot.getDatasetCount();
            plot.setDataset(index, new XYSeriesCollection(s));
            plot.setRenderer(index, r);
        }
    }

    private static XYPlot xyPlot(XYSeriesCollection data, String xLabel, String yLabel, boolean unitRange) {
        NumberAxis x = new NumberAxis(xLabel);
        x.setAutoRangeIncludesZero(false);
        NumberAxis y = new NumberAxis(yLabel);
        if (unitRange) {
            y.setRange(0, 1.02);
        } else {
            y.setAutoRangeIncludesZero(true);
        }
        XYLineAndShapeRenderer r = new XYLineAndShapeRenderer(true, true);
        for (int i = 0; i < data.getSeriesCount(); i++) {
            r.setSeriesPaint(i, COLOURS[i % COLOURS.length]);
            float[] dash = DASHES[i % DASHES.length];
            r.setSeriesStroke(i, dash == null ? new BasicStroke(2f)
                    : new BasicStroke(2f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_ROUND, 10f, dash, 0f));
            r.setSeriesShape(i, shape(i));
        }
        XYPlot plot = new XYPlot(data, x, y, r);
        plot.setBackgroundPaint(Color.WHITE);
        plot.setDomainGridlinePaint(GRID);
        plot.setRangeGridlinePaint(GRID);
        return plot;
    }

    private static Shape shape(int i) {
        double s = 3.5;
        return switch (i % 4) {
            case 0 -> new Ellipse2D.Double(-s, -s, 2 * s, 2 * s);
            case 1 -> new Rectangle2D.Double(-s, -s, 2 * s, 2 * s);
            case 2 -> triangle(s);
            default -> diamond(s);
        };
    }

    private static Shape triangle(double s) {
        Path2D p = new Path2D.Double();
        p.moveTo(0, -s);
        p.lineTo(s, s);
        p.lineTo(-s, s);
        p.closePath();
        return p;
    }

    private static Shape diamond(double s) {
        Path2D p = new Path2D.Double();
        p.moveTo(0, -s);
        p.lineTo(s, 0);
        p.lineTo(0, s);
        p.lineTo(-s, 0);
        p.closePath();
        return p;
    }

    private static JFreeChart chart(String title, String subtitle, org.jfree.chart.plot.Plot plot) {
        JFreeChart c = new JFreeChart(title, TITLE, plot, true);
        c.setBackgroundPaint(Color.WHITE);
        TextTitle sub = new TextTitle(subtitle, SUBTITLE);
        c.addSubtitle(sub);
        return c;
    }

    private static Map<String, List<Summaries.SnrCell>> byMethod(List<Summaries.SnrCell> cells) {
        return byMethod(cells, Summaries.SnrCell::method);
    }

    private static <T> Map<String, List<T>> byMethod(List<T> cells, java.util.function.Function<T, String> method) {
        Map<String, List<T>> m = new LinkedHashMap<>();
        for (T c : cells) {
            m.computeIfAbsent(method.apply(c), k -> new ArrayList<>()).add(c);
        }
        return m;
    }
}
