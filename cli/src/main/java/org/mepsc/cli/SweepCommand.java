package org.mepsc.cli;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.mepsc.accuracy.AccuracyCharts;
import org.mepsc.accuracy.AccuracyTables;
import org.mepsc.accuracy.ChartFiles;
import org.mepsc.accuracy.ParameterSweep;
import org.mepsc.accuracy.SweepParameter;
import org.mepsc.accuracy.SweepRange;
import org.mepsc.accuracy.Trial;
import org.mepsc.pipeline.DetectionParameters;
import org.mepsc.recording.Channel;
import org.mepsc.recording.Recording;
import org.mepsc.score.EventList;
import org.mepsc.score.EventTableReader;
import org.mepsc.score.MatchOn;
import org.mepsc.score.Scorer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(name = "sweep", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Detect events at each value of one detection parameter and score them against the truth: "
                + "F1, precision and recall against the threshold (or another numeric parameter), as a table and a plot, "
                + "with the best setting named.",
            "Example: mepsc sweep sim.csv sim.truth.csv --threshold 2:6:0.25 --out sweep/"})
final class SweepCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "FILE", description = "The recording (any format mepsc reads).")
    Path file;

    @Parameters(index = "1", paramLabel = "TRUTH",
            description = "The true events: a .truth.csv from mepsc simulate, or any table mepsc score reads.")
    Path truth;

    @Option(names = "--param", paramLabel = "NAME=FROM:TO:STEP",
            description = "Sweep another parameter instead of the threshold: threshold, fdr, lowpass-hz, highpass-hz, "
                    + "refractory-ms or amplitude-floor, e.g. lowpass-hz=1000:3000:250.")
    String param;

    @Mixin
    ChannelSelection selection;

    @Mixin
    DetectionOptions detection;

    @Option(names = "--tolerance-ms", paramLabel = "MS", defaultValue = "1.5",
            description = "Largest time difference of a match, inclusive (default: ${DEFAULT-VALUE}).")
    double toleranceMs;

    @Option(names = "--match", paramLabel = "ON", defaultValue = "auto",
            description = "Times to match: ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}: peak if both have peaks, else onset).")
    MatchOn match;

    @Option(names = {"-o", "--out"}, paramLabel = "DIR",
            description = "Write sweep.csv, sweep.png and sweep.svg into this folder.")
    Path out;

    @Option(names = "--csv", paramLabel = "FILE.csv", description = "Write the table here.")
    Path csv;

    @Option(names = "--plot", paramLabel = "FILE.png|FILE.svg", description = "Write the plot here (PNG or SVG by extension).")
    Path plot;

    @Option(names = "--threads", paramLabel = "N", description = "Threads (default: all cores).")
    Integer threads;

    @Mixin
    InputOptions input;

    @Override
    public Integer call() throws Exception {
        if (!(toleranceMs > 0 && toleranceMs <= 1000)) {
            throw new UsageError("--tolerance-ms must be between 0 and 1000 (got " + toleranceMs + ")");
        }
        if (threads != null && threads < 1) {
            throw new UsageError("--threads must be at least 1 (got " + threads + ")");
        }
        if (plot != null && !(extension(plot).equals("png") || extension(plot).equals("svg"))) {
            throw new UsageError("--plot must name a .png or .svg file (got " + plot + ")");
        }
        SweepParameter parameter;
        SweepRange range;
        DetectionParameters base;
        if (param != null) {
            int eq = param.indexOf('=');
            if (eq < 0) {
                throw new UsageError("--param takes NAME=FROM:TO:STEP, e.g. lowpass-hz=1000:3000:250 (got '" + param + "')");
            }
            parameter = SweepParameter.named(param.substring(0, eq));
            range = range("--param " + parameter.optionName(), param.substring(eq + 1));
            if (parameter == SweepParameter.THRESHOLD && detection.thresholdText() != null
                    || parameter == SweepParameter.FALSE_DISCOVERY && detection.fdr != null) {
                throw new UsageError("sweep one parameter at a time: --" + parameter.optionName() + " and --param "
                        + parameter.optionName() + "=... both given");
            }
            base = detection.parameters(parameter != SweepParameter.THRESHOLD);
        } else if (detection.thresholdText() != null) {
            parameter = SweepParameter.THRESHOLD;
            range = range("--threshold", detection.thresholdText());
            base = detection.parameters(false);
        } else {
            throw new UsageError("give the values to sweep: --threshold FROM:TO:STEP, or --param NAME=FROM:TO:STEP");
        }
        List<Double> values = range.values();
        int n = threads == null ? Runtime.getRuntime().availableProcessors() : threads;
        EventList truthEvents = EventTableReader.read(truth);
        ParameterSweep.Result result;
        Path[] outputs = outputs();
        try (Recording r = input.open(file)) {
            Channel ch = selection.channel(r);
            List<Integer> chosen = selection.sweeps();
            if (truthEvents.durationS().isEmpty()) {
                truthEvents = truthEvents.withDurationS(r.totalDurationS());
            }
            Scorer scorer = new Scorer(truthEvents, toleranceMs / 1000, match);
            result = ParameterSweep.run(r, ch.index(), chosen, base, parameter, values, scorer, n);
        }
        List<Path> inputs = List.of(file, truth);
        if (outputs[0] != null) {
            AccuracyTables.writeSweep(outputs[0], result, inputs);
        }
        if (outputs[1] != null) {
            writePlot(result, outputs[1], inputs);
        }
        print(result);
        return ExitCode.OK;
    }

    private static SweepRange range(String option, String text) {
        try {
            return SweepRange.parse(text);
        } catch (IllegalArgumentException e) {
            throw new UsageError(option + ": " + e.getMessage());
        }
    }

    /** The table and the plot to write (null: none). */
    private Path[] outputs() throws java.io.IOException {
        Path table = csv;
        Path figure = plot;
        if (out != null) {
            Files.createDirectories(out);
            table = table != null ? table : out.resolve("sweep.csv");
            figure = figure != null ? figure : out.resolve("sweep.png");
        }
        return new Path[] {table, figure};
    }

    private void writePlot(ParameterSweep.Result result, Path target, List<Path> inputs) throws java.io.IOException {
        var chart = AccuracyCharts.sweep(result, file.getFileName() + " against " + truth.getFileName());
        if (extension(target).equals("svg")) {
            ChartFiles.writeSvg(chart, target, inputs);
        } else {
            ChartFiles.writePng(chart, target, inputs);
            if (out != null && plot == null) {
                ChartFiles.writeSvg(chart, out.resolve("sweep.svg"), inputs);
            }
        }
    }

    private void print(ParameterSweep.Result result) {
        PrintWriter w = spec.commandLine().getOut();
        SweepParameter p = result.parameter();
        w.printf(Locale.ROOT, "%s: %s against %s, matched within %s ms%n", p.optionName(), file, truth, trim(toleranceMs));
        w.printf(Locale.ROOT, "%14s %6s %6s %6s %6s %9s %7s %6s %9s %9s%n", p.optionName(), "true", "found", "false",
                "missed", "precision", "recall", "F1", "amp.err%", "threshold");
        ParameterSweep.Point best = result.best();
        for (ParameterSweep.Point pt : result.points()) {
            Trial t = pt.trial();
            var s = t.score();
            w.printf(Locale.ROOT, "%14s %6d %6d %6d %6d %9s %7s %6s %9s %9s%s%n", trim(pt.value()), s.nTruth(), s.nDetected(),
                    s.fp(), s.fn(), f3(s.precision()), f3(s.recall()), f3(s.f1()), f1(s.amplitudeErrorMedianPct()),
                    String.format(Locale.ROOT, "%.2f", t.calibration().threshold()), pt == best ? "  <- best" : "");
        }
        var s = best.trial().score();
        w.printf(Locale.ROOT, "best: %s = %s (F1 %s, precision %s, recall %s)%n", p.optionName(), trim(best.value()),
                f3(s.f1()), f3(s.precision()), f3(s.recall()));
        if (p == SweepParameter.THRESHOLD && result.points().stream()
                .anyMatch(pt -> pt.trial().calibration().threshold() > pt.trial().calibration().thresholdMinimum())) {
            w.println("(the 'threshold' column is the one used: the false-discovery guard raised some; --fdr 0 sweeps the threshold alone)");
        }
        w.flush();
    }

    private static String extension(Path p) {
        String n = p.getFileName().toString();
        int dot = n.lastIndexOf('.');
        return dot < 0 ? "" : n.substring(dot + 1).toLowerCase(Locale.ROOT);
    }

    private static String f3(double v) {
        return Double.isNaN(v) ? "n/a" : String.format(Locale.ROOT, "%.3f", v);
    }

    private static String f1(double v) {
        return Double.isNaN(v) ? "n/a" : String.format(Locale.ROOT, "%.1f", v);
    }

    private static String trim(double v) {
        return new java.math.BigDecimal(Double.toString(v)).stripTrailingZeros().toPlainString();
    }
}
