package org.mepsc.accuracy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mepsc.pipeline.Method;

class AccuracyBenchmarkTest {

    @TempDir
    Path dir;

    @Test
    void aTinyGridWritesTheTablePlotsAndSummary() throws IOException {
        Protocol tiny = new Protocol(List.of(3.0, 8.0), 1, 8, 0, List.of(MethodUnderTest.of(Method.DECONVOLUTION)),
                List.of(0.5), List.of(8.0), List.of(50.0, 100.0), 8, 1.5);
        List<String> progress = new java.util.concurrent.CopyOnWriteArrayList<>();
        BenchmarkResult r = AccuracyBenchmark.run(tiny, List.of(), 2, (what, done, total) -> progress.add(done + "/" + total));

        assertThat(progress).hasSize(5).contains("5/5");
        assertThat(r.scenarios()).extracting(x -> x.scenario().kind())
                .containsExactly(Scenario.Kind.SNR, Scenario.Kind.SNR, Scenario.Kind.KINETICS, Scenario.Kind.THRESHOLD,
                        Scenario.Kind.THRESHOLD);
        ScenarioResult grid8 = r.scenarios().get(1);
        ScenarioResult half = r.scenarios().get(3);
        ScenarioResult same = r.scenarios().get(4);
        assertThat(same.trial()).isSameAs(grid8.trial()); // 100 % is the default run
        assertThat(half.thresholdAsked()).isEqualTo(grid8.thresholdAsked() / 2);
        assertThat(half.trial().score().nDetected()).isGreaterThanOrEqualTo(grid8.trial().score().nDetected());
        assertThat(r.scenarios().get(2).simulation().decayTauMs()).isEqualTo(2);
        assertThat(grid8.simulation().amplitudeMedianPa()).isEqualTo(16);
        assertThat(grid8.trial().f1()).isGreaterThan(0.8);
        assertThat(r.wallSeconds()).isPositive();

        List<Path> written = BenchmarkFiles.write(r, dir.resolve("out"), "mepsc benchmark-accuracy --test");
        Path out = dir.resolve("out");
        List<String> csv = Files.readAllLines(out.resolve("accuracy.csv"));
        assertThat(csv.get(0)).isEqualTo(String.join(",", AccuracyTables.SCENARIO_COLUMNS));
        assertThat(csv).hasSize(6);
        assertThat(csv.get(1)).startsWith("snr,deconvolution,3,9.54,1,1,8,1,50,2000,0.3,4,100,3,");
        assertThat(csv.get(3)).startsWith("kinetics,deconvolution,8,");
        assertThat(csv.get(4)).startsWith("threshold,deconvolution,8,").contains(",50,1.5,");
        for (String row : csv) {
            assertThat(row.split(",", -1)).hasSize(AccuracyTables.SCENARIO_COLUMNS.size());
        }
        for (String plot : List.of("f1_vs_snr", "snr_deconvolution", "kinetics", "threshold_sweep")) {
            byte[] png = Files.readAllBytes(out.resolve(plot + ".png"));
            assertThat(png).startsWith(0x89, 'P', 'N', 'G');
            assertThat(Files.readString(out.resolve(plot + ".svg"))).contains("<svg").contains("</svg>");
        }
        assertThat(written).contains(out.resolve("summary.md"), out.resolve("accuracy.csv"));
        String md = Files.readString(out.resolve("summary.md"));
        assertThat(md).contains("`mepsc benchmark-accuracy --test`")
                .contains("| target | deconvolution |")
                .contains("| F1 ≥ 0.95 at SNR ≥ 8 |")
                .contains("| F1 ≥ 0.75 at SNR 3 |")
                .contains("| decay 2.0 ms: F1 drops ≤ 0.05 |")
                .contains("| threshold at 50 %: F1 changes ≤ 0.05 |")
                .doesNotContain("| threshold at 150 %")
                .contains("![F1 against SNR](f1_vs_snr.png)")
                .contains("### deconvolution")
                .contains("| 3.0 | 9.5 | ");
        assertThat(out).isDirectoryContaining(p -> p.getFileName().toString().equals("kinetics.png"));

        Path report = BenchmarkFiles.writeReport(r, out, dir.resolve("docs/accuracy.md"), "x");
        assertThat(Files.readString(report)).contains("![F1 against SNR](../out/f1_vs_snr.png)");
    }

    @Test
    void theProtocolRefusesWhatCannotBeRun() {
        var methods = List.of(MethodUnderTest.of(Method.TEMPLATE));
        assertThatThrownBy(() -> new Protocol(List.of(3.0), 1, 8, 0, methods, List.of(0.5), List.of(8.0), List.of(), 3, 1.5))
                .hasMessageContaining("kinetics test's SNR 8.0 is not one of the SNR levels");
        assertThatThrownBy(() -> new Protocol(List.of(3.0), 1, 8, 0, methods, List.of(), List.of(), List.of(50.0), 5, 1.5))
                .hasMessageContaining("threshold sweep's SNR 5.0");
        assertThatThrownBy(() -> new Protocol(List.of(3.0), 0, 8, 0, methods, List.of(), List.of(), List.of(), 3, 1.5))
                .hasMessageContaining("seeds");
        assertThatThrownBy(() -> new Protocol(List.of(3.0), 1, 8, 0, List.of(methods.get(0), methods.get(0)), List.of(),
                List.of(), List.of(), 3, 1.5)).hasMessageContaining("same name");
        assertThat(Protocol.standard().scenarios()).hasSize(8 * 3 * 3 + 2 * 2 * 3 * 3 + 9 * 3 * 3);
    }
}
