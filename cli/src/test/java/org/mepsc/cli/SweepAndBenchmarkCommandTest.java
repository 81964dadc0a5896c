package org.mepsc.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.mepsc.accuracy.AccuracyTables;
import org.mepsc.testing.RealData;

/** {@code mepsc sweep} and {@code mepsc benchmark-accuracy}: outputs and usage errors; {@code --assume-unit}. */
class SweepAndBenchmarkCommandTest {

    @TempDir
    Path dir;


    static Run run(String... args) {
        return Run.of(args);
    }

    private Path simulated() {
        Path csv = dir.resolve("cell.csv");
        Run r = run("simulate", csv.toString(), "--duration-s", "12", "--rate-hz", "5", "--seed", "3",
                "--amplitude-median-pA", "12");
        assertThat(r.code()).as(r.err()).isZero();
        return csv;
    }

    @Test
    void sweepPrintsTheTableNamesTheBestAndWritesCsvAndPlots() throws IOException {
        Path rec = simulated();
        Path out = dir.resolve("sweep");
        Run r = run("sweep", rec.toString(), dir.resolve("cell.truth.csv").toString(), "--threshold", "2:6:2",
                "--out", out.toString(), "--threads", "2");
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.out()).contains("threshold: ").contains("precision").contains("<- best");
        String bestLine = r.out().lines().filter(l -> l.startsWith("best: threshold = ")).findFirst().orElseThrow();
        List<String> csv = Files.readAllLines(out.resolve("sweep.csv"));
        assertThat(csv.get(0)).isEqualTo("threshold," + String.join(",", AccuracyTables.SWEEP_COLUMNS));
        assertThat(csv).hasSize(4);
        List<String> values = new ArrayList<>();
        String best = null;
        for (String row : csv.subList(1, 4)) {
            String[] cells = row.split(",", -1);
            values.add(cells[0]);
            if (cells[cells.length - 1].equals("true")) {
                best = cells[0];
            }
        }
        assertThat(values).containsExactly("2", "4", "6");
        assertThat(bestLine).startsWith("best: threshold = " + best + " (F1 ");
        assertThat(Files.readAllBytes(out.resolve("sweep.png"))).startsWith(0x89, 'P', 'N', 'G');
        assertThat(Files.readString(out.resolve("sweep.svg"))).contains("<svg");
    }

    static Stream<Arguments> sweepUsageErrors() {
        return Stream.of(
                Arguments.of(List.of(), "give the values to sweep"),
                Arguments.of(List.of("--threshold", "6:2:1"), "--threshold: the range ends (2) before it starts (6)"),
                Arguments.of(List.of("--threshold", "2:6"), "not FROM:TO:STEP"),
                Arguments.of(List.of("--param", "gain=1:2:1"), "no sweepable parameter 'gain'"),
                Arguments.of(List.of("--param", "lowpass-hz"), "--param takes NAME=FROM:TO:STEP"),
                Arguments.of(List.of("--param", "threshold=2:4:1", "--threshold", "3"), "one parameter at a time"),
                Arguments.of(List.of("--param", "lowpass-hz=1000:2000:500", "--threshold", "2:3:1"), "--threshold takes a number"),
                Arguments.of(List.of("--threshold", "0:2:1"), "threshold = 0.0: threshold must be a positive number"),
                Arguments.of(List.of("--threshold", "3", "--plot", "x.jpg"), "--plot must name a .png or .svg"),
                Arguments.of(List.of("--threshold", "3", "--tolerance-ms", "0"), "--tolerance-ms"));
    }

    @ParameterizedTest
    @MethodSource("sweepUsageErrors")
    void sweepUsageErrorsAreOneLineAndExitTwo(List<String> options, String message) throws IOException {
        Path rec = dir.resolve("x.csv");
        Files.writeString(rec, "time_s,Im_pA\n0,1\n0.001,2\n");
        Path truth = dir.resolve("t.csv");
        Files.writeString(truth, "onset_s\n0.0005\n");
        List<String> args = new ArrayList<>(List.of("sweep", rec.toString(), truth.toString()));
        args.addAll(options);
        Run r = run(args.toArray(String[]::new));
        assertThat(r.code()).as(r.out() + r.err()).isEqualTo(2);
        assertThat(r.err()).contains(message);
        assertThat(r.err().lines().count()).isLessThanOrEqualTo(2);
    }

    @Test
    void detectTakesOneThresholdAndPointsToSweepForARange() throws IOException {
        Path rec = dir.resolve("x.csv");
        Files.writeString(rec, "time_s,Im_pA\n0,1\n0.001,2\n");
        Run r = run("detect", rec.toString(), "--threshold", "2:6:1");
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err()).contains("--threshold takes a number (got '2:6:1'); ranges FROM:TO:STEP are for mepsc sweep");
    }

    @Test
    void aMissingTruthFileIsAnInputFailure() throws IOException {
        Path rec = simulated();
        Run r = run("sweep", rec.toString(), dir.resolve("nope.csv").toString(), "--threshold", "3");
        assertThat(r.code()).isEqualTo(1);
        assertThat(r.err()).contains("nope.csv");
    }

    @Test
    void anOutFolderThatIsAFileIsNamedWithTheProblem() throws IOException {
        Path rec = simulated();
        Path truth = dir.resolve("cell.truth.csv");
        Path file = Files.writeString(dir.resolve("taken"), "x");
        Run r = run("sweep", rec.toString(), truth.toString(), "--threshold", "3:4:1", "--out", file.toString());
        assertThat(r.code()).as(r.err()).isEqualTo(1);
        assertThat(r.err().strip()).isEqualTo("mepsc: " + file + ": already exists and is not a folder; name a folder or a new path");
        assertThat(Files.readString(file)).isEqualTo("x");
    }

    @Test
    void benchmarkRefusesAnOutThatIsAFileBeforeRunning() throws IOException {
        Path file = Files.writeString(dir.resolve("taken"), "x");
        Run r = run("benchmark-accuracy", "--quick", "--out", file.toString());
        assertThat(r.code()).as(r.err()).isEqualTo(2);
        assertThat(r.err().strip()).isEqualTo("mepsc: --out " + file + " is a file; name a folder (it is created if missing)");
        assertThat(Files.readString(file)).isEqualTo("x");
    }

    static Stream<Arguments> benchmarkUsageErrors() {
        return Stream.of(
                Arguments.of(List.of("--seeds", "0"), "seeds must be between 1 and 1000"),
                Arguments.of(List.of("--duration-s", "0.5"), "duration must be between 1 and 3600"),
                Arguments.of(List.of("--threads", "0"), "--threads must be at least 1"),
                Arguments.of(List.of("--report", "notes.txt"), "--report must name a markdown file"),
                Arguments.of(List.of("--method", "magic"), "--method"),
                Arguments.of(List.of("--tolerance-ms", "-1"), "tolerance must be between"));
    }

    @ParameterizedTest
    @MethodSource("benchmarkUsageErrors")
    void benchmarkUsageErrorsExitTwoBeforeAnythingRuns(List<String> options, String message) {
        List<String> args = new ArrayList<>(List.of("benchmark-accuracy", "--out", dir.resolve("b").toString()));
        args.addAll(options);
        Run r = run(args.toArray(String[]::new));
        assertThat(r.code()).as(r.out() + r.err()).isEqualTo(2);
        assertThat(r.err()).contains(message);
        assertThat(dir.resolve("b")).doesNotExist();
    }

    @Test
    void benchmarkRefusesAFolderWithoutEventerData() throws IOException {
        Path empty = Files.createDirectory(dir.resolve("empty"));
        Run r = run("benchmark-accuracy", "--out", dir.resolve("b").toString(), "--real-data", empty.toString());
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err()).contains("no Eventer recordings");
        r = run("benchmark-accuracy", "--out", dir.resolve("b").toString(), "--real-data", dir.resolve("none").toString());
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err()).contains("--real-data must be a folder");
    }

    @Test
    void assumeUnitReadsAMislabelledFileAsCurrent() {
        Path groupA = RealData.file("eventer_GroupA.abf");
        Run r = run("info", groupA.toString(), "--assume-unit", "mA");
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.out()).contains("mA  (read as pA)").contains("units read as 'mA'");
        Run bad = run("info", groupA.toString(), "--assume-unit", "lumen");
        assertThat(bad.code()).isEqualTo(2);
        assertThat(bad.err()).contains("--assume-unit").contains("'lumen'");
        Run batch = run("batch", dir.toString(), "--out", dir.resolve("o").toString(), "--assume-unit", "mA");
        assertThat(batch.code()).isEqualTo(2);
        assertThat(batch.err()).contains("--assume-unit applies to one file at a time");
    }
}
