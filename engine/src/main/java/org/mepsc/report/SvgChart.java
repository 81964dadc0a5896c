package org.mepsc.report;

import static org.mepsc.report.Html.coord;
import static org.mepsc.report.Html.escape;

import java.util.ArrayList;
import java.util.List;

/**
 * A small hand-written SVG chart: a plot area with linear axes (or named categories on x),
 * a title, axis labels with units, a legend, and marks. Text and tooltips are escaped; the SVG
 * carries a title and description for screen readers.
 */
final class SvgChart {

    private static final int LEFT = 68;
    private static final int RIGHT = 16;
    private static final int TOP = 34;
    private static final int BOTTOM = 50;

    private final String id;
    private final String title;
    private String description;
    private final int width;
    private final int height;
    private double xMin = 0;
    private double xMax = 1;
    private double yMin = 0;
    private double yMax = 1;
    private String xLabel = "";
    private String yLabel = "";
    private List<String> categories;
    private boolean xTicks = true;
    private boolean legendBelow;
    private final StringBuilder marks = new StringBuilder();
    private final List<String[]> legend = new ArrayList<>();

    SvgChart(String id, String title, String description, int width, int height) {
        this.id = id;
        this.title = title;
        this.description = description;
        this.width = width;
        this.height = height;
    }

    SvgChart x(double min, double max, String label) {
        xMin = min;
        xMax = max;
        xLabel = label;
        return this;
    }

    SvgChart y(double min, double max, String label) {
        yMin = min;
        yMax = max;
        yLabel = label;
        return this;
    }

    /** Named categories at x = 0, 1, …; the x range becomes [-0.5, n - 0.5]. */
    SvgChart categories(List<String> names, String label) {
        categories = names;
        return x(-0.5, names.size() - 0.5, label);
    }

    /** Replaces the description (often only known once the marks are drawn). */
    SvgChart describe(String text) {
        description = text;
        return this;
    }

    SvgChart hideXTicks() {
        xTicks = false;
        return this;
    }

    double px(double x) {
        return LEFT + (x - xMin) / (xMax - xMin) * plotWidth();
    }

    double py(double y) {
        return TOP + (yMax - y) / (yMax - yMin) * plotHeight();
    }

    int plotWidth() {
        return width - LEFT - RIGHT;
    }

    int plotHeight() {
        return height - TOP - BOTTOM;
    }

    /** Pixels per unit of x (for sizing marks in data units). */
    double xScale() {
        return plotWidth() / (xMax - xMin);
    }

    /** A polyline through finite points (gaps where a value is not finite). */
    SvgChart line(double[] xs, double[] ys, String colour, String dash, double strokeWidth, double opacity) {
        StringBuilder pts = new StringBuilder();
        for (int i = 0; i < xs.length; i++) {
            if (!Double.isFinite(xs[i]) || !Double.isFinite(ys[i])) {
                flushLine(pts, colour, dash, strokeWidth, opacity);
                continue;
            }
            pts.append(coord(px(xs[i]))).append(',').append(coord(py(ys[i]))).append(' ');
        }
        flushLine(pts, colour, dash, strokeWidth, opacity);
        return this;
    }

    private void flushLine(StringBuilder pts, String colour, String dash, double strokeWidth, double opacity) {
        if (pts.length() > 0) {
            marks.append("<polyline fill=\"none\" stroke=\"").append(colour).append("\" stroke-width=\"")
                    .append(strokeWidth).append('"');
            if (!dash.isEmpty()) {
                marks.append(" stroke-dasharray=\"").append(dash).append('"');
            }
            if (opacity < 1) {
                marks.append(" stroke-opacity=\"").append(opacity).append('"');
            }
            marks.append(" stroke-linejoin=\"round\" points=\"").append(pts.toString().trim()).append("\"/>\n");
            pts.setLength(0);
        }
    }

    /** A shaded band between lo and hi. */
    SvgChart band(double[] xs, double[] lo, double[] hi, String colour, double opacity) {
        StringBuilder d = new StringBuilder();
        for (int i = 0; i < xs.length; i++) {
            d.append(i == 0 ? 'M' : 'L').append(coord(px(xs[i]))).append(',').append(coord(py(hi[i])));
        }
        for (int i = xs.length - 1; i >= 0; i--) {
            d.append('L').append(coord(px(xs[i]))).append(',').append(coord(py(lo[i])));
        }
        if (xs.length > 0) {
            marks.append("<path d=\"").append(d).append("Z\" fill=\"").append(colour).append("\" fill-opacity=\"")
                    .append(opacity).append("\" stroke=\"none\"/>\n");
        }
        return this;
    }

    /** A dot at a data position, radius in pixels, with a tooltip. */
    SvgChart dot(double x, double y, double r, double pixelOffset, String colour, String tooltip) {
        marks.append("<circle cx=\"").append(coord(px(x) + pixelOffset)).append("\" cy=\"").append(coord(py(y)))
                .append("\" r=\"").append(r).append("\" fill=\"").append(colour)
                .append("\" fill-opacity=\"0.75\" stroke=\"#ffffff\" stroke-width=\"0.8\"><title>")
                .append(escape(tooltip)).append("</title></circle>\n");
        return this;
    }

    /**
     * A triangle pointing at a data position (an event mark): from above for a peak that goes
     * up, from below for one that goes down, so it never hides the peak.
     */
    SvgChart pointer(double x, double y, boolean fromBelow, String colour, String tooltip) {
        double cx = px(x);
        double tip = py(y) + (fromBelow ? 3 : -3);
        double base = tip + (fromBelow ? 8 : -8);
        marks.append("<path class=\"event-mark\" d=\"M").append(coord(cx - 4.5)).append(',').append(coord(base)).append('L')
                .append(coord(cx + 4.5)).append(',').append(coord(base)).append('L').append(coord(cx)).append(',')
                .append(coord(tip)).append("Z\" fill=\"").append(colour).append("\"><title>").append(escape(tooltip))
                .append("</title></path>\n");
        return this;
    }

    /** A straight segment between data positions. */
    SvgChart segment(double x1, double y1, double x2, double y2, String colour, double strokeWidth, String tooltip) {
        marks.append("<line x1=\"").append(coord(px(x1))).append("\" y1=\"").append(coord(py(y1))).append("\" x2=\"")
                .append(coord(px(x2))).append("\" y2=\"").append(coord(py(y2))).append("\" stroke=\"").append(colour)
                .append("\" stroke-width=\"").append(strokeWidth).append("\" stroke-linecap=\"round\">");
        if (tooltip != null) {
            marks.append("<title>").append(escape(tooltip)).append("</title>");
        }
        marks.append("</line>\n");
        return this;
    }

    /** Puts the legend in the bottom right corner (where cumulative and event curves leave room). */
    SvgChart legendBottomRight() {
        legendBelow = true;
        return this;
    }

    SvgChart legendEntry(String label, String colour, String dash) {
        legend.add(new String[] {label, colour, dash});
        return this;
    }

    String render() {
        StringBuilder s = new StringBuilder();
        String tid = id + "-title";
        String did = id + "-desc";
        s.append("<svg xmlns=\"http://www.w3.org/2000/svg\" id=\"").append(id).append("\" class=\"chart\" viewBox=\"0 0 ")
                .append(width).append(' ').append(height).append("\" width=\"").append(width).append("\" height=\"")
                .append(height).append("\" role=\"img\" aria-labelledby=\"").append(tid).append(' ').append(did)
                .append("\">\n<title id=\"").append(tid).append("\">").append(escape(title)).append("</title>\n<desc id=\"")
                .append(did).append("\">").append(escape(description)).append("</desc>\n");
        s.append("<defs><clipPath id=\"").append(id).append("-clip\"><rect x=\"").append(LEFT).append("\" y=\"").append(TOP)
                .append("\" width=\"").append(plotWidth()).append("\" height=\"").append(plotHeight())
                .append("\"/></clipPath></defs>\n");
        s.append("<rect x=\"0\" y=\"0\" width=\"").append(width).append("\" height=\"").append(height)
                .append("\" fill=\"#ffffff\"/>\n");
        s.append("<text class=\"chart-title\" x=\"").append(LEFT).append("\" y=\"20\">").append(escape(title)).append("</text>\n");
        axes(s);
        s.append("<g clip-path=\"url(#").append(id).append("-clip)\">\n").append(marks).append("</g>\n");
        legend(s);
        s.append("</svg>\n");
        return s.toString();
    }

    private void axes(StringBuilder s) {
        double bottom = TOP + plotHeight();
        s.append("<g class=\"axis\" font-size=\"11\" fill=\"#333333\">\n");
        double yStep = Ticks.step(yMin, yMax, 5);
        for (double t : Ticks.of(yMin, yMax, 5)) {
            double y = py(t);
            s.append("<line x1=\"").append(LEFT).append("\" x2=\"").append(LEFT + plotWidth()).append("\" y1=\"")
                    .append(coord(y)).append("\" y2=\"").append(coord(y)).append("\" stroke=\"#e4e4e4\"/>")
                    .append("<text x=\"").append(LEFT - 6).append("\" y=\"").append(coord(y + 4))
                    .append("\" text-anchor=\"end\">").append(Ticks.label(t, yStep)).append("</text>\n");
        }
        if (categories != null) {
            for (int i = 0; i < categories.size(); i++) {
                s.append("<text x=\"").append(coord(px(i))).append("\" y=\"").append(coord(bottom + 16))
                        .append("\" text-anchor=\"middle\">").append(escape(categories.get(i))).append("</text>\n");
            }
        } else if (xTicks) {
            double xStep = Ticks.step(xMin, xMax, 6);
            for (double t : Ticks.of(xMin, xMax, 6)) {
                double x = px(t);
                s.append("<line x1=\"").append(coord(x)).append("\" x2=\"").append(coord(x)).append("\" y1=\"")
                        .append(coord(bottom)).append("\" y2=\"").append(coord(bottom + 4)).append("\" stroke=\"#333333\"/>")
                        .append("<text x=\"").append(coord(x)).append("\" y=\"").append(coord(bottom + 16))
                        .append("\" text-anchor=\"middle\">").append(Ticks.label(t, xStep)).append("</text>\n");
            }
        }
        s.append("<line x1=\"").append(LEFT).append("\" x2=\"").append(LEFT + plotWidth()).append("\" y1=\"")
                .append(coord(bottom)).append("\" y2=\"").append(coord(bottom)).append("\" stroke=\"#333333\"/>\n");
        s.append("<line x1=\"").append(LEFT).append("\" x2=\"").append(LEFT).append("\" y1=\"").append(TOP)
                .append("\" y2=\"").append(coord(bottom)).append("\" stroke=\"#333333\"/>\n");
        s.append("<text class=\"axis-label\" x=\"").append(coord(LEFT + plotWidth() / 2.0)).append("\" y=\"")
                .append(height - 10).append("\" text-anchor=\"middle\">").append(escape(xLabel)).append("</text>\n");
        double cy = TOP + plotHeight() / 2.0;
        s.append("<text class=\"axis-label\" x=\"14\" y=\"").append(coord(cy)).append("\" text-anchor=\"middle\" transform=\"rotate(-90 14 ")
                .append(coord(cy)).append(")\">").append(escape(yLabel)).append("</text>\n");
        s.append("</g>\n");
    }

    private void legend(StringBuilder s) {
        if (legend.isEmpty()) {
            return;
        }
        double x = LEFT + plotWidth() - 8;
        double y = legendBelow ? TOP + plotHeight() - legend.size() * 16 + 2 : TOP + 12;
        int longest = legend.stream().mapToInt(e -> e[0].length()).max().orElse(0);
        double boxWidth = 34 + longest * 6.6;
        s.append("<g class=\"legend\" font-size=\"11\"><rect x=\"").append(coord(x - boxWidth - 6)).append("\" y=\"")
                .append(coord(y - 10)).append("\" width=\"").append(coord(boxWidth + 8)).append("\" height=\"")
                .append(legend.size() * 16 + 6).append("\" fill=\"#ffffff\" fill-opacity=\"0.85\" stroke=\"#cccccc\"/>\n");
        for (String[] e : legend) {
            double lx = x - boxWidth;
            s.append("<line x1=\"").append(coord(lx)).append("\" x2=\"").append(coord(lx + 24)).append("\" y1=\"")
                    .append(coord(y)).append("\" y2=\"").append(coord(y)).append("\" stroke=\"").append(e[1])
                    .append("\" stroke-width=\"3\"");
            if (!e[2].isEmpty()) {
                s.append(" stroke-dasharray=\"").append(e[2]).append('"');
            }
            s.append("/><text x=\"").append(coord(lx + 30)).append("\" y=\"").append(coord(y + 4)).append("\">")
                    .append(escape(e[0])).append("</text>\n");
            y += 16;
        }
        s.append("</g>\n");
    }
}
