package org.mepsc.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mepsc.json.Json;

/** {@code mepsc detect} on damaged recordings: the exclusions are printed and in the summary JSON. */
class BrokenTraceCliTest {

    @TempDir
    Path dir;

    /** What becomes of the value v at time t: the text written instead, or null to keep it. */
    @FunctionalInterface
    interface Damage {
        String value(double t, double v);
    }

    /** A gap from a to b, and a 5 nA deflection clipped at -2 nA from c to d. */
    private static Damage gapAndClip(double a, double b, double c, double d) {
        return (t, v) -> in(t, a, b) ? "NaN" : in(t, c, d) ? Float.toString(Math.max((float) v - 5000, -2000f)) : null;
    }

    /** A simulated 20 s CSV with some values replaced. */
    private Path damaged(String name, double rateHz, Damage damage) throws IOException {
        Path clean = dir.resolve(name + ".clean.csv");
        Run sim = Run.of("simulate", clean.toString(), "--duration-s", "20", "--rate-hz",
                Double.toString(rateHz), "--seed", "5", "--amplitude-median-pA", "20");
        assertThat(sim.code()).as(sim.err()).isZero();
        List<String> lines = Files.readAllLines(clean);
        List<String> out = new ArrayList<>(lines.size());
        out.add(lines.get(0));
        for (String line : lines.subList(1, lines.size())) {
            int comma = line.indexOf(',');
            double t = Double.parseDouble(line.substring(0, comma));
            double v = Double.parseDouble(line.substring(comma + 1));
            String d = damage.value(t, v);
            out.add(d == null ? line : line.substring(0, comma + 1) + d);
        }
        Path broken = dir.resolve(name + ".csv");
        Files.write(broken, out);
        return broken;
    }

    private static boolean in(double t, double a, double b) {
        return t >= a && t < b;
    }

    @Test
    void detectReportsTheExcludedStretchesOfACsvAndOfAnAbfClippedAtFullScale() throws IOException {
        // a 0.5 s gap (NaN) at 5 s, a 5 nA deflection clipped at -2 nA for 0.3 s at 11 s
        Path csv = damaged("broken", 4, gapAndClip(5, 5.5, 11, 11.3));
        Path json = dir.resolve("broken.json");
        Run r = Run.of("detect", csv.toString(), "--summary", json.toString());
        assertThat(r.code()).as(r.err()).isZero();
        JsonNode s = Json.mapper().readTree(json.toFile());
        assertThat(s.get("excluded_s").asDouble()).isBetween(0.8, 1.05);
        assertThat(s.get("analysed_duration_s").asDouble() + s.get("excluded_s").asDouble()).isCloseTo(20, within(1e-6));
        List<String> reasons = new ArrayList<>();
        s.get("excluded").forEach(e -> {
            assertThat(e.get("end_s").asDouble()).isGreaterThan(e.get("start_s").asDouble());
            assertThat(e.get("sweep").asInt()).isZero();
            reasons.add(e.get("reason").asText());
        });
        assertThat(reasons).containsExactly("sweep-edge", "non-finite", "saturation", "sweep-edge");
        assertThat(s.get("excluded").get(1).get("start_s").asDouble()).isBetween(4.9, 5.0);
        assertThat(s.get("excluded").get(1).get("end_s").asDouble()).isBetween(5.5, 5.6);
        assertThat(s.get("event_count").asInt()).isBetween(60, 100);

        // the same clipped deflection in an ABF file: int16 full scale after the file's scaling
        Path sat = damaged("saturated", 4, gapAndClip(0, 0, 11, 11.3));
        Path abf = dir.resolve("saturated.abf");
        Run export = Run.of("export", sat.toString(), "--format", "abf", "--out", abf.toString());
        assertThat(export.code()).as(export.err()).isZero();
        Run d = Run.of("detect", abf.toString());
        assertThat(d.code()).as(d.err()).isZero();
        assertThat(d.out()).containsPattern("excluded: +0\\.3\\d+ s in 3 stretches \\(1 saturation, 2 sweep-edge\\)");
    }

    @Test
    void aRecordingWithoutEventsReportsZeroEventsAndExitsZero() throws IOException {
        Path quiet = dir.resolve("quiet.csv");
        Run sim = Run.of("simulate", quiet.toString(), "--duration-s", "20", "--rate-hz", "0", "--seed", "5");
        assertThat(sim.code()).as(sim.err()).isZero();
        Path json = dir.resolve("quiet.json");
        Run r = Run.of("detect", quiet.toString(), "--summary", json.toString());
        assertThat(r.code()).as(r.err()).isZero();
        JsonNode s = Json.mapper().readTree(json.toFile());
        assertThat(s.get("event_count").asInt()).isLessThanOrEqualTo(3);
        assertThat(s.get("analysed_duration_s").asDouble()).isGreaterThan(19.9);
        assertThat(s.get("excluded_s").asDouble()).isLessThan(0.05);
    }

    @Test
    void aRecordingThatIsAllGapHasNoFrequency() throws IOException {
        Path gap = damaged("gap", 4, (t, v) -> "NaN");
        Path json = dir.resolve("gap.json");
        Run r = Run.of("detect", gap.toString(), "--summary", json.toString());
        assertThat(r.code()).as(r.err()).isZero();
        JsonNode s = Json.mapper().readTree(json.toFile());
        assertThat(s.get("event_count").asInt()).isZero();
        assertThat(s.get("analysed_duration_s").asDouble()).isZero();
        assertThat(s.get("frequency_hz").isNull()).isTrue();
        assertThat(s.get("excluded_s").asDouble()).isCloseTo(20, within(1e-9));
    }
}
