package org.mepsc.batch;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mepsc.compare.BatchFiles;
import org.mepsc.compare.ComparisonResult.MeasureComparison;
import org.mepsc.compare.CellMeasure;
import org.mepsc.compare.GroupComparison;
import org.mepsc.io.RecordingReaders;
import org.mepsc.pipeline.DetectionParameters;
import org.mepsc.sim.SimulationParameters;
import org.mepsc.testing.SimulatedCohort;

/** Issue 5's end-to-end check: a simulated cohort through batch and compare. */
class BatchCohortTest {

    @TempDir
    Path dir;

    @Test
    void ketamineDoublesTheFrequencyAndLeavesAmplitudes() throws IOException {
        // six control cells at 2 Hz, six "ketamine" cells at 4 Hz, the same amplitude distribution;
        // cells vary around their group's rate and median amplitude by 15 %, as real cells do
        SimulationParameters base = SimulationParameters.defaults().withDurationS(60).withSampleRateHz(10_000);
        List<SimulatedCohort.Cell> cells = SimulatedCohort.write(dir.resolve("data"), new SimulatedCohort.Spec(base, 0.15, 5),
                new SimulatedCohort.Group("control", 6, 2, 15), new SimulatedCohort.Group("ketamine", 6, 4, 15));
        Path manifest = SimulatedCohort.manifest(dir.resolve("data/manifest.csv"), cells);
        Path out = dir.resolve("out");
        long t0 = System.nanoTime();
        BatchResult r = Batch.run(BatchInput.read(manifest, RecordingReaders.standard(), out), DetectionParameters.defaults(),
                BatchOptions.defaults(out).withComparison(GroupComparison.Options.defaults().withResamples(1000)),
                ProgressListener.NONE);
        System.out.printf("batch of %d files: %.1f s%n", cells.size(), (System.nanoTime() - t0) / 1e9);

        assertThat(r.complete()).isTrue();
        assertThat(r.count(FileOutcome.Status.ANALYSED)).isEqualTo(12);
        Map<String, SimulatedCohort.Cell> truth = SimulatedCohort.byName(cells);
        for (CSVRecord row : csv(out.resolve(BatchFiles.CELLS))) {
            SimulatedCohort.Cell t = truth.get(row.get("cell"));
            double f = Double.parseDouble(row.get("frequency_hz"));
            double error = f / t.trueFrequencyHz() - 1;
            System.out.printf("%s %s: detected %.3f Hz, true %.3f Hz, error %+.1f %%%n", t.name(), t.group(), f,
                    t.trueFrequencyHz(), 100 * error);
            assertThat(row.get("group")).isEqualTo(t.group());
            assertThat(row.get("status")).isEqualTo("ok");
            assertThat(Math.abs(error)).as("frequency error of %s", t.name()).isLessThan(0.10);
        }
        GroupComparison.Outcome c = r.comparison().orElseThrow();
        MeasureComparison freq = measure(c, CellMeasure.FREQUENCY);
        MeasureComparison amp = measure(c, CellMeasure.AMPLITUDE);
        System.out.printf("frequency: Mann-Whitney p %.4g, Welch p %.4g; amplitude: Mann-Whitney p %.4g, Welch p %.4g%n",
                freq.mannWhitney().p(), freq.welch().p(), amp.mannWhitney().p(), amp.welch().p());
        assertThat(freq.mannWhitney().p()).isLessThan(0.05);
        assertThat(freq.welch().p()).isLessThan(0.05);
        assertThat(amp.mannWhitney().p()).isGreaterThan(0.05);
        assertThat(amp.welch().p()).isGreaterThan(0.05);
        assertThat(out.resolve(BatchFiles.REPORT)).isRegularFile();
        assertThat(Files.readString(out.resolve(BatchFiles.REPORT))).contains("ketamine");
    }

    private static MeasureComparison measure(GroupComparison.Outcome c, CellMeasure m) {
        return c.result().measures().stream().filter(x -> x.measure() == m).findFirst().orElseThrow();
    }

    static List<CSVRecord> csv(Path file) throws IOException {
        try (Reader in = Files.newBufferedReader(file);
                CSVParser p = CSVParser.builder().setReader(in)
                        .setFormat(CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get()).get()) {
            return p.getRecords();
        }
    }
}
