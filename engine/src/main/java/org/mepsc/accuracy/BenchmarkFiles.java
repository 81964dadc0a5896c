package org.mepsc.accuracy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.mepsc.output.AtomicOutput;

/** Writes a benchmark's outputs into a folder: the tables, the plots (PNG and SVG) and the markdown summary. */
public final class BenchmarkFiles {

    public static final String SCENARIOS = "accuracy.csv";
    public static final String REAL_DATA = "real_data.csv";
    public static final String SUMMARY = "summary.md";

    private BenchmarkFiles() {
    }

    /** The plot of one method against SNR, without extension. */
    public static String methodPlot(String method) {
        return "snr_" + method.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "_");
    }

    /**
     * @param command the command line, for the summary
     * @return the files written
     */
    public static List<Path> write(BenchmarkResult r, Path dir, String command) throws IOException {
        Files.createDirectories(dir);
        List<Path> written = new ArrayList<>();
        AccuracyTables.writeScenarios(dir.resolve(SCENARIOS), r);
        written.add(dir.resolve(SCENARIOS));
        if (!r.realData().isEmpty()) {
            AccuracyTables.writeRealData(dir.resolve(REAL_DATA), r);
            written.add(dir.resolve(REAL_DATA));
        }
        List<Summaries.SnrCell> snr = Summaries.bySnr(r);
        written.addAll(ChartFiles.write(AccuracyCharts.f1VsSnr(snr), dir.resolve("f1_vs_snr")));
        for (MethodUnderTest m : r.protocol().methods()) {
            written.addAll(ChartFiles.write(AccuracyCharts.methodVsSnr(m.name(), snr, r.of(Scenario.Kind.SNR)),
                    dir.resolve(methodPlot(m.name()))));
        }
        List<Summaries.KineticsCell> kinetics = Summaries.kinetics(r);
        if (!kinetics.isEmpty()) {
            written.addAll(ChartFiles.write(AccuracyCharts.kinetics(kinetics), dir.resolve("kinetics")));
        }
        List<Summaries.ThresholdCell> threshold = Summaries.threshold(r);
        if (!threshold.isEmpty()) {
            written.addAll(ChartFiles.write(AccuracyCharts.thresholdSweep(threshold, r.protocol().thresholdSnr()),
                    dir.resolve("threshold_sweep")));
        }
        String md = BenchmarkReport.markdown(r, command, "");
        AtomicOutput.writeText(dir.resolve(SUMMARY), List.of(), w -> w.write(md));
        written.add(dir.resolve(SUMMARY));
        return written;
    }

    /** The summary written elsewhere (for example docs/accuracy.md), its links pointing into {@code dir}. */
    public static Path writeReport(BenchmarkResult r, Path dir, Path report, String command) throws IOException {
        Path from = report.toAbsolutePath().normalize().getParent();
        String rel = from.relativize(dir.toAbsolutePath().normalize()).toString().replace('\\', '/');
        String md = BenchmarkReport.markdown(r, command, rel.isEmpty() ? "" : rel + "/");
        AtomicOutput.writeText(report, List.of(), w -> w.write(md));
        return report;
    }
}
