package org.mepsc.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.mepsc.io.RecordingReaders;
import org.mepsc.json.Json;
import org.mepsc.recording.Recording;
import org.mepsc.sim.GroundTruth;
import org.mepsc.sim.GroundTruthTable;
import org.mepsc.testing.RealData;

class SimulateAndScoreCommandTest {

    @TempDir
    Path dir;


    static Run run(String... args) {
        return Run.of(args);
    }

    @Test
    void simulateWritesTheTraceAndItsGroundTruth() throws IOException {
        Path out = dir.resolve("cell.csv");
        Run r = run("simulate", out.toString(), "--duration-s", "5", "--rate-hz", "4", "--seed", "7",
                "--artefact-rate-hz", "1", "--hum-hz", "50", "--hum-pA", "2");
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.err()).isEmpty();
        Path truth = dir.resolve("cell.truth.csv");
        assertThat(out).exists();
        assertThat(truth).exists();
        List<String> lines = Files.readAllLines(out);
        assertThat(lines.get(0)).isEqualTo("time_s,Im_pA");
        assertThat(lines).hasSize(1 + 100_000);
        GroundTruth t = GroundTruthTable.read(truth);
        assertThat(t.durationS().getAsDouble()).isEqualTo(5);
        assertThat(t.events()).isNotEmpty();
        assertThat(t.parameters()).contains("seed=7").contains("hum_hz=50");
        assertThat(r.out()).contains("cell.truth.csv").contains(t.events().size() + " events");
        // no temporary files left behind
        try (Stream<Path> s = Files.list(dir)) {
            assertThat(s.map(p -> p.getFileName().toString())).containsExactlyInAnyOrder("cell.csv", "cell.truth.csv");
        }
        // same seed: the same files
        Path again = dir.resolve("again.csv");
        assertThat(run("simulate", again.toString(), "--duration-s", "5", "--rate-hz", "4", "--seed", "7",
                "--artefact-rate-hz", "1", "--hum-hz", "50", "--hum-pA", "2").code()).isZero();
        assertThat(Files.readAllLines(again)).isEqualTo(lines);
    }

    static Stream<Arguments> badOptions() {
        return Stream.of(
                Arguments.of(List.of("--rate-hz", "-1"), "rate-hz"),
                Arguments.of(List.of("--pink-fraction", "2"), "pink-fraction"),
                Arguments.of(List.of("--decay-ms", "0.2"), "decay-ms"),
                Arguments.of(List.of("--lowpass-hz", "15000"), "lowpass-hz"),
                Arguments.of(List.of("--hum-hz", "50"), "--hum-pA"),
                Arguments.of(List.of("--duration-s", "0"), "duration-s"),
                Arguments.of(List.of("--fs-hz", "10"), "fs-hz"),
                Arguments.of(List.of("--polarity", "sideways"), "--polarity"),
                Arguments.of(List.of("--seed", "x"), "--seed"));
    }

    @ParameterizedTest
    @MethodSource("badOptions")
    void badSimulateOptionsExitTwoWithOneLine(List<String> options, String named) {
        String[] args = Stream.concat(Stream.of("simulate", dir.resolve("x.csv").toString()), options.stream())
                .toArray(String[]::new);
        Run r = run(args);
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err().lines().findFirst().orElse("")).startsWith("mepsc: ").contains(named);
        assertThat(r.err().lines().filter(l -> !l.startsWith("Try ")).count()).isEqualTo(1);
        assertThat(dir.resolve("x.csv")).doesNotExist();
        assertThat(dir.resolve("x.truth.csv")).doesNotExist();
    }

    @Test
    void anOutputWithoutAKnownExtensionIsAUsageError() {
        Run r = run("simulate", dir.resolve("x.unknown").toString());
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err()).contains("extension").contains(".csv");
    }

    @Test
    void scoreOfTheTruthAgainstItselfIsPerfectAndJsonHasTheKeys() throws IOException {
        Path out = dir.resolve("s.csv");
        assertThat(run("simulate", out.toString(), "--duration-s", "20", "--rate-hz", "5").code()).isZero();
        Path truth = dir.resolve("s.truth.csv");
        Run r = run("score", truth.toString(), truth.toString(), "--json");
        assertThat(r.code()).as(r.err()).isZero();
        JsonNode j = Json.mapper().readTree(r.out());
        for (String k : new String[] {"tp", "fp", "fn", "precision", "recall", "f1", "amplitude_error_median_pct",
            "frequency_error_pct", "timing_error_median_ms", "frequency_true_hz"}) {
            assertThat(j.has(k)).as(k).isTrue();
        }
        assertThat(j.get("fp").asInt()).isZero();
        assertThat(j.get("fn").asInt()).isZero();
        assertThat(j.get("tp").asInt()).isGreaterThan(50);
        assertThat(j.get("f1").asDouble()).isEqualTo(1.0);
        assertThat(j.get("matched_on").asText()).isEqualTo("peak");
        assertThat(j.get("duration_s").asDouble()).isEqualTo(20);
        assertThat(j.get("frequency_true_hz").asDouble()).isEqualTo(j.get("tp").asInt() / 20.0);
    }

    @Test
    void scoreReadsADetectionTableAndPrintsTheFigures() throws IOException {
        Path truth = dir.resolve("t.csv");
        Files.writeString(truth, "# duration_s=10\nonset_s,amplitude_pA\n1.0,10\n2.0,20\n3.0,30\n");
        Path det = dir.resolve("d.csv");
        Files.writeString(det, "Time (ms),Amplitude (pA)\n1000.5,-11\n2001.0,-18\n5000,-4\n");
        Run r = run("score", det.toString(), truth.toString(), "--tolerance-ms", "1");
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.out()).contains("recall     0.667").contains("precision  0.667")
                .contains("matched on onset times within 1 ms").contains("frequency  true 0.3 Hz");
        Run narrow = run("score", det.toString(), truth.toString(), "--tolerance-ms", "0.6", "--json",
                "--duration-s", "20");
        JsonNode j = Json.mapper().readTree(narrow.out());
        assertThat(j.get("tp").asInt()).isEqualTo(1);
        assertThat(j.get("frequency_true_hz").asDouble()).isEqualTo(3 / 20.0);
    }

    @Test
    void scoreErrors() throws IOException {
        Path truth = dir.resolve("t.csv");
        Files.writeString(truth, "onset_s\n1.0\n");
        Run missing = run("score", dir.resolve("nope.csv").toString(), truth.toString());
        assertThat(missing.code()).isEqualTo(1);
        assertThat(missing.err()).contains("nope.csv").contains("no such file");
        assertThat(missing.err().lines().count()).isEqualTo(1);
        Run tol = run("score", truth.toString(), truth.toString(), "--tolerance-ms", "-1");
        assertThat(tol.code()).isEqualTo(2);
        assertThat(tol.err()).contains("--tolerance-ms");
        Path peaks = dir.resolve("p.csv");
        Files.writeString(peaks, "peak_s\n1.0\n");
        Run mismatch = run("score", peaks.toString(), truth.toString());
        assertThat(mismatch.code()).isEqualTo(2);
        assertThat(mismatch.err()).contains("peak").contains("onset");
    }

    /** Runs once a reader for the simulated file's format is on the branch (csv or abf readers). */
    @Test
    void simulateIntoTheNoiseOfARecording() throws IOException {
        Path noise = RealData.file("eventer_Train1_Simulation.abf");
        assumeTrue(RecordingReaders.standard().detect(noise).isPresent(), "no ABF reader on this branch yet");
        Path out = dir.resolve("real.csv");
        Run r = run("simulate", out.toString(), "--noise-from", noise.toString(), "--rate-hz", "3");
        assertThat(r.code()).as(r.err()).isZero();
        try (Recording rec = RecordingReaders.openFile(noise)) {
            GroundTruth t = GroundTruthTable.read(dir.resolve("real.truth.csv"));
            assertThat(t.durationS().getAsDouble()).isEqualTo(rec.sweep(0).durationS());
            assertThat(t.sampleRateHz().getAsDouble()).isEqualTo(40_000);
            assertThat(t.parameters()).contains("noise_sd_pA=0").contains("holding_pA=0");
        }
        Run fs = run("simulate", out.toString(), "--noise-from", noise.toString(), "--fs-hz", "10000");
        assertThat(fs.code()).isEqualTo(2);
        Run tooLong = run("simulate", out.toString(), "--noise-from", noise.toString(), "--duration-s", "100");
        assertThat(tooLong.code()).isEqualTo(2);
        assertThat(tooLong.err()).contains("longer than sweep 0");
    }
}
