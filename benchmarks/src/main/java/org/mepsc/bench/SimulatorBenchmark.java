package org.mepsc.bench;

import java.io.IOException;
import java.util.concurrent.TimeUnit;
import org.mepsc.sim.SimulatedRecording;
import org.mepsc.sim.SimulationParameters;
import org.mepsc.sim.Simulator;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Simulator throughput: samples generated per second, reading a 10 s trace front to back in 64k
 * chunks (a block is cached only until the next one is needed, so every pass generates anew).
 * Run: {@code java -jar benchmarks/target/benchmarks.jar SimulatorBenchmark}.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class SimulatorBenchmark {

    private static final int SECONDS = 10;
    private static final int CHUNK = 1 << 16;

    /** "plain": the defaults; "busy": hum, drift, artefacts and 20 Hz events as well. */
    @Param({"plain", "busy"})
    public String kind;

    private SimulationParameters parameters;
    private SimulatedRecording recording;
    private final float[] buffer = new float[CHUNK];

    @Setup(Level.Trial)
    public void parameters() {
        SimulationParameters p = SimulationParameters.defaults().withDurationS(SECONDS);
        if (kind.equals("busy")) {
            p = p.withRateHz(20).withHumHz(50).withHumPa(3).withDriftPa(5).withArtefactRateHz(1);
        }
        parameters = p;
    }

    @Setup(Level.Iteration)
    public void freshRecording() {
        recording = Simulator.simulate(parameters);
    }

    /** Reads a whole fresh trace; with OperationsPerInvocation JMH reports samples per second. */
    @Benchmark
    @OperationsPerInvocation(SECONDS * 20_000)
    public float simulateSamples() throws IOException {
        long n = recording.totalSamples();
        float sink = 0;
        for (long pos = 0; pos < n; pos += CHUNK) {
            int count = (int) Math.min(CHUNK, n - pos);
            recording.read(0, 0, pos, count, buffer, 0);
            sink += buffer[count - 1];
        }
        return sink;
    }
}
