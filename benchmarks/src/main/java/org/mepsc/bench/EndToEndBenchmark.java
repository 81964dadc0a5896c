package org.mepsc.bench;

import java.io.IOException;
import java.io.Writer;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.mepsc.detect.Template;
import org.mepsc.events.EventCsvWriter;
import org.mepsc.events.EventSink;
import org.mepsc.pipeline.DetectionParameters;
import org.mepsc.pipeline.DetectionRun;
import org.mepsc.pipeline.Execution;
import org.mepsc.pipeline.Method;
import org.mepsc.recording.Recording;
import org.mepsc.summary.SummaryAccumulator;
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
 * End to end, as {@code mepsc detect FILE --out events.csv} runs it: a simulated recording in an
 * int16 ABF file (page cache), read, calibrated (hum, template fitted to the data unless
 * {@code template=fixed}, noise, threshold), filtered, scanned, every event characterised and
 * written as a CSV row (to a discarding writer) and summarised. The {@code samples} counter is the
 * throughput in recording samples per second.
 *
 * <p>Calibration looks at a bounded part of the recording (at most 2^22 detection-rate samples),
 * so short recordings are dominated by it; {@code durationS} shows how the cost splits.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Fork(value = 1, jvmArgsAppend = {"-Xmx1g"})
@Warmup(iterations = 1, time = 5)
@Measurement(iterations = 3, time = 5)
public class EndToEndBenchmark {

    /** Sample rate of the recording (Hz). */
    @Param({"10000", "20000", "50000"})
    double rateHz;

    /** Mean event rate (Hz): 2 is a quiet cell, 20 a busy one. */
    @Param({"2", "20"})
    double eventsHz;

    /** Length of the recording (s). */
    @Param({"600"})
    double durationS;

    @Param({"deconvolution", "template"})
    String method;

    /** auto: the template is fitted to the data (the default); fixed: given, so calibration skips the fits. */
    @Param({"auto"})
    String template;

    /**
     * Peak amplitude (pA) of a 50 Hz mains hum in the recording, 0 for none. mepsc finds the hum
     * and notches it; the notches' long filters make the filter blocks longer.
     */
    @Param({"0"})
    double humPa;

    /** Detection-rate samples per chunk (the unit of work of a thread). */
    @Param({"524288"})
    int chunk;

    @Param({"1"})
    int threads;

    private SimulatedFile file;
    private Recording recording;
    private DetectionParameters parameters;

    @Setup(Level.Trial)
    public void writeFile() throws IOException {
        file = SimulatedFile.write(rateHz, eventsHz, durationS, humPa);
        recording = file.open();
        DetectionParameters p = DetectionParameters.defaults().withMethod(Method.valueOf(method.toUpperCase(java.util.Locale.ROOT)));
        parameters = template.equals("fixed") ? p.withTemplate(new Template(0.5, 4)) : p;
    }

    @TearDown(Level.Trial)
    public void delete() throws IOException {
        recording.close();
        file.delete();
    }

    @Benchmark
    public long detect(SampleCounter counter) throws IOException {
        return detect(file, recording, parameters, new Execution(threads, chunk), counter);
    }

    /** One {@code mepsc detect FILE --out events.csv}, counting the recording's samples. */
    static long detect(SimulatedFile file, Recording recording, DetectionParameters parameters, Execution execution,
            SampleCounter counter) throws IOException {
        SummaryAccumulator summary = new SummaryAccumulator();
        EventSink csv = new EventCsvWriter(Writer.nullWriter(), file.path().toString(), 0, "pA", false);
        DetectionRun.run(recording, 0, List.of(), parameters, execution, EventSink.both(csv, summary));
        counter.samples += recording.sweep(0).length();
        return summary.accepted();
    }
}
