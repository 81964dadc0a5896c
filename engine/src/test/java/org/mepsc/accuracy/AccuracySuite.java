package org.mepsc.accuracy;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.mepsc.detect.Template;
import org.mepsc.events.Event;
import org.mepsc.pipeline.DetectionParameters;
import org.mepsc.pipeline.DetectionRun;
import org.mepsc.pipeline.Execution;
import org.mepsc.pipeline.Method;
import org.mepsc.score.EventList;
import org.mepsc.score.MatchOn;
import org.mepsc.score.Score;
import org.mepsc.score.Scorer;
import org.mepsc.sim.GroundTruth;
import org.mepsc.sim.SimulatedRecording;
import org.mepsc.sim.SimulationParameters;
import org.mepsc.sim.Simulator;

/**
 * Scores detection on a seeded grid of simulated recordings and prints a table (docs/accuracy.md
 * gives the command). Each SNR level gets one recording per seed; seeds cycle through event rates
 * (0.5, 2, 5, 15 Hz), mains (50/60 Hz), amplifier low-pass (2/3 kHz) and 1/f share (0.3/0.5).
 *
 * <p>Arguments: {@code snr=2,3,5,8,10 seeds=1,2,3,4 method=template threshold=4 decay=4 rise=0.5
 * fs=20000 template=auto|R,D notch=auto|0|50|60 fdr=0.02 verbose=false}.
 */
public final class AccuracySuite {

    /** One scored recording. */
    public record Row(double snr, long seed, double rateHz, Score score, double ampMedianErrPct,
            double freqErrPct, String template, double seconds) {
    }

    public static void main(String[] args) throws IOException {
        Config c = Config.parse(args);
        List<Row> rows = new ArrayList<>();
        System.out.println(header());
        for (double snr : c.snrs) {
            List<Row> level = new ArrayList<>();
            for (long seed : c.seeds) {
                Row r = run(c, snr, seed);
                level.add(r);
                if (c.verbose) {
                    System.out.println(format(r));
                }
            }
            rows.addAll(level);
            System.out.println(summary(snr, level));
        }
        double meanF1 = rows.stream().mapToDouble(r -> r.score.f1()).average().orElse(Double.NaN);
        System.out.printf(Locale.ROOT, "mean F1 over all rows: %.3f%n", meanF1);
    }

    static SimulationParameters simulation(Config c, double snr, long seed) {
        double[] rates = {0.5, 2, 5, 15};
        double rate = rates[(int) ((seed - 1) % 4)];
        double duration = Math.min(400, Math.max(60, 200 / rate));
        double noise = 2.0;
        return SimulationParameters.defaults()
                .withSeed(seed * 1000 + Math.round(snr * 10))
                .withSampleRateHz(c.fs)
                .withDurationS(duration)
                .withRateHz(rate)
                .withAmplitudeMedianPa(snr * noise)
                .withAmplitudeCv(0.5)
                .withKineticsMs(c.rise, c.decay)
                .withKineticsCv(0.2)
                .withNoiseSdPa(noise)
                .withPinkFraction(seed % 2 == 0 ? 0.5 : 0.3)
                .withHumHz(seed % 2 == 0 ? 50 : 60)
                .withHumPa(1.5)
                .withDriftPa(3)
                .withArtefactRateHz(0.05)
                .withLowpassHz((seed / 2) % 2 == 0 ? 2000 : 3000)
                .withHoldingPa(-40);
    }

    public static Row run(Config c, double snr, long seed) throws IOException {
        SimulationParameters sp = simulation(c, snr, seed);
        SimulatedRecording rec = Simulator.simulate(sp);
        DetectionParameters dp = DetectionParameters.defaults().withMethod(c.method);
        if (c.threshold != null) {
            dp = dp.withThreshold(c.threshold);
        }
        if (c.template != null) {
            dp = dp.withTemplate(c.template);
        }
        if (c.fdr != null) {
            dp = dp.withFalseDiscovery(c.fdr);
        }
        if (c.notch != null) {
            dp = dp.withNotchHz(c.notch);
        }
        List<Event> events = new ArrayList<>();
        DetectionRun.Result result = DetectionRun.run(rec, 0, List.of(), dp, new Execution(c.threads, 1 << 17), events::add);
        List<Event> accepted = events.stream().filter(Event::accepted).toList();
        double[] on = accepted.stream().mapToDouble(Event::onsetS).toArray();
        double[] pk = accepted.stream().mapToDouble(Event::peakS).toArray();
        double[] amp = accepted.stream().mapToDouble(Event::amplitude).toArray();
        GroundTruth truth = GroundTruth.of(rec);
        Scorer scorer = new Scorer(EventList.fromTruth(truth), 0.0015, MatchOn.PEAK);
        Score s = scorer.score(EventList.of(on, pk, amp).withDurationS(sp.durationS()));
        double[] trueAmp = truth.events().stream().mapToDouble(e -> e.amplitudePa()).toArray();
        double ampErr = 100 * (median(amp) - median(trueAmp)) / median(trueAmp);
        double trueFreq = truth.events().size() / sp.durationS();
        double freq = accepted.size() / result.analysedSeconds();
        double freqErr = 100 * (freq - trueFreq) / trueFreq;
        Template t = result.calibration().template();
        String tmpl = String.format(Locale.ROOT, "%.2f/%.2f %s, k %.2f", t.riseMs(), t.decayMs(), result.calibration().templateSource(),
                result.calibration().threshold());
        return new Row(snr, seed, sp.rateHz(), s, ampErr, freqErr, tmpl, sp.durationS());
    }

    static double median(double[] v) {
        if (v.length == 0) {
            return Double.NaN;
        }
        double[] s = v.clone();
        Arrays.sort(s);
        return s.length % 2 == 1 ? s[s.length / 2] : 0.5 * (s[s.length / 2 - 1] + s[s.length / 2]);
    }

    static String header() {
        return "| SNR | seed | rate Hz | true | found | F1 | precision | recall | median amp. error % | amp. bias % (median per event) | amp. |error| % (median per event) | frequency error % | template τr/τd ms |";
    }

    static String format(Row r) {
        Score s = r.score;
        return String.format(Locale.ROOT, "| %.0f | %d | %.1f | %d | %d | %.3f | %.3f | %.3f | %+.1f | %+.1f | %.1f | %+.1f | %s |",
                r.snr, r.seed, r.rateHz, s.nTruth(), s.nDetected(), s.f1(), s.precision(), s.recall(), r.ampMedianErrPct,
                s.amplitudeBiasMedianPct(), s.amplitudeErrorMedianPct(), r.freqErrPct, r.template);
    }

    static String summary(double snr, List<Row> level) {
        double f1 = level.stream().mapToDouble(r -> r.score.f1()).average().orElse(Double.NaN);
        double minF1 = level.stream().mapToDouble(r -> r.score.f1()).min().orElse(Double.NaN);
        double p = level.stream().mapToDouble(r -> r.score.precision()).average().orElse(Double.NaN);
        double rc = level.stream().mapToDouble(r -> r.score.recall()).average().orElse(Double.NaN);
        double amp = level.stream().mapToDouble(r -> Math.abs(r.ampMedianErrPct)).max().orElse(Double.NaN);
        double freq = level.stream().mapToDouble(r -> Math.abs(r.freqErrPct)).max().orElse(Double.NaN);
        double bias = level.stream().mapToDouble(r -> r.score.amplitudeBiasMedianPct()).average().orElse(Double.NaN);
        return String.format(Locale.ROOT, "SNR %4.1f: mean F1 %.3f (min %.3f)  P %.3f  R %.3f  max|median amp err| %.1f%%  mean amp bias %+.1f%%  max|freq err| %.1f%%",
                snr, f1, minF1, p, rc, amp, bias, freq);
    }

    /** Command-line settings of the suite. */
    public static final class Config {
        double[] snrs = {2, 3, 5, 8, 10};
        long[] seeds = {1, 2, 3, 4};
        Method method = DetectionParameters.defaults().method();
        Double threshold;
        Template template;
        Double notch;
        Double fdr;
        double rise = 0.5;
        double decay = 4;
        double fs = 20_000;
        int threads = Runtime.getRuntime().availableProcessors();
        boolean verbose;

        static Config parse(String[] args) {
            Config c = new Config();
            for (String a : args) {
                String[] kv = a.split("=", 2);
                switch (kv[0]) {
                    case "snr" -> c.snrs = Arrays.stream(kv[1].split(",")).mapToDouble(Double::parseDouble).toArray();
                    case "seeds" -> c.seeds = Arrays.stream(kv[1].split(",")).mapToLong(Long::parseLong).toArray();
                    case "method" -> c.method = Method.valueOf(kv[1].toUpperCase(Locale.ROOT));
                    case "threshold" -> c.threshold = Double.parseDouble(kv[1]);
                    case "rise" -> c.rise = Double.parseDouble(kv[1]);
                    case "decay" -> c.decay = Double.parseDouble(kv[1]);
                    case "fs" -> c.fs = Double.parseDouble(kv[1]);
                    case "threads" -> c.threads = Integer.parseInt(kv[1]);
                    case "verbose" -> c.verbose = Boolean.parseBoolean(kv[1]);
                    case "fdr" -> c.fdr = Double.parseDouble(kv[1]);
                    case "notch" -> c.notch = kv[1].equals("auto") ? null : Double.parseDouble(kv[1]);
                    case "template" -> {
                        if (!kv[1].equals("auto")) {
                            String[] rd = kv[1].split(",");
                            c.template = new Template(Double.parseDouble(rd[0]), Double.parseDouble(rd[1]));
                        }
                    }
                    default -> throw new IllegalArgumentException("unknown argument " + a);
                }
            }
            return c;
        }
    }
}
