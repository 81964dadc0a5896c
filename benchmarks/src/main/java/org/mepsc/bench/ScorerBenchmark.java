package org.mepsc.bench;

import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.mepsc.score.EventList;
import org.mepsc.score.Scorer;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Cost of one score of 100 000 detections against 100 000 true events (20 Hz over ≈ 5000 s;
 * detections: 90 % of the events jittered by up to ±1 ms, 10 % at random times), with the
 * detections given in time order or shuffled. Run:
 * {@code java -jar benchmarks/target/benchmarks.jar ScorerBenchmark}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class ScorerBenchmark {

    @Param({"sorted", "shuffled"})
    public String order;

    private Scorer scorer;
    private EventList detections;

    @Setup
    public void lists() {
        int n = 100_000;
        double[] truth = new double[n];
        double[] det = new double[n];
        SplittableRandom rng = new SplittableRandom(1);
        double t = 0;
        for (int i = 0; i < n; i++) {
            t += -Math.log(1 - rng.nextDouble()) / 20;
            truth[i] = t;
            det[i] = rng.nextInt(10) == 0 ? rng.nextDouble() * 5000 : t + (rng.nextDouble() - 0.5) * 2e-3;
        }
        if (order.equals("sorted")) {
            java.util.Arrays.sort(det);
        }
        scorer = new Scorer(EventList.ofOnsets(truth), 1.5e-3);
        detections = EventList.ofOnsets(det);
    }

    @Benchmark
    public int score100k() {
        return scorer.score(detections).tp();
    }
}
