package org.mepsc.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mepsc.io.RecordingWriters;
import org.mepsc.sim.SimulatedRecording;
import org.mepsc.sim.SimulationParameters;
import org.mepsc.sim.Simulator;

class BatchCommandTest {

    private static final SimulationParameters SHORT = SimulationParameters.defaults().withDurationS(10)
            .withSampleRateHz(10_000).withRateHz(3);

    @TempDir
    Path dir;

    private static Run mepsc(String... args) {
        return Run.of(args);
    }

    private Path abf(String name, long seed) throws IOException {
        Path file = dir.resolve(name);
        Files.createDirectories(file.getParent());
        SimulatedRecording sim = Simulator.simulate(SHORT.withSeed(seed));
        RecordingWriters.standard().byName("abf").write(sim, sim.channels(), sim.sweeps(), file, List.of());
        return file;
    }

    @Test
    void folderWithABadFile() throws IOException {
        abf("data/control/c1.abf", 1);
        abf("data/drug/d1.abf", 2);
        Files.write(dir.resolve("data/drug/broken.abf"), new byte[0]);
        Path out = dir.resolve("out");
        Run r = mepsc("batch", dir.resolve("data").toString(), "--out", out.toString(), "--no-compare");
        assertThat(r.code()).isEqualTo(ExitCode.INPUT_FAILED);
        assertThat(r.out()).contains("3 files, ").containsPattern("\\[1/3\\] ").containsPattern("\\[3/3\\] ")
                .containsPattern("control/c1\\.abf: \\d+ events in 10 s \\(\\d+\\.\\d s\\)")
                .contains("drug/broken.abf: FAILED: file is empty (0 bytes)")
                .contains("3 files: 2 analysed, 0 up to date, 1 failed; 3 cells, 2 ok");
        String nl = System.lineSeparator();
        assertThat(r.err()).isEqualTo("mepsc: 1 of 3 files failed (listed in " + out.resolve("failures.csv") + "):" + nl
                + "mepsc: drug/broken.abf: file is empty (0 bytes)" + nl);
        List<CSVRecord> cells = CompareCommandTest.csv(out.resolve("cells.csv"));
        assertThat(cells).extracting(c -> c.get("cell")).containsExactly("c1", "broken", "d1");
        assertThat(cells).extracting(c -> c.get("group")).containsExactly("control", "drug", "drug");

        // each file's outputs are what mepsc detect writes for it (the file named by its path in the input folder)
        Path c1 = dir.resolve("data/control/c1.abf");
        Run detect = mepsc("detect", c1.toString(), "--out", dir.resolve("c1.csv").toString(),
                "--summary", dir.resolve("c1.json").toString());
        assertThat(detect.code()).as(detect.err()).isZero();
        Path files;
        try (Stream<Path> s = Files.list(out.resolve("files"))) {
            files = s.filter(p -> p.getFileName().toString().startsWith("control_c1.abf-")).findFirst().orElseThrow();
        }
        List<String> batchRows = Files.readAllLines(files.resolve("events.csv"));
        List<String> detectRows = Files.readAllLines(dir.resolve("c1.csv"));
        assertThat(batchRows).hasSameSizeAs(detectRows).hasSizeGreaterThan(10);
        assertThat(batchRows.get(0)).isEqualTo(detectRows.get(0));
        for (int i = 1; i < batchRows.size(); i++) {
            assertThat(batchRows.get(i)).isEqualTo(detectRows.get(i).replace(c1.toString() + ",", "control/c1.abf,"));
        }
        com.fasterxml.jackson.databind.JsonNode fromBatch = org.mepsc.json.Json.mapper().readTree(files.resolve("summary.json").toFile());
        com.fasterxml.jackson.databind.node.ObjectNode fromDetect = (com.fasterxml.jackson.databind.node.ObjectNode)
                org.mepsc.json.Json.mapper().readTree(dir.resolve("c1.json").toFile());
        fromDetect.put("file", "control/c1.abf");
        assertThat(fromBatch).isEqualTo(fromDetect);

        Run again = mepsc("batch", dir.resolve("data").toString(), "--out", out.toString(), "--no-compare");
        assertThat(again.code()).isEqualTo(ExitCode.INPUT_FAILED);
        assertThat(again.out()).contains("control/c1.abf: up to date (").contains("drug/d1.abf: up to date (")
                .contains("3 files: 0 analysed, 2 up to date, 1 failed");

        Files.delete(dir.resolve("data/drug/broken.abf"));
        Run fixed = mepsc("batch", dir.resolve("data").toString(), "--out", out.toString(), "--bootstrap", "200");
        assertThat(fixed.err()).isEmpty();
        assertThat(fixed.code()).isEqualTo(ExitCode.OK);
        assertThat(fixed.out()).contains("2 files: 0 analysed, 2 up to date, 0 failed; 2 cells, 2 ok")
                .contains("groups (by group): control 1 cells, drug 1 cells; control: control");
        assertThat(CompareCommandTest.csv(out.resolve("failures.csv"))).isEmpty();
        assertThat(out.resolve("report.html")).isRegularFile();
    }

    @Test
    void manifestProblemsAreUsageErrorsNamingTheLine() throws IOException {
        abf("data/a.abf", 1);
        Path m = dir.resolve("data/manifest.csv");
        Files.writeString(m, "file,cell,group\na.abf,a,control\nb.abf,b,drug\n", StandardCharsets.UTF_8);
        Run r = mepsc("batch", m.toString(), "--out", dir.resolve("out").toString());
        assertThat(r.code()).isEqualTo(ExitCode.USAGE);
        assertThat(r.err()).isEqualTo("mepsc: " + m + ": line 3: no such file 'b.abf' (looked for "
                + dir.resolve("data/b.abf") + ")" + System.lineSeparator());
        assertThat(dir.resolve("out")).doesNotExist();

        Files.writeString(m, "path,cell,group\na.abf,a,control\n", StandardCharsets.UTF_8);
        Run columns = mepsc("batch", m.toString(), "--out", dir.resolve("out").toString());
        assertThat(columns.code()).isEqualTo(ExitCode.USAGE);
        assertThat(columns.err()).startsWith("mepsc: " + m + ": no column 'file'");
    }

    @Test
    void usageErrors() throws IOException {
        abf("data/control/a.abf", 1);
        String data = dir.resolve("data").toString();
        String out = dir.resolve("out").toString();
        List<String[]> cases = List.of(
                new String[] {"--jobs", "-1"},
                new String[] {"--control", "saline"},
                new String[] {"--rise-ms", "0.5"},
                new String[] {"--template", "fixed"},
                new String[] {"--method", "magic"},
                new String[] {"--notch-hz", "45"},
                new String[] {"--threshold", "-3"},
                new String[] {"--exclude", "5"},
                new String[] {"--by", "genotype"});
        for (String[] extra : cases) {
            List<String> args = new ArrayList<>(List.of("batch", data, "--out", out));
            args.addAll(List.of(extra));
            Run r = mepsc(args.toArray(String[]::new));
            assertThat(r.code()).as(String.join(" ", extra)).isEqualTo(ExitCode.USAGE);
            // one line saying what is wrong (a parse error adds the pointer to --help)
            assertThat(r.err()).as(String.join(" ", extra)).startsWith("mepsc: ");
            assertThat(r.err().lines().skip(1)).as(String.join(" ", extra))
                    .allSatisfy(l -> assertThat(l).isEqualTo("Try 'mepsc batch --help' for the options."));
        }
        Run noOut = mepsc("batch", data);
        assertThat(noOut.code()).isEqualTo(ExitCode.USAGE);
        assertThat(noOut.err()).contains("Missing required option: '--out=DIR'");
        Run sameFolder = mepsc("batch", data, "--out", data);
        assertThat(sameFolder.code()).isEqualTo(ExitCode.USAGE);
        assertThat(sameFolder.err()).startsWith("mepsc: --out must not be the input folder itself");
    }

    /** A batch killed outright (SIGKILL, no chance to clean up) resumes where it stopped. */
    @Test
    void aKilledBatchResumes() throws Exception {
        StringBuilder manifest = new StringBuilder("file,cell,group\n");
        for (int i = 0; i < 5; i++) {
            abf("data/c" + i + ".abf", 30 + i);
            manifest.append("c").append(i).append(".abf,c").append(i).append(',').append(i < 3 ? "control" : "drug").append('\n');
        }
        Path m = dir.resolve("data/manifest.csv");
        Files.writeString(m, manifest, StandardCharsets.UTF_8);
        Path out = dir.resolve("out");
        String java = ProcessHandle.current().info().command().orElse("java");
        Process child = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"), Main.class.getName(),
                "batch", m.toString(), "--out", out.toString(), "--jobs", "1", "--no-compare")
                .redirectErrorStream(true).redirectOutput(dir.resolve("child.log").toFile()).start();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
        while (records(out) < 1 && child.isAlive() && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }
        child.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
        assertThat(records(out)).as(Files.readString(dir.resolve("child.log"))).isBetween(1L, 4L);
        assertThat(out.resolve("cells.csv")).doesNotExist();

        Run resumed = mepsc("batch", m.toString(), "--out", out.toString(), "--no-compare");
        assertThat(resumed.err()).isEmpty();
        assertThat(resumed.code()).isEqualTo(ExitCode.OK);
        assertThat(resumed.out()).contains("up to date (");
        assertThat(CompareCommandTest.csv(out.resolve("cells.csv"))).hasSize(5)
                .allSatisfy(c -> assertThat(c.get("status")).isEqualTo("ok"));
        try (Stream<Path> s = Files.walk(out)) {
            assertThat(s.filter(p -> p.getFileName().toString().endsWith(".part"))).isEmpty();
        }
    }

    private static long records(Path out) throws IOException {
        if (!Files.isDirectory(out.resolve("files"))) {
            return 0;
        }
        try (Stream<Path> s = Files.walk(out.resolve("files"))) {
            return s.filter(p -> p.getFileName().toString().equals("record.json")).count();
        }
    }
}
