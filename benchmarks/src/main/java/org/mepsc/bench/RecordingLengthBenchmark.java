package org.mepsc.bench;

import java.io.IOException;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import org.mepsc.pipeline.DetectionParameters;
import org.mepsc.pipeline.Execution;
import org.mepsc.pipeline.Method;
import org.mepsc.recording.Recording;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * How end-to-end detection scales with the length of the recording: {@link EndToEndBenchmark}'s
 * run (20 kHz int16 ABF, 5 events/s, one thread) on recordings from one minute to one hour.
 * Calibration examines a bounded part of the recording, so the time is a fixed part plus a part
 * proportional to the length: {@code samples} per second rises with the length towards the rate
 * of the pass alone, and the time per run grows linearly (no stage grows faster than the recording).
 * Run: {@code java -jar benchmarks/target/benchmarks.jar RecordingLengthBenchmark}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Fork(value = 1, jvmArgsAppend = {"-Xmx1g"})
@Warmup(iterations = 1, time = 10)
@Measurement(iterations = 3, time = 10)
public class RecordingLengthBenchmark {

    /** Length of the recording (s). */
    @Param({"60", "300", "900", "3600"})
    double durationS;

    @Param({"deconvolution"})
    String method;

    private SimulatedFile file;
    private Recording recording;
    private DetectionParameters parameters;

    @Setup(Level.Trial)
    public void writeFile() throws IOException {
        file = SimulatedFile.write(20_000, 5, durationS);
        recording = file.open();
        parameters = DetectionParameters.defaults().withMethod(Method.valueOf(method.toUpperCase(Locale.ROOT)));
    }

    @TearDown(Level.Trial)
    public void delete() throws IOException {
        recording.close();
        file.delete();
    }

    @Benchmark
    public long detect(SampleCounter counter) throws IOException {
        return EndToEndBenchmark.detect(file, recording, parameters, new Execution(1, Execution.defaults().chunkSamples()),
                counter);
    }
}
