package org.mepsc.testing;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/**
 * Made-up cohorts of cells with known truth, written in the batch output contract (cells.csv,
 * events.csv, waveforms.csv, examples.csv, example_events.csv, run.json) for tests of
 * {@code mepsc compare} before a detector exists.
 *
 * <p>Each cell has its own event rate (the group's rate times a log-normal cell factor) and its
 * own median amplitude (the group's times a log-normal cell factor): cells differ from one
 * another as real cells do, which is what makes pooled-event statistics misleading. Events are a
 * Poisson process; amplitudes are log-normal around the cell's median.
 */
public final class SyntheticCohort {

    /** One group: its cells share a mean rate and a median amplitude. */
    public record Group(String name, int cells, double rateHz, double amplitudeMedianPa) {
    }

    /**
     * @param durationS recorded time per cell
     * @param amplitudeSdLog SD of log amplitude within a cell
     * @param cellRateSdLog SD of log rate between cells
     * @param cellAmplitudeSdLog SD of log median amplitude between cells
     */
    public record Spec(List<Group> groups, double durationS, double amplitudeSdLog, double cellRateSdLog,
            double cellAmplitudeSdLog, long seed) {

        /** Cells of realistic variability: 2 minutes each. */
        public static Spec of(long seed, Group... groups) {
            return new Spec(List.of(groups), 120, 0.45, 0.3, 0.15, seed);
        }

        public Spec withDuration(double seconds) {
            return new Spec(groups, seconds, amplitudeSdLog, cellRateSdLog, cellAmplitudeSdLog, seed);
        }
    }

    /** One simulated cell and its events (times of peaks in seconds, amplitudes in pA). */
    public record Cell(String name, String group, double[] peakS, double[] amplitudePa, double[] riseMs,
            double[] decayMs, double durationS) {

        public double frequencyHz() {
            return peakS.length / durationS;
        }

        /** Intervals between successive events, ms (one fewer than events). */
        public double[] intervalsMs() {
            double[] iei = new double[Math.max(0, peakS.length - 1)];
            for (int i = 1; i < peakS.length; i++) {
                iei[i - 1] = (peakS[i] - peakS[i - 1]) * 1000;
            }
            return iei;
        }
    }

    private SyntheticCohort() {
    }

    public static List<Cell> generate(Spec spec) {
        SplittableRandom rng = new SplittableRandom(spec.seed());
        List<Cell> cells = new ArrayList<>();
        for (Group g : spec.groups()) {
            for (int c = 0; c < g.cells(); c++) {
                double rate = g.rateHz() * Math.exp(rng.nextGaussian() * spec.cellRateSdLog());
                double median = g.amplitudeMedianPa() * Math.exp(rng.nextGaussian() * spec.cellAmplitudeSdLog());
                double riseMedian = 0.6 * Math.exp(rng.nextGaussian() * 0.1);
                double decayMedian = 4.0 * Math.exp(rng.nextGaussian() * 0.1);
                List<Double> times = new ArrayList<>();
                double t = rng.nextExponential() / rate;
                while (t < spec.durationS()) {
                    times.add(t);
                    t += rng.nextExponential() / rate;
                }
                int n = times.size();
                double[] peak = new double[n];
                double[] amp = new double[n];
                double[] rise = new double[n];
                double[] decay = new double[n];
                for (int e = 0; e < n; e++) {
                    peak[e] = times.get(e);
                    amp[e] = median * Math.exp(rng.nextGaussian() * spec.amplitudeSdLog());
                    rise[e] = riseMedian * Math.exp(rng.nextGaussian() * 0.2);
                    decay[e] = decayMedian * Math.exp(rng.nextGaussian() * 0.25);
                }
                cells.add(new Cell(g.name() + "-" + (c + 1), g.name(), peak, amp, rise, decay, spec.durationS()));
            }
        }
        return cells;
    }

    /** Amplitudes of each cell of one group. */
    public static List<double[]> amplitudes(List<Cell> cells, String group) {
        return cells.stream().filter(c -> c.group().equals(group)).map(Cell::amplitudePa).toList();
    }

    /** What to write besides cells.csv and events.csv. */
    public record Extras(boolean waveforms, boolean examples, boolean run, List<String> failedCells) {
        public static Extras all() {
            return new Extras(true, true, true, List.of());
        }

        public static Extras minimal() {
            return new Extras(false, false, false, List.of());
        }

        public Extras withFailed(String... names) {
            return new Extras(waveforms, examples, run, List.of(names));
        }
    }

    /** Writes the cohort as a batch output directory; failed cells get a status and no events. */
    public static void write(Path dir, List<Cell> cells, Extras files) throws IOException {
        Files.createDirectories(dir);
        writeCells(dir.resolve("cells.csv"), cells, files.failedCells());
        writeEvents(dir.resolve("events.csv"), cells);
        if (files.waveforms()) {
            writeWaveforms(dir.resolve("waveforms.csv"), cells);
        }
        if (files.examples()) {
            writeExamples(dir, cells);
        }
        if (files.run()) {
            Files.writeString(dir.resolve("run.json"), "{\n"
                    + "  \"mepsc_version\": \"test\",\n"
                    + "  \"command\": \"mepsc batch synthetic\",\n"
                    + "  \"parameters\": {\"threshold\": 4.0, \"polarity\": \"negative\",\n"
                    + "    \"template\": {\"rise_ms\": 0.5, \"decay_ms\": 4.0}, \"filter\": \"lowpass 2 kHz\"}\n"
                    + "}\n", StandardCharsets.UTF_8);
        }
    }

    private static void writeCells(Path file, List<Cell> cells, List<String> failed) throws IOException {
        try (CSVPrinter p = printer(file, "cell", "group", "files", "event_count", "analysed_duration_s",
                "frequency_hz", "amplitude_median_pA", "amplitude_mean_pA", "rise_10_90_median_ms",
                "decay_tau_median_ms", "noise_sd_pA", "status")) {
            for (Cell c : cells) {
                p.printRecord(c.name(), c.group(), 1, c.peakS().length, num(c.durationS()), num(c.frequencyHz()),
                        num(median(c.amplitudePa())), num(Arrays.stream(c.amplitudePa()).average().orElse(Double.NaN)),
                        num(median(c.riseMs())), num(median(c.decayMs())), num(2.1), "ok");
            }
            for (String name : failed) {
                String group = cells.isEmpty() ? "control" : cells.get(0).group();
                p.printRecord(name, group, 1, "", "", "", "", "", "", "", "", "unreadable: " + name + ".abf: truncated header");
            }
        }
    }

    private static void writeEvents(Path file, List<Cell> cells) throws IOException {
        try (CSVPrinter p = printer(file, "cell", "group", "file", "channel", "sweep", "event", "onset_s", "peak_s",
                "amplitude_pA", "baseline_pA", "rise_10_90_ms", "decay_tau_ms", "decay_r2", "half_decay_ms",
                "half_width_ms", "charge_fC", "iei_ms", "score", "overlap")) {
            for (Cell c : cells) {
                double[] peak = c.peakS();
                for (int e = 0; e < peak.length; e++) {
                    double amp = c.amplitudePa()[e];
                    double tau = c.decayMs()[e];
                    String iei = e == 0 ? "" : num((peak[e] - peak[e - 1]) * 1000);
                    p.printRecord(c.name(), c.group(), c.name() + ".abf", 0, 0, e, num(peak[e] - 0.001), num(peak[e]),
                            num(amp), num(-20.0), num(c.riseMs()[e]), num(tau), num(0.95), num(tau * Math.log(2)),
                            num(tau * 0.9), num(amp * tau), iei, num(5.0), "false");
                }
            }
        }
    }

    private static void writeWaveforms(Path file, List<Cell> cells) throws IOException {
        try (CSVPrinter p = printer(file, "cell", "group", "t_ms", "current_pA")) {
            for (Cell c : cells) {
                double amp = median(c.amplitudePa());
                double rise = median(c.riseMs()) / 2.2;
                double decay = median(c.decayMs());
                double peakShape = shapePeak(rise, decay);
                for (int i = -100; i <= 600; i++) {
                    double t = i * 0.05;
                    p.printRecord(c.name(), c.group(), num(t), num(-amp * shape(t, rise, decay) / peakShape));
                }
            }
        }
    }

    private static void writeExamples(Path dir, List<Cell> cells) throws IOException {
        double rateHz = 10_000;
        double seconds = 1.0;
        try (CSVPrinter trace = printer(dir.resolve("examples.csv"), "cell", "group", "t_s", "current_pA");
                CSVPrinter marks = printer(dir.resolve("example_events.csv"), "cell", "group", "peak_s", "amplitude_pA")) {
            for (Cell c : cells) {
                SplittableRandom noise = new SplittableRandom(c.name().hashCode());
                int n = (int) (rateHz * seconds);
                double[] y = new double[n];
                for (int i = 0; i < n; i++) {
                    y[i] = -20 + 2.0 * noise.nextGaussian();
                }
                double rise = median(c.riseMs()) / 2.2;
                for (int e = 0; e < c.peakS().length && c.peakS()[e] < seconds; e++) {
                    double tau = c.decayMs()[e];
                    double amp = c.amplitudePa()[e];
                    double peakShape = shapePeak(rise, tau);
                    double tPeakMs = Math.log(tau / rise) * rise * tau / (tau - rise);
                    double onsetS = c.peakS()[e] - tPeakMs / 1000;
                    for (int i = Math.max(0, (int) (onsetS * rateHz)); i < n; i++) {
                        double tMs = (i / rateHz - onsetS) * 1000;
                        if (tMs > 8 * tau) {
                            break;
                        }
                        y[i] -= amp * shape(tMs, rise, tau) / peakShape;
                    }
                    marks.printRecord(c.name(), c.group(), num(c.peakS()[e]), num(amp));
                }
                for (int i = 0; i < n; i++) {
                    trace.printRecord(c.name(), c.group(), num(i / rateHz), num(y[i]));
                }
            }
        }
    }

    private static double shape(double tMs, double rise, double decay) {
        return tMs <= 0 ? 0 : (1 - Math.exp(-tMs / rise)) * Math.exp(-tMs / decay);
    }

    private static double shapePeak(double rise, double decay) {
        double tPeak = Math.log(decay / rise) * rise * decay / (decay - rise);
        return shape(tPeak, rise, decay);
    }

    private static double median(double[] x) {
        if (x.length == 0) {
            return Double.NaN;
        }
        double[] s = x.clone();
        Arrays.sort(s);
        int m = s.length / 2;
        return s.length % 2 == 1 ? s[m] : (s[m - 1] + s[m]) / 2;
    }

    private static String num(double v) {
        return Double.isNaN(v) ? "" : String.format(Locale.ROOT, "%.7g", v);
    }

    private static CSVPrinter printer(Path file, String... header) throws IOException {
        Writer w = Files.newBufferedWriter(file, StandardCharsets.UTF_8);
        return new CSVPrinter(w, CSVFormat.DEFAULT.builder().setHeader(header).setRecordSeparator('\n').get());
    }
}
