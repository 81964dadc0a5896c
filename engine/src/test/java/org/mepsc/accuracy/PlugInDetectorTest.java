package org.mepsc.accuracy;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mepsc.detect.DetectorFactory;
import org.mepsc.pipeline.DetectionParameters;

/** A method developer's detector, one class, plugged into the benchmark, a sweep and a detection run. */
class PlugInDetectorTest {

    @TempDir
    Path dir;

    @Test
    void aDetectorClassGetsTheSameBenchmark() throws IOException {
        List<DropDetector> made = new ArrayList<>();
        DetectorFactory drop = DetectorFactory.of("drop", 4, c -> {
            DropDetector d = new DropDetector(c);
            synchronized (made) {
                made.add(d);
            }
            return d;
        });
        Protocol tiny = new Protocol(List.of(4.0, 10.0), 1, 10, 0, List.of(MethodUnderTest.of(drop)), List.of(), List.of(),
                List.of(), 4, 1.5);
        BenchmarkResult r = AccuracyBenchmark.run(tiny, List.of(), 2, AccuracyBenchmark.Progress.NONE);

        assertThat(r.scenarios()).hasSize(2).allSatisfy(x -> {
            assertThat(x.scenario().method().name()).isEqualTo("drop");
            assertThat(x.thresholdAsked()).isEqualTo(4.0); // the factory's default threshold
        });
        assertThat(made).isNotEmpty();
        assertThat(made.stream().mapToLong(d -> d.computed.get()).sum()).isGreaterThan(100_000);
        double f1Low = r.scenarios().get(0).trial().f1();
        double f1High = r.scenarios().get(1).trial().f1();
        assertThat(f1High).as("a crude detector still finds large events").isGreaterThan(0.8);
        assertThat(f1High).isGreaterThan(f1Low);

        BenchmarkFiles.write(r, dir, "test");
        assertThat(dir.resolve("snr_drop.png")).exists();
        assertThat(Files.readString(dir.resolve("summary.md"))).contains("| target | drop |").contains("### drop");
    }

    @Test
    void theParametersCarryTheDetectorAndItsName() {
        DetectorFactory drop = DetectorFactory.of("drop", DropDetector::new);
        DetectionParameters p = DetectionParameters.defaults().withDetector(drop);
        assertThat(p.methodLabel()).isEqualTo("drop");
        assertThat(p.withThreshold(3.0).withLowPass(p.lowPassKind(), 1000).withAmplitudeFloor(2.0).detector()).isSameAs(drop);
        assertThat(p.withDetector(null).methodLabel()).isEqualTo(p.method().label());
        assertThat(drop.defaultThreshold()).isEqualTo(5);
    }
}
