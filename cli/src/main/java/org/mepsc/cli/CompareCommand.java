package org.mepsc.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.mepsc.compare.BatchFiles;
import org.mepsc.compare.ComparisonResult;
import org.mepsc.compare.ComparisonResult.DistributionComparison;
import org.mepsc.compare.ComparisonResult.MeasureComparison;
import org.mepsc.compare.GroupComparison;
import org.mepsc.report.HtmlReport;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

@Command(name = "compare", mixinStandardHelpOptions = true,
        description = {"Compare groups of cells from a batch output directory, with the cell as the unit of replication.",
            "Per-cell measures: Mann-Whitney U, Welch's t, Hedges' g and Cliff's delta with BCa bootstrap CIs; Holm and "
                + "Kruskal-Wallis with more than two groups. Event distributions: hierarchical bootstrap and cell-balanced KS.",
            "Writes comparison.json, comparison.csv and report.html into DIR."})
final class CompareCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "DIR", description = "Output directory of mepsc batch (must hold cells.csv).")
    Path dir;

    @Option(names = "--by", paramLabel = "COLUMN", defaultValue = "group",
            description = "Column of cells.csv that names the groups (default: ${DEFAULT-VALUE}).")
    String by;

    @Option(names = "--control", paramLabel = "NAME",
            description = "Reference group (default: the group named 'control' in any case, else the first group in cells.csv).")
    String control;

    @Option(names = "--seed", paramLabel = "N", defaultValue = "1",
            description = "Seed of the bootstrap and permutations; the same seed gives the same numbers (default: ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--bootstrap", paramLabel = "N", defaultValue = "10000",
            description = "Bootstrap resamples, and the most cell permutations drawn (default: ${DEFAULT-VALUE}, at least 100).")
    int bootstrap;

    @Option(names = "--debug", description = "Show stack traces of errors.")
    boolean debug;

    @Override
    public Integer call() throws Exception {
        GroupComparison.Options options = new GroupComparison.Options(by, control, seed, bootstrap, 0.95);
        GroupComparison.Outcome outcome = GroupComparison.run(dir, options);
        Path report = dir.resolve(BatchFiles.REPORT);
        HtmlReport.write(outcome.cohort(), outcome.result(), report, GroupComparison.inputs(dir));
        PrintWriter out = spec.commandLine().getOut();
        print(out, outcome.result());
        out.println("wrote " + outcome.written().get(0) + ", " + outcome.written().get(1) + ", " + report);
        out.flush();
        return ExitCode.OK;
    }

    private static void print(PrintWriter out, ComparisonResult r) {
        StringBuilder groups = new StringBuilder();
        for (ComparisonResult.GroupSummary g : r.groups()) {
            groups.append(groups.length() == 0 ? "" : ", ").append(g.name()).append(" ").append(g.cellsOk()).append(" cells")
                    .append(g.cellsFailed() > 0 ? " (+" + g.cellsFailed() + " failed)" : "");
        }
        out.println("groups (by " + r.groupBy() + "): " + groups + "; control: " + r.control());
        out.printf(Locale.ROOT, "%-22s %-24s %7s %10s %10s %9s %9s %22s %9s%n", "measure", "comparison", "n", "median_a",
                "median_b", "mw_p", "welch_p", "hedges_g [95% CI]", "p_holm");
        for (MeasureComparison m : r.measures()) {
            out.printf(Locale.ROOT, "%-22s %-24s %7s %10s %10s %9s %9s %22s %9s%n", m.measure().column(),
                    clip(m.groupB() + " vs " + m.groupA(), 24), m.a().n() + "/" + m.b().n(), g(m.a().median()),
                    g(m.b().median()), p(m.mannWhitney().p()), p(m.welch().p()),
                    f(m.hedgesG().value()) + " [" + f(m.hedgesG().ci().low()) + ", " + f(m.hedgesG().ci().high()) + "]",
                    p(m.pHolm()));
        }
        if (!r.distributions().isEmpty()) {
            out.println("event distributions (cells as the unit; pooled KS for reference only):");
            for (DistributionComparison d : r.distributions()) {
                var h = d.hierarchical();
                out.printf(Locale.ROOT, "%-22s %-24s diff of medians %s [%s, %s] P(b>a)=%.2f  cell-balanced KS p=%s  (pooled KS p=%s)%n",
                        d.measure().column(), clip(d.groupB() + " vs " + d.groupA(), 24), g(h.difference()),
                        g(h.ci().low()), g(h.ci().high()), h.probabilityBGreater(), p(d.cellBalancedKs().p()),
                        p(d.pooledKs().p()));
            }
        }
    }

    private static String clip(String s, int n) {
        return s.length() <= n ? s : s.substring(0, n - 1) + "…";
    }

    private static String g(double v) {
        return Double.isFinite(v) ? String.format(Locale.ROOT, "%.4g", v) : "-";
    }

    private static String f(double v) {
        return Double.isFinite(v) ? String.format(Locale.ROOT, "%.2f", v) : "-";
    }

    private static String p(double v) {
        if (!Double.isFinite(v)) {
            return "-";
        }
        return v < 0.001 ? String.format(Locale.ROOT, "%.1e", v) : String.format(Locale.ROOT, "%.4f", v);
    }
}
