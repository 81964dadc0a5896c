package org.mepsc.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.openjdk.jmh.results.Result;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.BenchmarkList;
import org.openjdk.jmh.runner.BenchmarkListEntry;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.format.OutputFormat;
import org.openjdk.jmh.runner.format.OutputFormatFactory;
import org.openjdk.jmh.runner.options.ChainedOptionsBuilder;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;
import org.openjdk.jmh.runner.options.VerboseMode;

/**
 * Runs every JMH benchmark once, in this JVM, with the shortest settings (no fork, no warm-up, one
 * 100 ms iteration, the smallest value of each size parameter), so that a benchmark that no longer
 * compiles against the engine, throws, or measures nothing fails the build. The scores mean
 * nothing here; the figures come from {@code java -jar benchmarks/target/benchmarks.jar}.
 */
class BenchmarkSmokeTest {

    /**
     * One small value for every parameter declared with several values (JMH would run them all)
     * or with a slow one; {@link #everyMultiValuedParameterIsPinned} keeps this list complete.
     * Comma-separated values all run: every method and filter is exercised, at one size.
     */
    private static final Map<String, Map<String, String>> SMALL = Map.ofEntries(
            Map.entry("AbfReadBenchmark", Map.of("chunk", "65536", "channels", "1")),
            Map.entry("CharacterisationBenchmark", Map.of("rateHz", "20000")),
            Map.entry("CriterionBenchmark", Map.of("templateSamples", "128")),
            Map.entry("DetectionBenchmark", Map.of("method", "deconvolution,template,correlation", "sampleRateHz", "20000", "eventRateHz", "15")),
            // 20 s instead of 10 min: the file is simulated and written in setup.
            Map.entry("EndToEndBenchmark", Map.of("rateHz", "20000", "eventsHz", "20", "durationS", "20",
                    "method", "deconvolution,template", "template", "auto", "chunk", "131072", "threads", "1", "humPa", "1")),
            Map.entry("FftBenchmark", Map.of("size", "4096")),
            Map.entry("FilterBenchmark", Map.of("rateHz", "20000", "filter", "decimator,lowpass,bessel,highpass,notch,deconvolution,template")),
            Map.entry("RecordingLengthBenchmark", Map.of("durationS", "30")),
            Map.entry("ScorerBenchmark", Map.of("order", "sorted")),
            Map.entry("SimulatorBenchmark", Map.of("kind", "busy")));

    static Set<String> benchmarkClasses() {
        return entries().stream().map(e -> simpleName(e.getUserClassQName())).collect(Collectors.toCollection(TreeSet::new));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("benchmarkClasses")
    void runsAndMeasuresSomething(String benchmarkClass) throws RunnerException {
        ChainedOptionsBuilder options = new OptionsBuilder()
                .include("^" + BenchmarkSmokeTest.class.getPackageName().replace(".", "\\.") + "\\." + benchmarkClass + "\\.")
                .forks(0)
                .warmupIterations(0)
                .measurementIterations(1)
                .measurementTime(TimeValue.milliseconds(100))
                .threads(1)
                .shouldFailOnError(true)
                .verbosity(VerboseMode.SILENT);
        SMALL.getOrDefault(benchmarkClass, Map.of()).forEach((name, values) -> options.param(name, values.split(",")));

        Collection<RunResult> results = new Runner(options.build()).run();

        assertThat(results).as("results of %s", benchmarkClass).isNotEmpty();
        long methods = entries().stream().filter(e -> simpleName(e.getUserClassQName()).equals(benchmarkClass)).count();
        assertThat(results.stream().map(r -> r.getParams().getBenchmark()).distinct())
                .as("every @Benchmark method of %s ran", benchmarkClass).hasSize((int) methods);
        for (RunResult r : results) {
            String label = r.getParams().getBenchmark() + " " + r.getParams();
            assertScore(label, r.getPrimaryResult());
            r.getSecondaryResults().forEach((name, secondary) -> assertScore(label + " " + name, secondary));
        }
    }

    /** A parameter with several values that is not pinned would multiply this test's run time. */
    @Test
    void everyMultiValuedParameterIsPinned() {
        for (BenchmarkListEntry e : entries()) {
            String cls = simpleName(e.getUserClassQName());
            Map<String, String> pinned = SMALL.getOrDefault(cls, Map.of());
            e.getParams().orElse(Map.of()).forEach((name, values) -> assertThat(values.length == 1 || pinned.containsKey(name))
                    .as("%s.%s has %s values: pin one in BenchmarkSmokeTest.SMALL", cls, name, values.length)
                    .isTrue());
        }
    }

    @Test
    void findsTheBenchmarks() {
        assertThat(benchmarkClasses()).contains("EndToEndBenchmark", "FilterBenchmark", "AbfReadBenchmark",
                "NwbReadBenchmark", "MemoryBandwidthBenchmark");
    }

    private static void assertScore(String label, Result<?> result) {
        assertThat(result.getScore()).as("%s: %s", label, result.getLabel()).isFinite().isPositive();
    }

    private static Set<BenchmarkListEntry> entries() {
        OutputFormat quiet = OutputFormatFactory.createFormatInstance(System.out, VerboseMode.SILENT);
        return BenchmarkList.defaultList().getAll(quiet, List.of());
    }

    private static String simpleName(String qualified) {
        return qualified.substring(qualified.lastIndexOf('.') + 1);
    }
}
