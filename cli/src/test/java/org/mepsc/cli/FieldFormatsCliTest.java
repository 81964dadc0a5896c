package org.mepsc.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.mepsc.json.Json;
import org.mepsc.testing.RealData;

/**
 * {@code mepsc info} and {@code mepsc export} on the real HEKA, WinWCP and AxoGraph files, and
 * {@code --series} choosing a HEKA series (skipped when ../shared/testdata/real is absent).
 */
class FieldFormatsCliTest {

    @TempDir
    Path tmp;

    /** Exit code, standard output and standard error of one run. */

    private static Run mepsc(String... args) {
        return Run.of(args);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({
        "hekaimport_test2.dat, HEKA v2x71, 1, 42020, 'time_s,I-mon_pA,Vmon_mV'",
        "myokit_wcp-file.wcp, WCP 9, 11, 256, 'time_s,sweep,Im_pA,Vm_mV'",
        "axographio_AxoGraph_X_File.axgx, AXG 5, 1, 1000, 'time_s,Current_pA,ch1,ch2,ch3,ch4,ch5'"})
    void infoAndExportWork(String name, String format, int sweeps, int samples, String header) throws IOException {
        Path file = RealData.file(name);
        Run info = mepsc("info", file.toString());
        assertThat(info.code()).as(info.err()).isZero();
        assertThat(info.out()).contains("format:            " + format)
                .contains("sweeps:            " + sweeps + "\n")
                .contains("samples per sweep: " + samples + "\n");

        Run json = mepsc("info", "--json", file.toString());
        assertThat(json.code()).isZero();
        JsonNode node = Json.mapper().readTree(json.out());
        assertThat(node.get("sweep_count").asInt()).isEqualTo(sweeps);

        Path csv = tmp.resolve(name + ".csv");
        Run export = mepsc("export", file.toString(), "--out", csv.toString());
        assertThat(export.code()).as(export.err()).isZero();
        List<String> lines = Files.readAllLines(csv);
        assertThat(lines.get(0)).isEqualTo(header);
        assertThat(lines).hasSize(sweeps * samples + 1);
    }

    @Test
    void infoListsTheSeriesOfAHekaFileAndSeriesChoosesOne() throws IOException {
        Path file = RealData.file("hekaimport_test2.dat");
        Run info = mepsc("info", file.toString());
        assertThat(info.out()).contains("HEKA series 1.1 of 9 (group 'E-25', series 'Ramp')")
                .contains("series 1.2: 'E-25' / 'IV', 27 sweeps, traces I-mon (A, 3000 samples)")
                .contains("series 4.5: 'E-28' / 'IV', 25 sweeps");

        Run chosen = mepsc("info", "--series", "4.5", file.toString());
        assertThat(chosen.code()).as(chosen.err()).isZero();
        assertThat(chosen.out()).contains("sweeps:            25\n").contains("protocol:          IV\n")
                .contains("HEKA series 4.5 of 9 (group 'E-28'");

        Path csv = tmp.resolve("iv.csv");
        Run export = mepsc("export", "--series", "1.2", "--sweep", "26", "--channel", "I-mon", file.toString(),
                "--out", csv.toString());
        assertThat(export.code()).as(export.err()).isZero();
        List<String> lines = Files.readAllLines(csv);
        assertThat(lines.get(0)).isEqualTo("time_s,I-mon_pA");
        assertThat(lines).hasSize(3001);
    }

    @ParameterizedTest(name = "--series {0}")
    @CsvSource({"9.1, no series 9.1", "1.3, no series 1.3", "x, --series must be G.S", "0.1, from 1"})
    void refusesASeriesThatIsNotThereWithExitCode2(String series, String message) {
        Path file = RealData.file("hekaimport_test2.dat");
        Run run = mepsc("info", "--series", series, file.toString());
        assertThat(run.code()).isEqualTo(ExitCode.USAGE);
        assertThat(run.out()).isEmpty();
        assertThat(run.err().strip()).doesNotContain("\n").contains(message).startsWith("mepsc: ")
                .doesNotContain("Exception");
    }
}
