package org.mepsc.accuracy;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.mepsc.pipeline.DetectionParameters;
import org.mepsc.pipeline.Workers;
import org.mepsc.score.EventList;
import org.mepsc.score.MatchOn;
import org.mepsc.score.Scorer;
import org.mepsc.sim.GroundTruth;
import org.mepsc.sim.SimulatedRecording;
import org.mepsc.sim.Simulator;

/**
 * Runs a {@link Protocol}: every scenario's recording is simulated lazily (samples computed as
 * detection reads them), analysed by its method on one thread, and scored with {@link Scorer};
 * scenarios run in parallel. The threshold sweep starts from the run at the default threshold
 * (same recording): its threshold is the 100 % and its template is reused (the threshold does not
 * change how the template is learned). Results do not depend on the number of threads.
 */
public final class AccuracyBenchmark {

    /** Told of each finished run. */
    @FunctionalInterface
    public interface Progress {
        Progress NONE = (what, done, total) -> { };

        void done(String what, int done, int total);
    }

    private AccuracyBenchmark() {
    }

    /**
     * @param realData recordings with known events to score every method on as well
     * @param threads runs at once
     */
    public static BenchmarkResult run(Protocol protocol, List<RealDataCheck> realData, int threads, Progress progress)
            throws IOException {
        if (threads < 1) {
            throw new IllegalArgumentException("threads must be at least 1, got " + threads);
        }
        Machine machine = Machine.now();
        long wall0 = System.nanoTime();
        double cpu0 = processCpuSeconds();
        List<Scenario> scenarios = protocol.scenarios();
        int total = scenarios.size() + realData.size() * protocol.methods().size();
        AtomicInteger done = new AtomicInteger();
        ExecutorService pool = Workers.pool(threads, "mepsc-benchmark");
        try {
            Map<Integer, Future<ScenarioResult>> results = new HashMap<>();
            // first the default-threshold runs the threshold sweep starts from
            Map<String, Future<ScenarioResult>> bases = new HashMap<>();
            for (int i = 0; i < scenarios.size(); i++) {
                Scenario s = scenarios.get(i);
                if (s.kind() == Scenario.Kind.SNR && s.snr() == protocol.thresholdSnr() && !protocol.thresholdPercents().isEmpty()) {
                    Future<ScenarioResult> f = pool.submit(() -> report(simulateAndRun(protocol, s, s.method().parameters()),
                            progress, done, total));
                    results.put(i, f);
                    bases.put(key(s), f);
                }
            }
            Map<String, ScenarioResult> base = new HashMap<>();
            for (Map.Entry<String, Future<ScenarioResult>> e : bases.entrySet()) {
                base.put(e.getKey(), Workers.result(e.getValue()));
            }
            // then the rest, the slowest (lowest thresholds) first
            List<Integer> order = new ArrayList<>();
            for (int i = 0; i < scenarios.size(); i++) {
                if (!results.containsKey(i)) {
                    order.add(i);
                }
            }
            order.sort(Comparator.comparingDouble(i -> scenarios.get(i).kind() == Scenario.Kind.THRESHOLD
                    ? scenarios.get(i).thresholdPercent() : 1000));
            for (int i : order) {
                Scenario s = scenarios.get(i);
                if (s.kind() == Scenario.Kind.THRESHOLD) {
                    ScenarioResult b = base.get(key(s));
                    results.put(i, pool.submit(() -> report(threshold(protocol, s, b), progress, done, total)));
                } else {
                    results.put(i, pool.submit(() -> report(simulateAndRun(protocol, s, s.method().parameters()),
                            progress, done, total)));
                }
            }
            List<Future<RealDataResult>> real = new ArrayList<>();
            for (RealDataCheck c : realData) {
                for (MethodUnderTest m : protocol.methods()) {
                    real.add(pool.submit(() -> {
                        RealDataResult r = new RealDataResult(c, m.name(), c.run(m, 1));
                        progress.done(c.name() + " / " + m.name(), done.incrementAndGet(), total);
                        return r;
                    }));
                }
            }
            List<ScenarioResult> ordered = new ArrayList<>();
            for (int i = 0; i < scenarios.size(); i++) {
                ordered.add(Workers.result(results.get(i)));
            }
            List<RealDataResult> realResults = new ArrayList<>();
            for (Future<RealDataResult> f : real) {
                realResults.add(Workers.result(f));
            }
            double wall = (System.nanoTime() - wall0) * 1e-9;
            return new BenchmarkResult(protocol, ordered, realResults, threads, wall, processCpuSeconds() - cpu0, machine,
                    Machine.now().loadAverage());
        } finally {
            pool.shutdownNow();
        }
    }

    private static String key(Scenario s) {
        return s.method().name() + "\u0000" + s.seed();
    }

    private static ScenarioResult report(ScenarioResult r, Progress progress, AtomicInteger done, int total) {
        Scenario s = r.scenario();
        String what = String.format(java.util.Locale.ROOT, "%s %s SNR %s seed %d%s%s F1 %.3f", s.kind().label(),
                s.method().name(), trim(s.snr()), s.seed(),
                s.decayFactor() != 1 ? " decay x" + trim(s.decayFactor()) : "",
                s.kind() == Scenario.Kind.THRESHOLD ? " threshold " + trim(s.thresholdPercent()) + " %" : "",
                r.trial().f1());
        progress.done(what, done.incrementAndGet(), total);
        return r;
    }

    /**
     * A threshold scenario: the threshold the base run was given (its method's default) scaled, the
     * false-discovery guard as in the base run, the base run's template kept; 100 % is the base run itself.
     */
    private static ScenarioResult threshold(Protocol protocol, Scenario s, ScenarioResult base) throws IOException {
        if (s.thresholdPercent() == 100) {
            return new ScenarioResult(s, base.simulation(), base.trial());
        }
        double k = base.thresholdAsked() * s.thresholdPercent() / 100;
        DetectionParameters p = s.method().parameters().withThreshold(k);
        if (p.template() == null) {
            p = p.withTemplate(base.trial().calibration().template());
        }
        return simulateAndRun(protocol, s, p);
    }

    private static ScenarioResult simulateAndRun(Protocol protocol, Scenario s, DetectionParameters p) throws IOException {
        var simulation = s.simulation(protocol.durationS(), protocol.minEvents());
        try (SimulatedRecording rec = Simulator.simulate(simulation)) {
            Scorer scorer = new Scorer(EventList.fromTruth(GroundTruth.of(rec)), protocol.toleranceMs() / 1000, MatchOn.PEAK);
            Trial t = Trials.run(rec, 0, List.of(), p, scorer, 1);
            return new ScenarioResult(s, simulation, t);
        }
    }

    private static double processCpuSeconds() {
        if (ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os) {
            long ns = os.getProcessCpuTime();
            return ns < 0 ? Double.NaN : ns * 1e-9;
        }
        return Double.NaN;
    }

    static String trim(double v) {
        return v == Math.rint(v) ? Long.toString((long) v) : Double.toString(v);
    }
}
