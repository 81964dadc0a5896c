package org.mepsc.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.mepsc.events.Event;
import org.mepsc.recording.AcquisitionMode;
import org.mepsc.recording.ArrayRecording;
import org.mepsc.recording.Channel;
import org.mepsc.recording.RecordingMetadata;
import org.mepsc.testing.SyntheticMinis;

/**
 * Results must not depend on how the run is split: the same events, value for value, whether a
 * sweep is scanned whole or in chunks of any size (odd and prime ones too), on one thread or several;
 * and the same calibration (template, noise, threshold), value for value, on any number of threads.
 */
class ChunkIndependenceTest {

    private static List<Event> run(ArrayRecording r, DetectionParameters p, Execution ex) throws IOException {
        List<Event> events = new ArrayList<>();
        DetectionRun.run(r, 0, List.of(), p, ex, events::add);
        return events;
    }

    private static ArrayRecording twoSweeps() {
        return twoSweeps(x -> { });
    }

    /** Two sweeps of 6 s at 20 kHz; {@code damage} changes the first. */
    private static ArrayRecording twoSweeps(java.util.function.Consumer<float[]> damage) {
        SyntheticMinis a = SyntheticMinis.make(21, 6, 20_000, 12, 12, 2, 0.5, 5);
        damage.accept(a.samples);
        SyntheticMinis b = SyntheticMinis.make(22, 5, 20_000, 12, 12, 2, 0.5, 5);
        RecordingMetadata md = new RecordingMetadata("SIMULATED", "", AcquisitionMode.EPISODIC, "", List.of(), List.of(),
                Optional.empty());
        float[] second = java.util.Arrays.copyOf(b.samples, a.samples.length);
        System.arraycopy(b.samples, 0, second, 0, b.samples.length);
        return new ArrayRecording(md, List.of(Channel.of(0, "Im", "pA")), 20_000, new float[][][] {{a.samples}, {second}});
    }

    @ParameterizedTest
    @EnumSource(Method.class)
    void everyChunkSizeGivesTheSameEvents(Method method) throws IOException {
        ArrayRecording r = twoSweeps();
        DetectionParameters p = DetectionParameters.defaults().withMethod(method)
                .withExclusions(List.of(Exclusion.parse("0-0.05")), true);
        List<Event> whole = run(r, p, new Execution(1, Integer.MAX_VALUE));
        assertThat(whole).hasSizeGreaterThan(50);
        for (int chunk : new int[] {1009, 4096, 65537}) {
            for (int threads : new int[] {1, 2}) {
                assertThat(run(r, p, new Execution(threads, chunk)))
                        .as("%s, chunks of %d, %d threads", method, chunk, threads).isEqualTo(whole);
            }
        }
    }

    @ParameterizedTest
    @EnumSource(Method.class)
    void calibrationDoesNotDependOnThreadsOrChunks(Method method) throws IOException {
        ArrayRecording r = twoSweeps();
        DetectionParameters p = DetectionParameters.defaults().withMethod(method);
        Calibration serial = calibration(r, p, new Execution(1, Integer.MAX_VALUE));
        assertThat(serial.templateSource()).isEqualTo("auto");
        for (int threads : new int[] {2, 3}) {
            assertThat(calibration(r, p, new Execution(threads, 4096))).as("%s, %d threads", method, threads)
                    .isEqualTo(serial);
        }
    }

    private static Calibration calibration(ArrayRecording r, DetectionParameters p, Execution ex) throws IOException {
        try (DetectionRun.Prepared prepared = DetectionRun.prepare(r, 0, List.of(), p, ex)) {
            return prepared.calibration();
        }
    }

    @Test
    void theAnalysedDurationDoesNotDependOnChunksEither() throws IOException {
        ArrayRecording r = twoSweeps();
        DetectionParameters p = DetectionParameters.defaults().withExclusions(List.of(Exclusion.parse("1:0.5-1.25")), true);
        double whole = DetectionRun.run(r, 0, List.of(), p, new Execution(1, Integer.MAX_VALUE), e -> { }).analysedSeconds();
        double chunked = DetectionRun.run(r, 0, List.of(), p, new Execution(2, 997), e -> { }).analysedSeconds();
        assertThat(chunked).isEqualTo(whole);
        assertThat(whole).isLessThan(11 - 0.75).isGreaterThan(11 - 0.75 - 0.2);
    }

    @Test
    void theExcludedStretchesDoNotDependOnChunksEither() throws IOException {
        ArrayRecording r = twoSweeps(x -> {
            java.util.Arrays.fill(x, 20_000, 24_000, Float.NaN); // a gap
            for (int i = 50_000; i < 50_600; i++) {
                x[i] -= 150; // a seal test
            }
            java.util.Arrays.fill(x, 80_000, 86_000, -2000f); // saturation
            x[100_000] += 800; // a spike
            for (int i = 0; i < 400; i += 40) {
                x[60_000 + i] = Float.NaN; // many short gaps, close enough to merge
            }
        });
        DetectionParameters p = DetectionParameters.defaults()
                .withExclusions(List.of(Exclusion.parse("1:4.9-5.3"), Exclusion.parse("0.2-0.3")), true);
        DetectionRun.Result whole = DetectionRun.run(r, 0, List.of(), p, new Execution(1, Integer.MAX_VALUE), e -> { });
        ExcludedTime w = whole.excluded();
        assertThat(w.counts()).containsKeys(ExclusionReason.values());
        assertThat(w.seconds()).isCloseTo(2 * 6.0 - whole.analysedSeconds(), org.assertj.core.api.Assertions.within(1e-9));
        for (int chunk : new int[] {1009, 4096, 65537}) {
            for (int threads : new int[] {1, 2}) {
                ExcludedTime c = DetectionRun.run(r, 0, List.of(), p, new Execution(threads, chunk), e -> { }).excluded();
                assertThat(c).as("chunks of %d, %d threads", chunk, threads).isEqualTo(w);
            }
        }
    }
}
