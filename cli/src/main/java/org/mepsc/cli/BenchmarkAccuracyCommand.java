package org.mepsc.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.mepsc.accuracy.AccuracyBenchmark;
import org.mepsc.accuracy.BenchmarkFiles;
import org.mepsc.accuracy.BenchmarkReport;
import org.mepsc.accuracy.BenchmarkResult;
import org.mepsc.accuracy.EventerData;
import org.mepsc.accuracy.MethodUnderTest;
import org.mepsc.accuracy.Protocol;
import org.mepsc.accuracy.RealDataCheck;
import org.mepsc.pipeline.Method;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "benchmark-accuracy", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Measure detection accuracy with the standard protocol: simulated recordings with realistic noise "
                + "over an SNR grid (0-20 dB) x seeds x every method at default settings, events decaying 2x faster and "
                + "4.5x slower, and a threshold sweep of 5-195 %% of the default.",
            "Writes accuracy.csv (one row per run), plots of F1, recall and precision against SNR per method (PNG and SVG) "
                + "and summary.md (targets met and missed, tables) into --out."})
final class BenchmarkAccuracyCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = {"-o", "--out"}, paramLabel = "DIR", defaultValue = "accuracy-benchmark",
            description = "Folder for the outputs (default: ${DEFAULT-VALUE}).")
    Path out;

    @Option(names = "--seeds", paramLabel = "N", description = "Recordings per SNR level (default: 3; --quick: 1).")
    Integer seeds;

    @Option(names = "--duration-s", paramLabel = "S",
            description = "Least length of each recording; low event rates get longer ones (default: 60; --quick: 30).")
    Double durationS;

    @Option(names = "--quick", description = "A smaller protocol for a first look: SNR 2, 5, 10, one seed, fewer variants.")
    boolean quick;

    @Option(names = "--method", paramLabel = "M",
            description = "Benchmark only this method (repeatable): ${COMPLETION-CANDIDATES} (default: all).")
    List<Method> methods = new ArrayList<>();

    @Option(names = "--tolerance-ms", paramLabel = "MS",
            description = "Largest time difference of a match between a detected and a true peak (default: 1.5).")
    Double toleranceMs;

    @Option(names = "--real-data", paramLabel = "DIR",
            description = "Also score every method on the Eventer recordings with known events found in DIR "
                    + "(eventer_Train1/2_Simulation.abf with their _EventTimes.txt, eventer_GroupA.abf with its labels.json).")
    Path realData;

    @Option(names = "--report", paramLabel = "FILE.md",
            description = "Also write the summary here, its links pointing into --out (e.g. docs/accuracy.md).")
    Path report;

    @Option(names = "--threads", paramLabel = "N", description = "Runs at once (default: all cores).")
    Integer threads;

    @Option(names = "--debug", description = "Show stack traces of errors.")
    boolean debug;

    @Override
    public Integer call() throws Exception {
        Protocol p = quick ? Protocol.quick() : Protocol.standard();
        if (seeds != null) {
            p = p.withSeeds(seeds);
        }
        if (durationS != null) {
            p = p.withDurationS(durationS);
        }
        if (toleranceMs != null) {
            p = p.withToleranceMs(toleranceMs);
        }
        if (!methods.isEmpty()) {
            p = p.withMethods(methods.stream().distinct().map(MethodUnderTest::of).toList());
        }
        if (threads != null && threads < 1) {
            throw new UsageError("--threads must be at least 1 (got " + threads + ")");
        }
        if (report != null && !report.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".md")) {
            throw new UsageError("--report must name a markdown file ending in .md (got " + report + ")");
        }
        if (java.nio.file.Files.exists(out) && !java.nio.file.Files.isDirectory(out)) {
            // Checked now: the outputs are written only after the whole protocol has run.
            throw new UsageError("--out " + out + " is a file; name a folder (it is created if missing)");
        }
        List<RealDataCheck> real = List.of();
        if (realData != null) {
            if (!java.nio.file.Files.isDirectory(realData)) {
                throw new UsageError("--real-data must be a folder (got " + realData + ")");
            }
            real = EventerData.checks(realData, p.toleranceMs());
            if (real.isEmpty()) {
                throw new UsageError("--real-data: no Eventer recordings with their event lists in " + realData);
            }
        }
        int n = threads == null ? Runtime.getRuntime().availableProcessors() : threads;
        PrintWriter err = spec.commandLine().getErr();
        BenchmarkResult r = AccuracyBenchmark.run(p, real, n, (what, done, total) -> {
            synchronized (err) {
                err.printf(Locale.ROOT, "[%3d/%d] %s%n", done, total, what);
                err.flush();
            }
        });
        String command = commandLine();
        List<Path> written = BenchmarkFiles.write(r, out, command);
        if (report != null) {
            BenchmarkFiles.writeReport(r, out, report, command);
        }
        PrintWriter w = spec.commandLine().getOut();
        w.print(BenchmarkReport.targetsTable(r));
        w.printf(Locale.ROOT, "%d runs in %.0f s (%.0f s of CPU on %d threads); wrote %d files to %s%s%n",
                r.scenarios().size() + r.realData().size(), r.wallSeconds(), r.cpuSeconds(), r.threads(), written.size(), out,
                report != null ? " and " + report : "");
        w.flush();
        return ExitCode.OK;
    }

    private String commandLine() {
        List<String> args = spec.commandLine().getParseResult().originalArgs();
        StringBuilder sb = new StringBuilder("mepsc");
        for (String a : args) {
            sb.append(' ').append(a.matches("[A-Za-z0-9_./:=,+-]+") ? a : "'" + a.replace("'", "'\\''") + "'");
        }
        return sb.toString();
    }
}
