package org.mepsc.compare;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.Writer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.mepsc.Version;
import org.mepsc.compare.ComparisonResult.DistributionComparison;
import org.mepsc.compare.ComparisonResult.Estimate;
import org.mepsc.compare.ComparisonResult.MeasureComparison;
import org.mepsc.json.Json;
import org.mepsc.output.AtomicOutput;
import org.mepsc.stats.Samples;

/** Writes a {@link ComparisonResult} as comparison.json and comparison.csv (atomically). */
public final class ComparisonFiles {

    /** Columns of comparison.csv: one row per per-cell measure and group pair. */
    public static final List<String> CSV_COLUMNS = List.of("measure", "group_a", "group_b", "n_a", "n_b", "median_a",
            "median_b", "mean_a", "mean_b", "mann_whitney_u", "mann_whitney_p", "welch_t", "welch_df", "welch_p",
            "hedges_g", "hedges_g_ci_low", "hedges_g_ci_high", "cliffs_delta", "cliffs_delta_ci_low",
            "cliffs_delta_ci_high", "kruskal_wallis_p", "p_holm", "unit", "mann_whitney_method", "hedges_g_ci_method",
            "cliffs_delta_ci_method");

    private ComparisonFiles() {
    }

    /** Writes both files into {@code dir}; returns their paths. */
    public static List<Path> write(ComparisonResult result, Path dir, Collection<Path> inputs) throws IOException {
        Path json = dir.resolve(BatchFiles.COMPARISON_JSON);
        Path csv = dir.resolve(BatchFiles.COMPARISON_CSV);
        AtomicOutput.writeText(json, inputs, w -> w.write(Json.pretty(toJson(result))));
        AtomicOutput.writeText(csv, inputs, w -> writeCsv(result, w));
        return List.of(json, csv);
    }

    public static void writeCsv(ComparisonResult result, Writer w) throws IOException {
        CSVPrinter p = new CSVPrinter(w, CSVFormat.DEFAULT.builder().setHeader(CSV_COLUMNS.toArray(String[]::new))
                .setRecordSeparator('\n').get());
        for (MeasureComparison m : result.measures()) {
            List<Object> row = new ArrayList<>();
            row.add(m.measure().column());
            row.add(m.groupA());
            row.add(m.groupB());
            row.add(m.a().n());
            row.add(m.b().n());
            row.add(num(m.a().median()));
            row.add(num(m.b().median()));
            row.add(num(m.a().mean()));
            row.add(num(m.b().mean()));
            row.add(num(m.mannWhitney().u()));
            row.add(num(m.mannWhitney().p()));
            row.add(num(m.welch().t()));
            row.add(num(m.welch().df()));
            row.add(num(m.welch().p()));
            addEstimate(row, m.hedgesG());
            addEstimate(row, m.cliffsDelta());
            row.add(num(m.kruskalWallisP()));
            row.add(num(m.pHolm()));
            row.add(m.measure().unit());
            row.add(m.mannWhitney().method());
            row.add(m.hedgesG().ci().method());
            row.add(m.cliffsDelta().ci().method());
            p.printRecord(row);
        }
        p.flush();
    }

    private static void addEstimate(List<Object> row, Estimate e) {
        row.add(num(e.value()));
        row.add(num(e.ci().low()));
        row.add(num(e.ci().high()));
    }

    /** Full precision; empty for a missing value. */
    private static String num(double v) {
        return Double.isFinite(v) ? Double.toString(v) : "";
    }

    public static ObjectNode toJson(ComparisonResult r) {
        ObjectNode root = Json.object();
        root.put("mepsc_version", Version.get());
        root.put("input", r.dir().toString());
        root.put("group_by", r.groupBy());
        root.put("control", r.control());
        ObjectNode settings = root.putObject("settings");
        settings.put("seed", r.settings().seed());
        settings.put("bootstrap_resamples", r.settings().resamples());
        settings.put("confidence_level", r.settings().confidence());
        ObjectNode methods = root.putObject("methods");
        Methods.describe(r.settings()).forEach(methods::put);
        ArrayNode groups = root.putArray("groups");
        for (ComparisonResult.GroupSummary g : r.groups()) {
            ObjectNode o = groups.addObject();
            o.put("name", g.name());
            o.put("cells_ok", g.cellsOk());
            o.put("cells_failed", g.cellsFailed());
            o.put("events", g.events());
        }
        ArrayNode measures = root.putArray("cell_measures");
        for (MeasureComparison m : r.measures()) {
            ObjectNode o = measures.addObject();
            o.put("measure", m.measure().column());
            o.put("unit", m.measure().unit());
            o.put("group_a", m.groupA());
            o.put("group_b", m.groupB());
            summary(o.putObject("a"), m.a());
            summary(o.putObject("b"), m.b());
            ObjectNode mw = o.putObject("mann_whitney");
            put(mw, "u", m.mannWhitney().u());
            put(mw, "p", m.mannWhitney().p());
            mw.put("method", m.mannWhitney().method());
            ObjectNode welch = o.putObject("welch");
            put(welch, "t", m.welch().t());
            put(welch, "df", m.welch().df());
            put(welch, "p", m.welch().p());
            estimate(o.putObject("hedges_g"), m.hedgesG());
            estimate(o.putObject("cliffs_delta"), m.cliffsDelta());
            put(o, "kruskal_wallis_p", m.kruskalWallisP());
            put(o, "p_holm", m.pHolm());
        }
        ArrayNode kw = root.putArray("kruskal_wallis");
        for (ComparisonResult.MeasureKruskalWallis k : r.kruskalWallis()) {
            ObjectNode o = kw.addObject();
            o.put("measure", k.measure().column());
            put(o, "h", k.test().h());
            o.put("df", k.test().df());
            put(o, "p", k.test().p());
        }
        ArrayNode dists = root.putArray("event_distributions");
        for (DistributionComparison d : r.distributions()) {
            ObjectNode o = dists.addObject();
            o.put("measure", d.measure().column());
            o.put("unit", d.measure().unit());
            o.put("group_a", d.groupA());
            o.put("group_b", d.groupB());
            ObjectNode h = o.putObject("hierarchical_bootstrap");
            put(h, "median_a", d.hierarchical().medianA());
            put(h, "median_b", d.hierarchical().medianB());
            put(h, "difference", d.hierarchical().difference());
            put(h, "ci_low", d.hierarchical().ci().low());
            put(h, "ci_high", d.hierarchical().ci().high());
            put(h, "probability_b_greater", d.hierarchical().probabilityBGreater());
            put(h, "p_two_sided", d.hierarchical().p());
            h.put("cells_a", d.hierarchical().cellsA());
            h.put("cells_b", d.hierarchical().cellsB());
            h.put("events_a", d.hierarchical().eventsA());
            h.put("events_b", d.hierarchical().eventsB());
            ObjectNode ks = o.putObject("cell_balanced_ks");
            put(ks, "d", d.cellBalancedKs().d());
            put(ks, "p", d.cellBalancedKs().p());
            ks.put("permutations", d.cellBalancedKs().permutations());
            ks.put("exact", d.cellBalancedKs().exact());
            ks.put("cells_a", d.cellBalancedKs().cellsA());
            ks.put("cells_b", d.cellBalancedKs().cellsB());
            ObjectNode pooled = o.putObject("pooled_ks_reference_only");
            put(pooled, "d", d.pooledKs().d());
            put(pooled, "p", d.pooledKs().p());
            pooled.put("events_a", d.pooledKs().eventsA());
            pooled.put("events_b", d.pooledKs().eventsB());
            pooled.put("note", "pooled, inflates n, for reference only");
        }
        ArrayNode failed = root.putArray("failed_cells");
        for (CellRecord c : r.failedCells()) {
            ObjectNode o = failed.addObject();
            o.put("cell", c.name());
            o.put("group", c.group());
            o.put("status", c.status());
        }
        ArrayNode notes = root.putArray("notes");
        r.notes().forEach(notes::add);
        return root;
    }

    private static void summary(ObjectNode o, Samples.Summary s) {
        o.put("n", s.n());
        put(o, "median", s.median());
        put(o, "mean", s.mean());
        put(o, "sd", s.sd());
        put(o, "sem", s.sem());
    }

    private static void estimate(ObjectNode o, Estimate e) {
        put(o, "value", e.value());
        put(o, "ci_low", e.ci().low());
        put(o, "ci_high", e.ci().high());
        put(o, "ci_level", e.ci().level());
        o.put("ci_method", e.ci().method());
    }

    private static void put(ObjectNode o, String key, double v) {
        Json.putNumber(o, key, v);
    }
}
