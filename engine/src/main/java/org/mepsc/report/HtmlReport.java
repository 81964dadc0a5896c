package org.mepsc.report;

import static org.mepsc.report.Html.escape;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import org.mepsc.Version;
import org.mepsc.compare.CellMeasure;
import org.mepsc.compare.CellRecord;
import org.mepsc.compare.Cohort;
import org.mepsc.compare.ComparisonResult;
import org.mepsc.compare.ComparisonResult.DistributionComparison;
import org.mepsc.compare.ComparisonResult.Estimate;
import org.mepsc.compare.ComparisonResult.GroupSummary;
import org.mepsc.compare.ComparisonResult.MeasureComparison;
import org.mepsc.compare.EventMeasure;
import org.mepsc.compare.ExampleTrace;
import org.mepsc.compare.Methods;
import org.mepsc.output.AtomicOutput;

/**
 * The comparison as one self-contained HTML file: tables, inline SVG figures, no scripts, no
 * network, no external fonts or styles, so it can be opened anywhere and sent by e-mail.
 */
public final class HtmlReport {

    private static final String STYLE = """
            body{font-family:system-ui,-apple-system,"Segoe UI",Roboto,"Helvetica Neue",Arial,sans-serif;color:#1a1a1a;background:#f4f5f7;margin:0;line-height:1.45}
            main{max-width:1200px;margin:0 auto;padding:28px 36px 48px;background:#fff}
            h1{font-size:1.65rem;margin:0 0 .25rem}
            h2{font-size:1.25rem;margin:2.4rem 0 .6rem;padding-bottom:.25rem;border-bottom:2px solid #e2e4e8}
            h3{font-size:1.02rem;margin:1.4rem 0 .4rem}
            p{max-width:60rem}
            .meta{color:#4a4a4a;margin:0 0 1rem}
            .lead{font-size:1.02rem}
            table{border-collapse:collapse;font-size:.84rem;margin:.5rem 0 1.1rem;font-variant-numeric:tabular-nums}
            caption{text-align:left;font-weight:600;padding:.2rem 0 .45rem;font-size:.92rem}
            th,td{padding:.3rem .5rem;border-bottom:1px solid #e3e5e8;text-align:right;vertical-align:top}
            th{background:#f1f3f5;font-weight:600}
            tbody th{background:#fafbfc;text-align:left}
            .nowrap{white-space:nowrap}
            th.text,td.text{text-align:left}
            td:not(.text):not(.ci){white-space:nowrap}
            td.ci{min-width:4.5em}
            .table-wrap{overflow-x:auto}
            td.sig{font-weight:700}
            .ref{color:#6b6b6b}
            .note{color:#4a4a4a;font-size:.9rem}
            .swatch{display:inline-block;width:.8em;height:.8em;border-radius:2px;margin-right:.4em;vertical-align:-.05em}
            .figures{display:flex;flex-wrap:wrap;gap:18px 26px;align-items:flex-start}
            figure{margin:0}
            figcaption{font-size:.82rem;color:#3d3d3d;max-width:560px;margin-top:.2rem}
            svg.chart{max-width:100%;height:auto;display:block}
            .chart-title{font-size:13px;font-weight:600;fill:#1a1a1a}
            .axis-label{font-size:12px;fill:#1a1a1a}
            dl.methods dt{font-weight:600;margin-top:.6rem}
            dl.methods dd{margin:.1rem 0 0 1.2rem;max-width:60rem}
            footer{margin-top:2.5rem;font-size:.8rem;color:#5a5a5a}
            code{font-size:.92em}
            @media print{body{background:#fff}main{padding:0}h2{break-after:avoid}figure{break-inside:avoid}}
            """;

    private HtmlReport() {
    }

    /** Writes the report atomically to {@code out}. */
    public static void write(Cohort cohort, ComparisonResult result, Path out, Collection<Path> inputs) throws IOException {
        String html = render(cohort, result);
        AtomicOutput.writeText(out, inputs, w -> w.write(html));
    }

    public static String render(Cohort cohort, ComparisonResult r) {
        List<String> groups = r.groups().stream().map(GroupSummary::name).toList();
        StringBuilder h = new StringBuilder(1 << 16);
        String dirName = String.valueOf(r.dir().toAbsolutePath().normalize().getFileName());
        h.append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n")
                .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
                .append("<title>mepsc group comparison: ").append(escape(dirName)).append("</title>\n<style>\n")
                .append(STYLE).append("</style>\n</head>\n<body>\n<main>\n");
        header(h, r, groups);
        perCell(h, cohort, r, groups);
        distributions(h, cohort, r, groups);
        waveforms(h, cohort, groups);
        examples(h, cohort, groups);
        failed(h, r);
        parameters(h, cohort, r);
        methods(h, r);
        notes(h, r);
        h.append("<footer>Made by mepsc ").append(escape(Version.get())).append(" on ")
                .append(Instant.now().truncatedTo(ChronoUnit.SECONDS)).append(" from <code>")
                .append(escape(r.dir().toAbsolutePath().normalize().toString()))
                .append("</code>. The numbers are also in comparison.json and comparison.csv beside this file.</footer>\n");
        h.append("</main>\n</body>\n</html>\n");
        return h.toString();
    }

    private static void header(StringBuilder h, ComparisonResult r, List<String> groups) {
        h.append("<header>\n<h1>Group comparison of miniature EPSCs</h1>\n<p class=\"meta\">Batch <code>")
                .append(escape(r.dir().toAbsolutePath().normalize().toString())).append("</code> · groups from column <code>")
                .append(escape(r.groupBy())).append("</code> · control group <strong>").append(escape(r.control()))
                .append("</strong></p>\n</header>\n");
        h.append("<section id=\"summary\">\n<p class=\"lead\">Every statistic below treats the <strong>cell</strong> as the "
                + "unit of replication: per-cell values are compared between groups of cells, and event distributions are "
                + "compared by methods that keep cells as the unit (hierarchical bootstrap, cell-balanced KS). Each group is "
                + "compared with the control; differences and effect sizes are group minus control.</p>\n");
        h.append("<table id=\"groups\">\n<caption>Groups</caption>\n<thead><tr><th class=\"text\" scope=\"col\">Group</th>"
                + "<th scope=\"col\">Cells analysed</th><th scope=\"col\">Cells failed</th><th scope=\"col\">Events</th></tr></thead>\n<tbody>\n");
        for (int i = 0; i < r.groups().size(); i++) {
            GroupSummary g = r.groups().get(i);
            h.append("<tr><td class=\"text\"><span class=\"swatch\" style=\"background:").append(Palette.colour(i))
                    .append("\"></span>").append(escape(g.name())).append(g.name().equals(r.control()) ? " (control)" : "")
                    .append("</td><td>").append(g.cellsOk()).append("</td><td>").append(g.cellsFailed()).append("</td><td>")
                    .append(g.events()).append("</td></tr>\n");
        }
        h.append("</tbody>\n</table>\n</section>\n");
    }

    private static void perCell(StringBuilder h, Cohort cohort, ComparisonResult r, List<String> groups) {
        boolean kw = !r.kruskalWallis().isEmpty();
        int level = (int) Math.round(r.settings().confidence() * 100);
        h.append("<section id=\"per-cell\">\n<h2>Per-cell measures</h2>\n");
        h.append("<div class=\"table-wrap\">\n<table id=\"comparison-table\">\n<caption>Comparisons with the control (one value per cell)</caption>\n<thead><tr>")
                .append("<th class=\"text\" scope=\"col\">Measure</th><th class=\"text\" scope=\"col\">Comparison</th>")
                .append("<th scope=\"col\">n</th><th scope=\"col\">Median, control</th><th scope=\"col\">Median, group</th>")
                .append("<th scope=\"col\">Mann–Whitney U</th><th scope=\"col\">p</th><th scope=\"col\">Welch t (df)</th>")
                .append("<th scope=\"col\">p</th><th scope=\"col\">Hedges’ g [").append(level).append(" % CI]</th>")
                .append("<th scope=\"col\">Cliff’s δ [").append(level).append(" % CI]</th><th scope=\"col\">p (Holm)</th>");
        if (kw) {
            h.append("<th scope=\"col\">Kruskal–Wallis p</th>");
        }
        h.append("</tr></thead>\n<tbody>\n");
        for (int i = 0; i < r.measures().size(); i++) {
            MeasureComparison m = r.measures().get(i);
            h.append("<tr>");
            if (i == 0 || r.measures().get(i - 1).measure() != m.measure()) {
                long rows = r.measures().stream().filter(x -> x.measure() == m.measure()).count();
                h.append("<th class=\"text\" scope=\"rowgroup\" rowspan=\"").append(rows).append("\">")
                        .append(escape(m.measure().shortLabel())).append(" (").append(m.measure().unit()).append(")</th>");
            }
            h.append("<td class=\"text nowrap\">").append(escape(m.groupB())).append(" vs ").append(escape(m.groupA()))
                    .append("</td><td>").append(m.a().n()).append(" / ").append(m.b().n()).append("</td><td>")
                    .append(Html.num(m.a().median())).append("</td><td>").append(Html.num(m.b().median())).append("</td><td>")
                    .append(Html.num(m.mannWhitney().u())).append("</td>").append(pCell(m.mannWhitney().p())).append("<td>")
                    .append(Html.fixed2(m.welch().t())).append(" (").append(Html.num(m.welch().df())).append(")</td>")
                    .append(pCell(m.welch().p())).append("<td class=\"ci\">").append(estimate(m.hedgesG()))
                    .append("</td><td class=\"ci\">").append(estimate(m.cliffsDelta())).append("</td>").append(pCell(m.pHolm()));
            if (kw && (i == 0 || r.measures().get(i - 1).measure() != m.measure())) {
                long rows = r.measures().stream().filter(x -> x.measure() == m.measure()).count();
                h.append(pCell(m.kruskalWallisP()).replace("<td", "<td rowspan=\"" + rows + "\""));
            }
            h.append("</tr>\n");
        }
        h.append("</tbody>\n</table>\n</div>\n<p class=\"note\">p-values in bold are below 0.05. n is cells (control / group). "
                + "U is the group’s U (pairs of cells in which the group’s value is larger). p (Holm) adjusts the "
                + "Mann–Whitney p over the comparisons of one measure with the control. † Not a BCa interval: percentile "
                + "where BCa is undefined, or degenerate when every resample gave the same value (groups that do not "
                + "overlap); hover for which.</p>\n");
        h.append("<div class=\"figures\">\n");
        for (CellMeasure m : CellMeasure.values()) {
            String svg = DotPlot.render("dot-" + m.column(), m, groups, cohort);
            if (svg != null) {
                figure(h, svg, m.label() + " of each cell (dots) and the group median (bar). Hover a dot for the cell’s name.");
            }
        }
        h.append("</div>\n</section>\n");
    }

    private static void distributions(StringBuilder h, Cohort cohort, ComparisonResult r, List<String> groups) {
        h.append("<section id=\"distributions\">\n<h2>Event distributions</h2>\n");
        if (r.distributions().isEmpty()) {
            h.append("<p class=\"note\">No event table (events.csv) in the batch directory: distributions are not compared.</p>\n</section>\n");
            return;
        }
        int level = (int) Math.round(r.settings().confidence() * 100);
        h.append("<div class=\"table-wrap\">\n<table id=\"distribution-table\">\n<caption>Distributions of event values, cells kept as the unit</caption>\n<thead><tr>")
                .append("<th class=\"text\" scope=\"col\">Measure</th><th class=\"text\" scope=\"col\">Comparison</th>")
                .append("<th scope=\"col\">Cells</th><th scope=\"col\">Events</th><th scope=\"col\">Median, control</th>")
                .append("<th scope=\"col\">Median, group</th><th scope=\"col\">Δ median [").append(level)
                .append(" % CI], hierarchical bootstrap</th><th scope=\"col\">P(group &gt; control)</th>")
                .append("<th scope=\"col\">Cell-balanced KS D</th><th scope=\"col\">p (cells permuted)</th>")
                .append("<th scope=\"col\" class=\"ref\">Pooled KS p*</th></tr></thead>\n<tbody>\n");
        for (int i = 0; i < r.distributions().size(); i++) {
            DistributionComparison d = r.distributions().get(i);
            var hb = d.hierarchical();
            h.append("<tr>");
            if (i == 0 || r.distributions().get(i - 1).measure() != d.measure()) {
                long rows = r.distributions().stream().filter(x -> x.measure() == d.measure()).count();
                h.append("<th class=\"text\" scope=\"rowgroup\" rowspan=\"").append(rows).append("\">")
                        .append(escape(d.measure().label())).append(" (").append(d.measure().unit()).append(")</th>");
            }
            h.append("<td class=\"text nowrap\">").append(escape(d.groupB())).append(" vs ").append(escape(d.groupA()))
                    .append("</td><td>").append(hb.cellsA()).append(" / ").append(hb.cellsB()).append("</td><td>")
                    .append(hb.eventsA()).append(" / ").append(hb.eventsB()).append("</td><td>").append(Html.num(hb.medianA()))
                    .append("</td><td>").append(Html.num(hb.medianB())).append("</td><td class=\"ci\">")
                    .append(interval(Html.num(hb.difference()), Html.num(hb.ci().low()), Html.num(hb.ci().high())))
                    .append("</td><td>").append(Html.fixed2(hb.probabilityBGreater())).append("</td><td>")
                    .append(Html.fixed2(d.cellBalancedKs().d())).append("</td>").append(pCell(d.cellBalancedKs().p()))
                    .append("<td class=\"ref\">").append(Html.p(d.pooledKs().p())).append("</td></tr>\n");
        }
        h.append("</tbody>\n</table>\n</div>\n<p class=\"note\">P(group &gt; control) is the share of hierarchical bootstrap "
                + "resamples in which the group’s median is larger: near 0 or 1 means a difference, near 0.5 none. "
                + "* Pooled KS: every event counted as independent — pooled, inflates n, for reference only; do not "
                + "report it as the test of the groups.</p>\n");
        h.append("<div class=\"figures\">\n");
        for (EventMeasure m : EventMeasure.values()) {
            String svg = EcdfPlot.render("ecdf-" + m.column(), m, groups, cohort);
            if (svg != null) {
                figure(h, svg, m.label() + ": cumulative distribution per group with every cell weighted equally "
                        + "(thick), over each cell’s own distribution (thin).");
            }
        }
        h.append("</div>\n</section>\n");
    }

    private static void waveforms(StringBuilder h, Cohort cohort, List<String> groups) {
        h.append("<section id=\"waveforms\">\n<h2>Average event</h2>\n");
        String svg = cohort.waveforms().isEmpty() ? null : WaveformPlot.render("waveform", groups, cohort);
        if (svg == null) {
            h.append("<p class=\"note\">No average waveforms: waveforms.csv is absent from the batch directory.</p>\n");
        } else {
            h.append("<div class=\"figures\">\n");
            figure(h, svg, "Mean of the cells’ average event waveforms per group; the band is ± 1 SEM across cells.");
            h.append("</div>\n");
        }
        h.append("</section>\n");
    }

    private static void examples(StringBuilder h, Cohort cohort, List<String> groups) {
        h.append("<section id=\"examples\">\n<h2>Example traces</h2>\n");
        if (cohort.examples().isEmpty()) {
            h.append("<p class=\"note\">No example traces: examples.csv is absent from the batch directory.</p>\n</section>\n");
            return;
        }
        h.append("<p class=\"note\">A short stretch of each cell’s recording; triangles mark the detected events "
                + "(hover for time and amplitude).</p>\n");
        int index = 0;
        for (String g : groups) {
            List<CellRecord> cells = cohort.okCells(g).stream().filter(c -> cohort.examples().containsKey(c.name())).toList();
            if (cells.isEmpty()) {
                continue;
            }
            h.append("<h3>").append(escape(g)).append("</h3>\n<div class=\"figures\">\n");
            for (CellRecord c : cells) {
                ExampleTrace e = cohort.examples().get(c.name());
                if (e.trace().size() < 2) {
                    continue;
                }
                figure(h, ExamplePlot.render("example-" + index++, c.name(), g, e), null);
            }
            h.append("</div>\n");
        }
        h.append("</section>\n");
    }

    private static void failed(StringBuilder h, ComparisonResult r) {
        h.append("<section id=\"failed\">\n<h2>Failed cells</h2>\n");
        if (r.failedCells().isEmpty()) {
            h.append("<p>None: every cell in cells.csv was analysed.</p>\n</section>\n");
            return;
        }
        h.append("<p>These cells are left out of every statistic and figure.</p>\n<table id=\"failed-table\">\n"
                + "<thead><tr><th class=\"text\" scope=\"col\">Cell</th><th class=\"text\" scope=\"col\">Group</th>"
                + "<th class=\"text\" scope=\"col\">Reason</th></tr></thead>\n<tbody>\n");
        for (CellRecord c : r.failedCells()) {
            h.append("<tr><td class=\"text\">").append(escape(c.name())).append("</td><td class=\"text\">")
                    .append(escape(c.group())).append("</td><td class=\"text\">").append(escape(c.status())).append("</td></tr>\n");
        }
        h.append("</tbody>\n</table>\n</section>\n");
    }

    private static void parameters(StringBuilder h, Cohort cohort, ComparisonResult r) {
        h.append("<section id=\"parameters\">\n<h2>Parameters</h2>\n<table id=\"compare-parameters\">\n<caption>This comparison</caption>\n<tbody>\n");
        row(h, "group_by", r.groupBy());
        row(h, "control", r.control());
        row(h, "seed", Long.toString(r.settings().seed()));
        row(h, "bootstrap_resamples", Integer.toString(r.settings().resamples()));
        row(h, "confidence_level", Double.toString(r.settings().confidence()));
        h.append("</tbody>\n</table>\n");
        if (cohort.run() == null) {
            h.append("<p class=\"note\">No run.json in the batch directory: the detection parameters are not known here.</p>\n");
        } else {
            h.append("<table id=\"run-parameters\">\n<caption>The batch run (run.json)</caption>\n<tbody>\n");
            List<String[]> flat = new ArrayList<>();
            flatten("", cohort.run(), flat);
            for (String[] kv : flat) {
                row(h, kv[0], kv[1]);
            }
            h.append("</tbody>\n</table>\n");
        }
        h.append("</section>\n");
    }

    /** Nested keys joined with dots; arrays of scalars as a list, long values shortened. */
    static void flatten(String prefix, JsonNode node, List<String[]> out) {
        if (node.isObject()) {
            Iterator<Map.Entry<String, JsonNode>> it = node.fields();
            while (it.hasNext()) {
                Map.Entry<String, JsonNode> e = it.next();
                flatten(prefix.isEmpty() ? e.getKey() : prefix + "." + e.getKey(), e.getValue(), out);
            }
        } else {
            String text = node.isValueNode() ? node.asText() : node.toString();
            if (text.length() > 300) {
                text = text.substring(0, 300) + " …";
            }
            out.add(new String[] {prefix.isEmpty() ? "(value)" : prefix, text});
        }
    }

    private static void methods(StringBuilder h, ComparisonResult r) {
        h.append("<section id=\"methods\">\n<h2>Methods</h2>\n<dl class=\"methods\">\n");
        for (Map.Entry<String, String> e : Methods.describe(r.settings()).entrySet()) {
            h.append("<dt>").append(escape(Methods.title(e.getKey()))).append("</dt><dd>").append(escape(e.getValue()))
                    .append("</dd>\n");
        }
        h.append("</dl>\n</section>\n");
    }

    private static void notes(StringBuilder h, ComparisonResult r) {
        if (r.notes().isEmpty()) {
            return;
        }
        h.append("<section id=\"notes\">\n<h2>Notes</h2>\n<ul>\n");
        r.notes().forEach(n -> h.append("<li>").append(escape(n)).append("</li>\n"));
        h.append("</ul>\n</section>\n");
    }

    private static void row(StringBuilder h, String key, String value) {
        h.append("<tr><th class=\"text\" scope=\"row\">").append(escape(key)).append("</th><td class=\"text\">")
                .append(escape(value)).append("</td></tr>\n");
    }

    private static void figure(StringBuilder h, String svg, String caption) {
        h.append("<figure>\n").append(svg);
        if (caption != null) {
            h.append("<figcaption>").append(escape(caption)).append("</figcaption>\n");
        }
        h.append("</figure>\n");
    }

    private static String pCell(double p) {
        return (p < 0.05 ? "<td class=\"sig\">" : "<td>") + Html.p(p) + "</td>";
    }

    private static String estimate(Estimate e) {
        String text = interval(Html.fixed2(e.value()), Html.fixed2(e.ci().low()), Html.fixed2(e.ci().high()));
        if (e.ci().method().equals("BCa") || !Double.isFinite(e.value())) {
            return text;
        }
        // not the usual BCa interval: say how it was made
        return "<span title=\"" + escape(e.ci().method()) + "\">" + text + " †</span>";
    }

    /** "value [low, high]", allowed to break before the bracket when the table is tight. */
    private static String interval(String value, String low, String high) {
        return "<span class=\"nowrap\">" + value + "</span> <span class=\"nowrap\">[" + low + ", " + high + "]</span>";
    }
}
