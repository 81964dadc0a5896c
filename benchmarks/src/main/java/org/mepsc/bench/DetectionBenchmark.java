package org.mepsc.bench;

import java.io.IOException;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.mepsc.detect.Template;
import org.mepsc.events.Event;
import org.mepsc.pipeline.DetectionParameters;
import org.mepsc.pipeline.DetectionRun;
import org.mepsc.pipeline.Execution;
import org.mepsc.pipeline.Method;
import org.mepsc.recording.ArrayRecording;
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
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Detection throughput on one core, end to end: conditioning filter, detection statistic, peaks,
 * measurement and rejection of every event, intervals and overlap flags, for 3 million samples of a
 * simulated recording held in memory (the reader is not timed). Calibration (template fit, noise,
 * threshold) runs once in the setup; the benchmark times the pass over the data, which is what
 * grows with the recording. Reported as samples per second.
 * Run: {@code java -jar benchmarks/target/benchmarks.jar DetectionBenchmark}.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 3)
@Measurement(iterations = 5, time = 3)
@Fork(value = 1, jvmArgsAppend = {"-Xmx1g"})
public class DetectionBenchmark {

    static final int SAMPLES = 3_000_000;

    @Param({"deconvolution", "template", "correlation"})
    public String method;

    @Param({"20000", "50000"})
    public double sampleRateHz;

    /** Events per second. */
    @Param({"2", "15"})
    public double eventRateHz;

    private DetectionRun.Prepared prepared;
    private long events;

    @Setup(Level.Trial)
    public void prepare() throws IOException {
        SimulationParameters p = SimulationParameters.defaults()
                .withSampleRateHz(sampleRateHz)
                .withDurationS(SAMPLES / sampleRateHz)
                .withRateHz(eventRateHz)
                .withHumHz(50).withHumPa(1.5).withDriftPa(3)
                .withLowpassHz(Math.min(3000, 0.4 * sampleRateHz));
        SimulatedRecording sim = Simulator.simulate(p);
        float[] x = new float[SAMPLES];
        sim.read(0, 0, 0, SAMPLES, x, 0);
        ArrayRecording r = ArrayRecording.singleCurrent("Im", sampleRateHz, x);
        DetectionParameters dp = DetectionParameters.defaults()
                .withMethod(Method.valueOf(method.toUpperCase(java.util.Locale.ROOT)))
                .withTemplate(new Template(0.5, 4));
        prepared = DetectionRun.prepare(r, 0, List.of(), dp, new Execution(1, Execution.defaults().chunkSamples()));
    }

    @TearDown(Level.Trial)
    public void close() {
        prepared.close();
    }

    @Benchmark
    @OperationsPerInvocation(SAMPLES)
    public long detect() throws IOException {
        events = 0;
        prepared.stream(this::count);
        return events;
    }

    private void count(Event e) {
        events++;
    }
}
