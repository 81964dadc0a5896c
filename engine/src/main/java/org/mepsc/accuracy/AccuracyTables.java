package org.mepsc.accuracy;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.mepsc.batch.Decimals;
import org.mepsc.output.AtomicOutput;
import org.mepsc.pipeline.Calibration;
import org.mepsc.score.Score;
import org.mepsc.sim.SimulationParameters;

/** The CSV tables of a benchmark and of a sweep: one row per run, every number that went into a figure. */
public final class AccuracyTables {

    /** Columns of the benchmark's scenario table. */
    public static final List<String> SCENARIO_COLUMNS = List.of("kind", "method", "snr", "snr_db", "seed", "variant",
            "duration_s", "rate_hz", "mains_hz", "lowpass_hz", "pink_fraction", "decay_ms", "threshold_pct", "threshold", "threshold_used",
            "n_truth", "n_detected", "tp", "fp", "fn", "precision", "recall", "f1", "amplitude_error_median_pct",
            "median_amplitude_error_pct", "frequency_error_pct", "timing_error_median_ms", "template_rise_ms",
            "template_decay_ms", "template_source", "seconds");

    /** Columns of the real-data table. */
    public static final List<String> REAL_COLUMNS = List.of("recording", "method", "truth", "matched_on", "tolerance_ms",
            "n_truth", "n_detected", "tp", "fp", "fn", "precision", "recall", "f1", "frequency_error_pct",
            "timing_error_median_ms", "template_rise_ms", "template_decay_ms", "threshold", "threshold_used", "seconds");

    /** Columns of a sweep's table; the swept parameter's name comes first. */
    public static final List<String> SWEEP_COLUMNS = List.of("n_truth", "n_detected", "tp", "fp", "fn", "precision",
            "recall", "f1", "amplitude_error_median_pct", "median_amplitude_error_pct", "frequency_error_pct",
            "timing_error_median_ms", "threshold_used", "template_rise_ms", "template_decay_ms", "best");

    private AccuracyTables() {
    }

    public static void writeScenarios(Path file, BenchmarkResult r) throws IOException {
        List<List<String>> rows = new ArrayList<>();
        for (ScenarioResult x : r.scenarios()) {
            Scenario s = x.scenario();
            SimulationParameters p = x.simulation();
            List<String> row = new ArrayList<>(List.of(s.kind().label(), s.method().name(), n(s.snr(), 3), n(s.snrDb(), 2),
                    Integer.toString(s.seed()), Integer.toString(s.variant() + 1), n(p.durationS(), 3), n(p.rateHz(), 3),
                    n(p.humHz(), 1), n(p.lowpassHz(), 1), n(p.pinkFraction(), 3), n(p.decayTauMs(), 3),
                    n(s.thresholdPercent(), 2), n(x.thresholdAsked(), 4), n(x.thresholdUsed(), 4)));
            row.addAll(scoreColumns(x.trial().score()));
            row.addAll(List.of(n(x.trial().score().amplitudeErrorMedianPct(), 3), n(x.trial().medianAmplitudeErrorPct(), 3),
                    n(x.trial().frequencyErrorPct(), 3), n(x.trial().score().timingErrorMedianMs(), 4)));
            row.addAll(template(x.trial().calibration()));
            row.add(x.trial().calibration().templateSource());
            row.add(n(x.trial().wallSeconds(), 2));
            rows.add(row);
        }
        write(file, SCENARIO_COLUMNS, rows);
    }

    public static void writeRealData(Path file, BenchmarkResult r) throws IOException {
        List<List<String>> rows = new ArrayList<>();
        for (RealDataResult x : r.realData()) {
            Score s = x.trial().score();
            List<String> row = new ArrayList<>(List.of(x.check().name(), x.method(), x.check().about(), s.matchedOn(),
                    n(s.toleranceMs(), 3)));
            row.addAll(scoreColumns(s));
            row.addAll(List.of(n(x.trial().frequencyErrorPct(), 3), n(s.timingErrorMedianMs(), 4)));
            row.addAll(template(x.trial().calibration()));
            row.add(n(x.trial().calibration().thresholdMinimum(), 4));
            row.add(n(x.trial().calibration().threshold(), 4));
            row.add(n(x.trial().wallSeconds(), 2));
            rows.add(row);
        }
        write(file, REAL_COLUMNS, rows);
    }

    public static void writeSweep(Path file, ParameterSweep.Result r, List<Path> inputs) throws IOException {
        List<String> columns = new ArrayList<>();
        columns.add(r.parameter().optionName().replace('-', '_'));
        columns.addAll(SWEEP_COLUMNS);
        ParameterSweep.Point best = r.best();
        List<List<String>> rows = new ArrayList<>();
        for (ParameterSweep.Point p : r.points()) {
            Trial t = p.trial();
            List<String> row = new ArrayList<>();
            row.add(n(p.value(), 6));
            row.addAll(scoreColumns(t.score()));
            row.addAll(List.of(n(t.score().amplitudeErrorMedianPct(), 3), n(t.medianAmplitudeErrorPct(), 3),
                    n(t.frequencyErrorPct(), 3), n(t.score().timingErrorMedianMs(), 4), n(t.calibration().threshold(), 4)));
            row.addAll(template(t.calibration()));
            row.add(p == best ? "true" : "false");
            rows.add(row);
        }
        AtomicOutput.writeText(file, inputs, w -> print(w, columns, rows));
    }

    private static List<String> scoreColumns(Score s) {
        return List.of(Integer.toString(s.nTruth()), Integer.toString(s.nDetected()), Integer.toString(s.tp()),
                Integer.toString(s.fp()), Integer.toString(s.fn()), n(s.precision(), 4), n(s.recall(), 4), n(s.f1(), 4));
    }

    private static List<String> template(Calibration c) {
        return List.of(n(c.template().riseMs(), 4), n(c.template().decayMs(), 4));
    }

    private static void write(Path file, List<String> columns, List<List<String>> rows) throws IOException {
        AtomicOutput.writeText(file, List.of(), w -> print(w, columns, rows));
    }

    private static void print(java.io.Writer w, List<String> columns, List<List<String>> rows) throws IOException {
        CSVPrinter p = new CSVPrinter(w, CSVFormat.DEFAULT.builder().setHeader(columns.toArray(String[]::new))
                .setRecordSeparator('\n').build());
        for (List<String> row : rows) {
            p.printRecord(row);
        }
        p.flush();
    }

    static String n(double v, int decimals) {
        return Decimals.fixed(v, decimals);
    }
}
