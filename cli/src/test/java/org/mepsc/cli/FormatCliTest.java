package org.mepsc.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.mepsc.json.Json;

/** info and export on the NWB, CSV, ATF and raw formats, through the command line. */
class FormatCliTest {

    @TempDir
    Path dir;


    private static Run run(String... args) {
        return Run.of(args);
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"empty.nwb", "broken.nwb", "plain.h5", "ragged.csv", "irregular.csv", "bad.atf", "nolayout.raw"})
    void infoOnABadFilePrintsOneLineAndExitsOne(String name) throws Exception {
        Path f = dir.resolve(name);
        switch (name) {
            case "empty.nwb": Files.createFile(f); break;
            case "broken.nwb": Files.write(f, new byte[] {(byte) 0x89, 'H', 'D', 'F', '\r', '\n', 0x1a, '\n', 2, 0, 0}); break;
            case "plain.h5":
                try (io.jhdf.WritableHdfFile h = io.jhdf.HdfFile.write(f)) {
                    h.putDataset("x", new int[] {1});
                }
                break;
            case "ragged.csv": Files.writeString(f, "time_s,IN0_pA\n0,1\n0.1\n"); break;
            case "irregular.csv": Files.writeString(f, "time_s,IN0_pA\n0,1\n0.1,1\n0.35,1\n"); break;
            case "bad.atf": Files.writeString(f, "ATF\t1.0\n2\t3\n\"Comment=\"\n"); break;
            default: Files.write(f, new byte[16]); break;
        }
        Run r = run("info", f.toString());
        assertThat(r.code()).isEqualTo(ExitCode.INPUT_FAILED);
        assertThat(r.out()).isEmpty();
        assertThat(r.err().strip()).startsWith("mepsc: " + f).doesNotContain("\n").doesNotContain("Exception");
    }

    @Test
    void exportToNwbAndRawThenReadBack() throws Exception {
        Path csv = Files.writeString(dir.resolve("in.csv"), "time_s,sweep,IN0_pA\n0,0,1.5\n0.001,0,2.5\n0.002,0,3.5\n"
                + "1,1,-1\n1.001,1,-2\n1.002,1,-3\n");
        for (String format : new String[] {"nwb", "raw"}) {
            Path out = dir.resolve("out." + format);
            Run export = run("export", csv.toString(), "--format", format, "--out", out.toString());
            assertThat(export.code()).as(export.err()).isZero();
            Run info = run("info", out.toString(), "--json");
            assertThat(info.code()).as(info.err()).isZero();
            JsonNode j = Json.mapper().readTree(info.out());
            assertThat(j.get("format").asText()).isEqualTo(format.toUpperCase());
            assertThat(j.get("sweep_count").asInt()).isEqualTo(2);
            assertThat(j.get("sample_rate_hz").asDouble()).isEqualTo(1000.0);
            assertThat(j.get("sweep_start_s").get(1).asDouble()).isEqualTo(1.0);
            Run back = run("export", out.toString(), "--sweep", "1");
            assertThat(back.out()).isEqualTo("time_s,IN0_pA\n1.0,-1.0\n1.001,-2.0\n1.002,-3.0\n");
        }
    }

    @Test
    void exportNeedsAFileForBinaryFormats() throws Exception {
        Path csv = Files.writeString(dir.resolve("in.csv"), "time_s,IN0_pA\n0,1\n0.001,2\n");
        Run r = run("export", csv.toString(), "--format", "nwb");
        assertThat(r.code()).isEqualTo(ExitCode.USAGE);
        assertThat(r.err()).contains("--out F.nwb");
    }
}
