package org.mepsc.accuracy;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Predicate;
import org.mepsc.Version;

/**
 * The benchmark's markdown summary: how it was run, the targets met and missed, the tables behind
 * every plot, and the real-data scores. Everything in it is computed from the results, so it is
 * current whenever the benchmark is run again.
 */
public final class BenchmarkReport {

    /** Mean F1 over SNR 2–10 that other tools reached on a comparable suite (the reference points). */
    static final String[][] REFERENCES = {
        {"numpy deconvolution", "0.85"}, {"numpy template matching", "0.71"}, {"Stimfit", "0.66"}};

    private final BenchmarkResult r;
    private final String command;
    private final String images;
    private final List<Summaries.SnrCell> snr;
    private final List<Summaries.KineticsCell> kinetics;
    private final List<Summaries.ThresholdCell> threshold;
    private final List<String> methods;
    private final StringBuilder out = new StringBuilder();

    private BenchmarkReport(BenchmarkResult r, String command, String images) {
        this.r = r;
        this.command = command;
        this.images = images;
        this.snr = Summaries.bySnr(r);
        this.kinetics = Summaries.kinetics(r);
        this.threshold = Summaries.threshold(r);
        this.methods = r.protocol().methods().stream().map(MethodUnderTest::name).toList();
    }

    /**
     * @param command the command line that ran the benchmark, for a reader to repeat it
     * @param images the path from the markdown file to the folder with the plots ("" if beside it, else ending in "/")
     */
    public static String markdown(BenchmarkResult r, String command, String images) {
        return new BenchmarkReport(r, command, images).build();
    }

    /** The targets table alone, as markdown (readable as plain text). */
    public static String targetsTable(BenchmarkResult r) {
        BenchmarkReport b = new BenchmarkReport(r, "", "");
        b.targetRows();
        return b.out.toString();
    }

    private String build() {
        Protocol p = r.protocol();
        line("# Detection accuracy");
        line("");
        line("Produced by `" + command + "` (mepsc " + Version.get() + ", " + LocalDate.now(ZoneOffset.UTC)
                + "). Every number and plot here comes from that run; run it again to bring them up to date.");
        line("");
        Machine m = r.machineAtStart();
        line(String.format(Locale.ROOT, "**Run time:** %s s elapsed, %s s of CPU, %d scenarios and %d real-data runs on %d threads. "
                        + "**Machine:** %d cores%s, %s, %s; load average %s at the start, %s at the end (other programs "
                        + "were sharing the cores when it is above the number of cores).",
                f(r.wallSeconds(), 0), f(r.cpuSeconds(), 0), r.scenarios().size(), r.realData().size(), r.threads(), m.cores(),
                m.cpu().isEmpty() ? "" : " (" + m.cpu() + ")", m.system(), m.java(), f(m.loadAverage(), 1),
                f(r.loadAverageAtEnd(), 1)));
        line("");
        protocol(p);
        targets();
        references();
        snrSection();
        kineticsSection();
        thresholdSection();
        realData();
        files();
        return out.toString();
    }

    private void protocol(Protocol p) {
        line("## Protocol");
        line("");
        line("Simulated voltage-clamp recordings (`mepsc simulate`'s model) with realistic noise: 2 pA of white + 1/f noise "
                + "behind a 4-pole Bessel low-pass, mains hum (1.5 pA fundamental with harmonics), 3 pA RMS baseline drift and "
                + "artefacts (spikes and steps, 0.05/s) that are not events, sampled at 20 kHz. Events are Poisson in time, "
                + "so they overlap at the higher rates; amplitudes are log-normal (CV 0.5) with median SNR × 2 pA; kinetics "
                + "biexponential, rise τ 0.5 ms, decay τ 4 ms (CV 0.2). **SNR** = median amplitude / noise SD "
                + "(dB = 20·log10 SNR). Seeds cycle through three variants:");
        line("");
        line("| variant (seed) | event rate | mains | low-pass | 1/f share |");
        line("|---|---|---|---|---|");
        for (int v = 0; v < Scenario.RATES_HZ.length; v++) {
            line(String.format(Locale.ROOT, "| %d | %s Hz | %s Hz | %s kHz | %s |", v + 1, f(Scenario.RATES_HZ[v], 1),
                    f(Scenario.MAINS_HZ[v], 0), f(Scenario.LOWPASS_HZ[v] / 1000, 1), f(Scenario.PINK[v], 1)));
        }
        line("");
        line(String.format(Locale.ROOT, "Each recording lasts %s s, or long enough for %d events on average. "
                        + "The same seed gives the same event times and noise at every SNR, decay and threshold, so those "
                        + "comparisons are paired.", f(p.durationS(), 0), p.minEvents()));
        line("");
        line("- **SNR grid:** SNR " + join(p.snrs()) + " (" + joinDb(p.snrs()) + " dB) × " + p.seeds() + " seeds × every method ("
                + String.join(", ", methods) + ") at its default settings (automatic template, default threshold).");
        if (!p.decayFactors().isEmpty() && !p.kineticsSnrs().isEmpty()) {
            line("- **Kinetics:** events with decay τ " + String.join(" and ", p.decayFactors().stream()
                    .map(x -> f(Scenario.DECAY_MS * x, 1) + " ms").toList()) + " instead of 4 ms, at SNR " + join(p.kineticsSnrs())
                    + ", same seeds, default settings (nothing re-tuned: the template is learned from the data as always).");
        }
        if (!p.thresholdPercents().isEmpty()) {
            line("- **Threshold:** `--threshold` at " + join(p.thresholdPercents()) + " % of each method's default, at SNR "
                    + f(p.thresholdSnr(), 0) + ", same seeds, the false-discovery guard (`--fdr`) at its default, which may raise "
                    + "a threshold it finds too low (the template learned at the default threshold is kept).");
        }
        line(String.format(Locale.ROOT, "- **Scoring:** detected and true peaks matched one to one within %s ms "
                + "(`mepsc score`'s optimal matching). *Median amplitude error* is the error of the recording's median amplitude, "
                + "*frequency error* that of accepted events per analysed second (what a study reports per cell).",
                f(p.toleranceMs(), 1)));
        line("");
    }

    private void targets() {
        line("## Targets");
        line("");
        line("The targets at default settings; a level's F1 is the mean over its seeds, errors are the largest over seeds. "
                + "✅ met, ❌ missed.");
        line("");
        targetRows();
        line("");
        line("Every F1 here counts a detection as true when its peak is within " + f(r.protocol().toleranceMs(), 1)
                + " ms of a true event's peak; the median timing error of matched events is in the SNR tables below.");
        line("");
    }

    private void targetRows() {
        StringBuilder head = new StringBuilder("| target |");
        StringBuilder rule = new StringBuilder("|---|");
        for (String m : methods) {
            head.append(' ').append(m).append(" |");
            rule.append("---|");
        }
        line(head.toString());
        line(rule.toString());
        f1Target("F1 ≥ 0.95 at SNR ≥ 8", s -> s >= 8, 0.95);
        f1Target("F1 ≥ 0.90 at SNR 5–6", s -> s >= 5 && s <= 6, 0.90);
        f1Target("F1 ≥ 0.75 at SNR 3", s -> s == 3, 0.75);
        errorTarget("median amplitude error ≤ 5 % at SNR ≥ 5", Summaries.SnrCell::ampErrorMaxAbsPct);
        errorTarget("frequency error ≤ 5 % at SNR ≥ 5", Summaries.SnrCell::freqErrorMaxAbsPct);
        for (double factor : r.protocol().decayFactors()) {
            StringBuilder row = new StringBuilder("| decay " + f(Scenario.DECAY_MS * factor, 1) + " ms: F1 drops ≤ 0.05 |");
            for (String m : methods) {
                double worst = kinetics.stream().filter(k -> k.method().equals(m) && k.decayFactor() == factor)
                        .mapToDouble(Summaries.KineticsCell::deltaMean).min().orElse(Double.NaN);
                row.append(' ').append(mark(worst >= -0.05, worst)).append(" ").append(signed(worst)).append(" |");
            }
            line(row.toString());
        }
        for (double pct : List.of(50.0, 150.0)) {
            if (!r.protocol().thresholdPercents().contains(pct)) {
                continue;
            }
            StringBuilder row = new StringBuilder("| threshold at " + f(pct, 0) + " %: F1 changes ≤ 0.05 |");
            for (String m : methods) {
                double d = threshold.stream().filter(t -> t.method().equals(m) && t.percent() == pct)
                        .mapToDouble(Summaries.ThresholdCell::deltaMean).findFirst().orElse(Double.NaN);
                row.append(' ').append(mark(Math.abs(d) <= 0.05, d)).append(" ").append(signed(d)).append(" |");
            }
            line(row.toString());
        }
    }

    private void f1Target(String label, Predicate<Double> levels, double target) {
        if (snr.stream().noneMatch(c -> levels.test(c.snr()))) {
            return;
        }
        StringBuilder row = new StringBuilder("| " + label + " |");
        for (String m : methods) {
            Summaries.SnrCell worst = snr.stream().filter(c -> c.method().equals(m) && levels.test(c.snr()))
                    .min(java.util.Comparator.comparingDouble(Summaries.SnrCell::f1Mean)).orElse(null);
            if (worst == null) {
                row.append(" – |");
                continue;
            }
            row.append(' ').append(mark(worst.f1Mean() >= target, worst.f1Mean())).append(' ').append(f(worst.f1Mean(), 3))
                    .append(" (SNR ").append(f(worst.snr(), 0)).append(") |");
        }
        line(row.toString());
    }

    private void errorTarget(String label, java.util.function.ToDoubleFunction<Summaries.SnrCell> error) {
        if (snr.stream().noneMatch(c -> c.snr() >= 5)) {
            return;
        }
        StringBuilder row = new StringBuilder("| " + label + " |");
        for (String m : methods) {
            double worst = snr.stream().filter(c -> c.method().equals(m) && c.snr() >= 5).mapToDouble(error)
                    .max().orElse(Double.NaN);
            row.append(' ').append(mark(worst <= 5, worst)).append(' ').append(f(worst, 1)).append(" % |");
        }
        line(row.toString());
    }

    private void references() {
        if (snr.stream().noneMatch(c -> c.snr() >= 2 && c.snr() <= 10)) {
            return;
        }
        line("## Against other tools");
        line("");
        line("Mean F1 over the SNR levels from 2 to 10. The other tools' figures are reference points from a suite of the "
                + "same kind (simulated events in realistic noise, SNR 2–10), not from these recordings.");
        line("");
        line("| detector | mean F1, SNR 2–10 |");
        line("|---|---|");
        for (String m : methods) {
            line("| mepsc " + m + " | " + f(Summaries.meanF1(snr, m, 2, 10), 3) + " |");
        }
        for (String[] ref : REFERENCES) {
            line("| " + ref[0] + " (reference) | " + ref[1] + " |");
        }
        line("");
    }

    private void snrSection() {
        line("## F1, precision and recall against SNR");
        line("");
        line("![F1 against SNR](" + images + "f1_vs_snr.png)");
        line("");
        for (String m : methods) {
            line("### " + m);
            line("");
            line("![" + m + " against SNR](" + images + BenchmarkFiles.methodPlot(m) + ".png)");
            line("");
            line("| SNR | dB | F1 mean | F1 min | precision | recall | median amp. error % (mean, worst) | frequency error % (mean, worst) | timing error ms |");
            line("|---|---|---|---|---|---|---|---|---|");
            for (Summaries.SnrCell c : snr) {
                if (c.method().equals(m)) {
                    line(String.format(Locale.ROOT, "| %s | %s | %s | %s | %s | %s | %s, %s | %s, %s | %s |", f(c.snr(), 1),
                            f(20 * Math.log10(c.snr()), 1), f(c.f1Mean(), 3), f(c.f1Min(), 3), f(c.precisionMean(), 3),
                            f(c.recallMean(), 3), signed1(c.ampErrorMeanPct()), f(c.ampErrorMaxAbsPct(), 1),
                            signed1(c.freqErrorMeanPct()), f(c.freqErrorMaxAbsPct(), 1), f(c.timingErrorMs(), 3)));
                }
            }
            line("");
        }
    }

    private void kineticsSection() {
        if (kinetics.isEmpty()) {
            return;
        }
        line("## Kinetics: events decaying faster or slower than usual");
        line("");
        line("![F1 with other kinetics](" + images + "kinetics.png)");
        line("");
        line("| method | SNR | decay τ | F1 | F1 at 4 ms | ΔF1 mean | ΔF1 worst seed |");
        line("|---|---|---|---|---|---|---|");
        for (Summaries.KineticsCell k : kinetics) {
            line(String.format(Locale.ROOT, "| %s | %s | %s ms | %s | %s | %s | %s |", k.method(), f(k.snr(), 0), f(k.decayMs(), 1),
                    f(k.f1Mean(), 3), f(k.f1Default(), 3), signed(k.deltaMean()), signed(k.deltaWorst())));
        }
        line("");
    }

    private void thresholdSection() {
        if (threshold.isEmpty()) {
            return;
        }
        line("## Threshold");
        line("");
        line("![F1 against the threshold](" + images + "threshold_sweep.png)");
        line("");
        line("| method | % of default | threshold given (SD) | used (SD) | F1 | precision | recall | ΔF1 mean | ΔF1 worst seed |");
        line("|---|---|---|---|---|---|---|---|---|");
        for (Summaries.ThresholdCell t : threshold) {
            line(String.format(Locale.ROOT, "| %s | %s | %s | %s | %s | %s | %s | %s | %s |", t.method(), f(t.percent(), 0),
                    f(t.thresholdMean(), 2), f(t.thresholdUsedMean(), 2), f(t.f1Mean(), 3), f(t.precisionMean(), 3), f(t.recallMean(), 3),
                    signed(t.deltaMean()), f(t.deltaWorstAbs(), 3)));
        }
        line("");
    }

    private void realData() {
        if (r.realData().isEmpty()) {
            return;
        }
        line("## Real recordings");
        line("");
        line("Every method at default settings on public recordings with known events.");
        line("");
        line("| recording | truth | matched on | tolerance | method | true | found | precision | recall | F1 |");
        line("|---|---|---|---|---|---|---|---|---|---|");
        for (RealDataResult x : r.realData()) {
            var s = x.trial().score();
            line(String.format(Locale.ROOT, "| %s | %s | %s | %s ms | %s | %d | %d | %s | %s | %s |", x.check().name(),
                    x.check().about(), s.matchedOn() + "s", f(s.toleranceMs(), 1), x.method(), s.nTruth(), s.nDetected(),
                    f(s.precision(), 3), f(s.recall(), 3), f(s.f1(), 3)));
        }
        line("");
    }

    private void files() {
        line("## Files");
        line("");
        line("- [`" + BenchmarkFiles.SCENARIOS + "`](" + images + BenchmarkFiles.SCENARIOS + "): one row per run, "
                + "every number above (columns: " + String.join(", ", AccuracyTables.SCENARIO_COLUMNS) + ")");
        if (!r.realData().isEmpty()) {
            line("- [`" + BenchmarkFiles.REAL_DATA + "`](" + images + BenchmarkFiles.REAL_DATA + "): the real-data runs");
        }
        line("- every plot also as SVG, beside its PNG");
        line("");
    }

    private static String mark(boolean ok, double v) {
        return Double.isNaN(v) ? "–" : ok ? "✅" : "❌";
    }

    private static String join(List<Double> v) {
        List<String> s = new ArrayList<>();
        v.forEach(x -> s.add(AccuracyBenchmark.trim(x)));
        return String.join(", ", s);
    }

    private static String joinDb(List<Double> v) {
        List<String> s = new ArrayList<>();
        v.forEach(x -> s.add(f(20 * Math.log10(x), 1)));
        return String.join(", ", s);
    }

    static String f(double v, int decimals) {
        return Double.isNaN(v) ? "n/a" : String.format(Locale.ROOT, "%." + decimals + "f", v);
    }

    private static String signed(double v) {
        return Double.isNaN(v) ? "n/a" : String.format(Locale.ROOT, "%+.3f", v);
    }

    private static String signed1(double v) {
        return Double.isNaN(v) ? "n/a" : String.format(Locale.ROOT, "%+.1f", v);
    }

    private void line(String s) {
        out.append(s).append('\n');
    }
}
