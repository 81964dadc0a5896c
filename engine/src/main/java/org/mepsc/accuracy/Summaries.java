package org.mepsc.accuracy;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.ToDoubleFunction;

/**
 * A benchmark's results reduced to what its tables and plots show: means and extremes over seeds
 * per method and SNR level, the change of F1 when the kinetics or the threshold differ from the
 * default (per seed, paired with the default run on the same recording, then averaged).
 */
public final class Summaries {

    private Summaries() {
    }

    /**
     * One method at one SNR level, over its seeds.
     *
     * @param ampErrorMaxAbsPct largest |error of the median amplitude| over the seeds
     * @param freqErrorMaxAbsPct largest |frequency error| over the seeds
     */
    public record SnrCell(String method, double snr, int seeds, double f1Mean, double f1Min, double precisionMean,
            double recallMean, double ampErrorMeanPct, double ampErrorMaxAbsPct, double freqErrorMeanPct,
            double freqErrorMaxAbsPct, double timingErrorMs) {
    }

    /**
     * One method at one SNR level with events of another decay.
     *
     * @param f1Default mean F1 with the default decay on the same seeds
     * @param deltaMean mean over seeds of F1 − F1 with the default decay
     * @param deltaWorst the most negative of those differences
     */
    public record KineticsCell(String method, double snr, double decayFactor, double decayMs, double f1Mean,
            double f1Default, double deltaMean, double deltaWorst) {
    }

    /**
     * One method at one threshold.
     *
     * @param thresholdMean the threshold given (mean over seeds)
     * @param thresholdUsedMean the threshold used after the false-discovery guard (mean over seeds)
     * @param deltaMean mean over seeds of F1 − F1 at the default threshold
     * @param deltaWorstAbs the largest |difference| over seeds
     */
    public record ThresholdCell(String method, double percent, double thresholdMean, double thresholdUsedMean, double f1Mean,
            double precisionMean, double recallMean, double deltaMean, double deltaWorstAbs) {
    }

    public static List<SnrCell> bySnr(BenchmarkResult r) {
        List<SnrCell> out = new ArrayList<>();
        for (var e : group(r.of(Scenario.Kind.SNR), s -> s.method().name() + "|" + s.snr()).values()) {
            Scenario s = e.get(0).scenario();
            out.add(new SnrCell(s.method().name(), s.snr(), e.size(), mean(e, x -> x.trial().f1()),
                    min(e, x -> x.trial().f1()), mean(e, x -> x.trial().score().precision()),
                    mean(e, x -> x.trial().score().recall()), mean(e, x -> x.trial().medianAmplitudeErrorPct()),
                    maxAbs(e, x -> x.trial().medianAmplitudeErrorPct()), mean(e, x -> x.trial().frequencyErrorPct()),
                    maxAbs(e, x -> x.trial().frequencyErrorPct()), mean(e, x -> x.trial().score().timingErrorMedianMs())));
        }
        return out;
    }

    public static List<KineticsCell> kinetics(BenchmarkResult r) {
        Map<String, ScenarioResult> defaults = index(r.of(Scenario.Kind.SNR));
        List<KineticsCell> out = new ArrayList<>();
        for (var e : group(r.of(Scenario.Kind.KINETICS), s -> s.method().name() + "|" + s.snr() + "|" + s.decayFactor())
                .values()) {
            Scenario s = e.get(0).scenario();
            List<ScenarioResult> base = e.stream().map(x -> defaults.get(pairKey(x.scenario()))).toList();
            double[] delta = new double[e.size()];
            for (int i = 0; i < delta.length; i++) {
                delta[i] = e.get(i).trial().f1() - base.get(i).trial().f1();
            }
            out.add(new KineticsCell(s.method().name(), s.snr(), s.decayFactor(), Scenario.DECAY_MS * s.decayFactor(),
                    mean(e, x -> x.trial().f1()), mean(base, x -> x.trial().f1()), mean(delta),
                    java.util.Arrays.stream(delta).min().orElse(Double.NaN)));
        }
        return out;
    }

    public static List<ThresholdCell> threshold(BenchmarkResult r) {
        List<ScenarioResult> all = r.of(Scenario.Kind.THRESHOLD);
        Map<String, ScenarioResult> defaults = new LinkedHashMap<>();
        for (ScenarioResult x : all) {
            if (x.scenario().thresholdPercent() == 100) {
                defaults.put(x.scenario().method().name() + "|" + x.scenario().seed(), x);
            }
        }
        List<ThresholdCell> out = new ArrayList<>();
        for (var e : group(all, s -> s.method().name() + "|" + s.thresholdPercent()).values()) {
            Scenario s = e.get(0).scenario();
            double[] delta = new double[e.size()];
            for (int i = 0; i < delta.length; i++) {
                ScenarioResult base = defaults.get(s.method().name() + "|" + e.get(i).scenario().seed());
                delta[i] = base == null ? Double.NaN : e.get(i).trial().f1() - base.trial().f1();
            }
            out.add(new ThresholdCell(s.method().name(), s.thresholdPercent(), mean(e, ScenarioResult::thresholdAsked),
                    mean(e, ScenarioResult::thresholdUsed),
                    mean(e, x -> x.trial().f1()), mean(e, x -> x.trial().score().precision()),
                    mean(e, x -> x.trial().score().recall()), mean(delta),
                    java.util.Arrays.stream(delta).map(Math::abs).max().orElse(Double.NaN)));
        }
        return out;
    }

    /** Mean F1 of a method over the SNR levels in {@code [lo, hi]} (each level's mean over seeds, then their mean). */
    public static double meanF1(List<SnrCell> cells, String method, double lo, double hi) {
        return cells.stream().filter(c -> c.method().equals(method) && c.snr() >= lo && c.snr() <= hi)
                .mapToDouble(SnrCell::f1Mean).average().orElse(Double.NaN);
    }

    private static String pairKey(Scenario s) {
        return s.method().name() + "|" + s.snr() + "|" + s.seed();
    }

    private static Map<String, ScenarioResult> index(List<ScenarioResult> rs) {
        Map<String, ScenarioResult> m = new LinkedHashMap<>();
        for (ScenarioResult x : rs) {
            m.put(pairKey(x.scenario()), x);
        }
        return m;
    }

    private static Map<String, List<ScenarioResult>> group(List<ScenarioResult> rs,
            java.util.function.Function<Scenario, String> key) {
        Map<String, List<ScenarioResult>> m = new LinkedHashMap<>();
        for (ScenarioResult x : rs) {
            m.computeIfAbsent(key.apply(x.scenario()), k -> new ArrayList<>()).add(x);
        }
        return m;
    }

    /** Mean of the values that are numbers (NaN if none). */
    static double mean(List<ScenarioResult> rs, ToDoubleFunction<ScenarioResult> f) {
        return mean(rs.stream().mapToDouble(f).toArray());
    }

    static double mean(double[] v) {
        return java.util.Arrays.stream(v).filter(x -> !Double.isNaN(x)).average().orElse(Double.NaN);
    }

    private static double min(List<ScenarioResult> rs, ToDoubleFunction<ScenarioResult> f) {
        return rs.stream().mapToDouble(f).filter(x -> !Double.isNaN(x)).min().orElse(Double.NaN);
    }

    private static double maxAbs(List<ScenarioResult> rs, ToDoubleFunction<ScenarioResult> f) {
        return rs.stream().mapToDouble(f).filter(x -> !Double.isNaN(x)).map(Math::abs).max().orElse(Double.NaN);
    }
}
