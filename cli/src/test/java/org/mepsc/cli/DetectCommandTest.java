package org.mepsc.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mepsc.json.Json;

/** {@code mepsc detect} on a simulated recording: outputs, columns, keys, errors. */
class DetectCommandTest {

    @TempDir
    Path dir;


    static Run run(String... args) {
        return Run.of(args);
    }

    private Path simulated() {
        Path abf = dir.resolve("cell.abf");
        Run r = run("simulate", abf.toString(), "--duration-s", "20", "--rate-hz", "4", "--seed", "11",
                "--amplitude-median-pA", "16", "--hum-hz", "60", "--hum-pA", "1.5");
        assertThat(r.code()).as(r.err()).isZero();
        return abf;
    }

    @Test
    void withOnlyTheFileASummaryIsPrinted() {
        Path abf = simulated();
        Run r = run("detect", abf.toString());
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.out()).contains("events:").contains("frequency:").contains("amplitude:").contains("template:")
                .contains("auto");
    }

    @Test
    void eventsCsvAndSummaryJsonHaveTheDocumentedShape() throws IOException {
        Path abf = simulated();
        Path csv = dir.resolve("events.csv");
        Path json = dir.resolve("summary.json");
        Run r = run("detect", abf.toString(), "--out", csv.toString(), "--summary", json.toString());
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.out()).isEmpty();
        List<String> lines = Files.readAllLines(csv);
        assertThat(lines.get(0)).isEqualTo("file,channel,sweep,event,onset_s,peak_s,amplitude_pA,baseline_pA,"
                + "rise_10_90_ms,decay_tau_ms,decay_r2,half_decay_ms,half_width_ms,charge_fC,iei_ms,score,overlap");
        assertThat(lines).hasSizeGreaterThan(50);
        String[] first = lines.get(1).split(",", -1);
        assertThat(first).hasSize(17);
        assertThat(first[3]).isEqualTo("0");
        assertThat(Double.parseDouble(first[6])).isPositive();
        JsonNode s = Json.mapper().readTree(json.toFile());
        for (String key : List.of("file", "channel", "method", "event_count", "analysed_duration_s", "frequency_hz",
                "amplitude_pA", "rise_10_90_ms", "decay_tau_ms", "noise_sd_pA", "threshold",
                "expected_false_positive_rate_hz", "template", "parameters", "version")) {
            assertThat(s.has(key)).as(key).isTrue();
        }
        assertThat(s.get("event_count").asInt()).isEqualTo(lines.size() - 1);
        assertThat(s.get("amplitude_pA").get("median").asDouble()).isBetween(10.0, 25.0);
        assertThat(s.get("frequency_hz").asDouble()).isCloseTo(4, within(1.2));
        assertThat(s.get("template").get("source").asText()).isEqualTo("auto");
        assertThat(s.get("parameters").get("notch").get("hz").toString()).contains("60");
        assertThat(s.get("method").asText()).isEqualTo("deconvolution");
    }

    @Test
    void rejectedCandidatesCanBeKeptWithTheirReason() throws IOException {
        Path abf = simulated();
        Path csv = dir.resolve("all.csv");
        Run r = run("detect", abf.toString(), "--out", csv.toString(), "--keep-rejected", "--threshold", "3",
                "--method", "template", "--rise-ms", "0.5", "--decay-ms", "4");
        assertThat(r.code()).as(r.err()).isZero();
        List<String> lines = Files.readAllLines(csv);
        assertThat(lines.get(0)).endsWith(",overlap,accepted,reason");
        assertThat(lines.stream().skip(1).filter(l -> l.endsWith(",false," + l.substring(l.lastIndexOf(',') + 1))
                && !l.endsWith(","))).allSatisfy(l -> assertThat(l).matches(".*,false,[a-z_]+$"));
        assertThat(lines.stream().skip(1).anyMatch(l -> l.endsWith(",true,"))).isTrue();
    }

    @Test
    void badOptionsAreUsageErrors() {
        Path abf = simulated();
        assertThat(run("detect", abf.toString(), "--method", "magic").code()).isEqualTo(2);
        assertThat(run("detect", abf.toString(), "--rise-ms", "0.5").code()).isEqualTo(2);
        assertThat(run("detect", abf.toString(), "--rise-ms", "5", "--decay-ms", "1").code()).isEqualTo(2);
        assertThat(run("detect", abf.toString(), "--sweeps", "3").code()).isEqualTo(2);
        assertThat(run("detect", abf.toString(), "--exclude", "five-six").code()).isEqualTo(2);
        assertThat(run("detect", abf.toString(), "--notch-hz", "55").code()).isEqualTo(2);
        assertThat(run("detect", abf.toString(), "--keep-rejected").code()).isEqualTo(2);
        Run same = run("detect", abf.toString(), "--out", abf.toString());
        assertThat(same.code()).isNotZero();
        assertThat(same.err().lines()).hasSize(1);
    }

    @Test
    void aMissingFileIsAnInputError() {
        Run r = run("detect", dir.resolve("nope.abf").toString());
        assertThat(r.code()).isEqualTo(1);
        assertThat(r.err()).contains("nope.abf");
    }
}
