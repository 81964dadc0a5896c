package org.mepsc.batch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mepsc.compare.BatchFiles;
import org.mepsc.io.RecordingReaders;
import org.mepsc.io.RecordingWriters;
import org.mepsc.pipeline.DetectionParameters;
import org.mepsc.sim.SimulatedRecording;
import org.mepsc.sim.SimulationParameters;
import org.mepsc.sim.Simulator;

/** Bad files, resume and interruption, on short simulated recordings. */
class BatchRunTest {

    private static final SimulationParameters SHORT = SimulationParameters.defaults().withDurationS(10)
            .withSampleRateHz(10_000).withRateHz(4);

    @TempDir
    Path dir;

    private Path cell(String name, long seed) throws IOException {
        Path file = dir.resolve("data").resolve(name + ".abf");
        Files.createDirectories(file.getParent());
        SimulatedRecording sim = Simulator.simulate(SHORT.withSeed(seed));
        RecordingWriters.standard().byName("abf").write(sim, sim.channels(), sim.sweeps(), file, List.of());
        return file;
    }

    private Path manifest(String... rows) throws IOException {
        Path m = dir.resolve("data/manifest.csv");
        Files.writeString(m, "file,cell,group,channel,exclude\n" + String.join("\n", rows) + "\n", StandardCharsets.UTF_8);
        return m;
    }

    private static BatchResult run(Path input, Path out, DetectionParameters p, int jobs) throws IOException {
        return Batch.run(BatchInput.read(input, RecordingReaders.standard(), out), p,
                BatchOptions.defaults(out).withJobs(jobs).withComparison(null), ProgressListener.NONE);
    }

    private static Map<String, FileOutcome.Status> statuses(BatchResult r) {
        return r.files().stream().collect(Collectors.toMap(f -> f.entry().cell(), FileOutcome::status));
    }

    @Test
    void badFilesAreListedAndTheRestCompletes() throws IOException {
        cell("good1", 1);
        cell("good2", 2);
        Path whole = cell("truncated", 3);
        byte[] bytes = Files.readAllBytes(whole);
        Files.write(whole, java.util.Arrays.copyOf(bytes, bytes.length / 2));
        Files.write(dir.resolve("data/empty.abf"), new byte[0]);
        Files.writeString(dir.resolve("data/text.abf"), "this is a lab note, not a recording\n");
        Path m = manifest("good1.abf,good1,control,,", "good2.abf,good2,drug,,", "truncated.abf,truncated,control,,",
                "empty.abf,empty,drug,,", "text.abf,text,drug,,", "good1.abf,wrongchannel,control,Vm,");
        Path out = dir.resolve("out");
        BatchResult r = run(m, out, DetectionParameters.defaults(), 0);

        assertThat(r.complete()).isFalse();
        assertThat(statuses(r)).containsEntry("good1", FileOutcome.Status.ANALYSED)
                .containsEntry("good2", FileOutcome.Status.ANALYSED);
        List<CSVRecord> failures = BatchCohortTest.csv(out.resolve("failures.csv"));
        assertThat(failures).extracting(f -> f.get("file")).containsExactly("truncated.abf", "empty.abf", "text.abf",
                "good1.abf");
        Map<String, String> reason = failures.stream().collect(Collectors.toMap(f -> f.get("cell"), f -> f.get("reason")));
        assertThat(reason.get("empty")).isEqualTo("file is empty (0 bytes)");
        assertThat(reason.get("text")).startsWith("not a recording mepsc can read");
        assertThat(reason.get("truncated")).isNotBlank();
        assertThat(reason.get("wrongchannel")).isEqualTo("no channel 'Vm' (channels are 0=Im)");
        reason.values().forEach(x -> assertThat(x).doesNotContain("\n").doesNotContain(dir.toString()));

        Map<String, CSVRecord> cells = BatchCohortTest.csv(out.resolve(BatchFiles.CELLS)).stream()
                .collect(Collectors.toMap(c -> c.get("cell"), c -> c));
        assertThat(cells).hasSize(6);
        for (String good : List.of("good1", "good2")) {
            assertThat(cells.get(good).get("status")).isEqualTo("ok");
            assertThat(Long.parseLong(cells.get(good).get("event_count"))).isGreaterThan(20);
            assertThat(Double.parseDouble(cells.get(good).get("analysed_duration_s"))).isGreaterThan(9.9);
        }
        assertThat(cells.get("empty").get("status")).isEqualTo("failed: its file could not be analysed (empty.abf: file is empty (0 bytes))");
        assertThat(cells.get("text").get("status")).startsWith("failed: ");
        assertThat(cells.get("truncated").get("status")).startsWith("failed: ");
        long goodEvents = cells.get("good1").get("event_count").transform(Long::parseLong)
                + cells.get("good2").get("event_count").transform(Long::parseLong);
        List<CSVRecord> events = BatchCohortTest.csv(out.resolve(BatchFiles.EVENTS));
        assertThat(events).hasSize((int) goodEvents);
        assertThat(events).extracting(e -> e.get("cell")).containsOnly("good1", "good2");
        assertThat(events.get(0).getParser().getHeaderNames()).startsWith("cell", "group", "file", "channel", "sweep");
        // every cell that has events has an average waveform and an example
        assertThat(BatchCohortTest.csv(out.resolve(BatchFiles.WAVEFORMS))).extracting(w -> w.get("cell"))
                .containsOnly("good1", "good2");
        assertThat(BatchCohortTest.csv(out.resolve(BatchFiles.EXAMPLES))).extracting(w -> w.get("cell"))
                .containsOnly("good1", "good2");
        assertThat(leftovers(out)).isEmpty();
    }

    @Test
    void resumeAnalysesOnlyWhatChanged() throws IOException {
        cell("a", 11);
        cell("b", 12);
        cell("c", 13);
        Path m = manifest("a.abf,a,control,,", "b.abf,b,control,,", "c.abf,c,drug,,");
        Path out = dir.resolve("out");
        DetectionParameters p = DetectionParameters.defaults();

        BatchResult first = run(m, out, p, 0);
        assertThat(statuses(first).values()).containsOnly(FileOutcome.Status.ANALYSED);
        String events = Files.readString(out.resolve(BatchFiles.EVENTS));
        String cells = Files.readString(out.resolve(BatchFiles.CELLS));

        BatchResult second = run(m, out, p, 0);
        assertThat(statuses(second).values()).containsOnly(FileOutcome.Status.UP_TO_DATE);
        assertThat(Files.readString(out.resolve(BatchFiles.EVENTS))).isEqualTo(events);
        assertThat(Files.readString(out.resolve(BatchFiles.CELLS))).isEqualTo(cells);
        assertThat(second.cells()).isEqualTo(first.cells());

        cell("b", 99); // a different recording under the same name
        assertThat(statuses(run(m, out, p, 0))).containsEntry("a", FileOutcome.Status.UP_TO_DATE)
                .containsEntry("b", FileOutcome.Status.ANALYSED).containsEntry("c", FileOutcome.Status.UP_TO_DATE);
        assertThat(Files.readString(out.resolve(BatchFiles.EVENTS))).isNotEqualTo(events);

        manifest("a.abf,a,control,,", "b.abf,b,control,,", "c.abf,c,drug,,2-4"); // an exclusion for c only
        BatchResult excluded = run(m, out, p, 0);
        assertThat(statuses(excluded)).containsEntry("a", FileOutcome.Status.UP_TO_DATE)
                .containsEntry("b", FileOutcome.Status.UP_TO_DATE).containsEntry("c", FileOutcome.Status.ANALYSED);
        assertThat(excluded.cells().get(2).analysedSeconds()).isLessThan(first.cells().get(2).analysedSeconds() - 1.9);

        assertThat(statuses(run(m, out, p.withThreshold(5.0), 0)).values()).containsOnly(FileOutcome.Status.ANALYSED);
        assertThat(statuses(Batch.run(BatchInput.read(m, RecordingReaders.standard(), out), p.withThreshold(5.0),
                BatchOptions.defaults(out).withComparison(null).withReuse(false), ProgressListener.NONE)).values())
                .containsOnly(FileOutcome.Status.ANALYSED);
    }

    @Test
    void anInterruptedBatchResumesWhereItStopped() throws IOException {
        List<Path> files = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            files.add(cell("cell" + i, 20 + i));
        }
        Path m = manifest("cell0.abf,cell0,control,,", "cell1.abf,cell1,control,,", "cell2.abf,cell2,drug,,",
                "cell3.abf,cell3,drug,,");
        DetectionParameters p = DetectionParameters.defaults();
        Path reference = dir.resolve("reference");
        run(m, reference, p, 2);

        // one file at a time; the run is interrupted as soon as the first file is done, while the second is analysed
        Path out = dir.resolve("out");
        ProgressListener interrupter = new ProgressListener() {
            @Override
            public void fileDone(FileOutcome outcome, int done, int total) {
                Thread.currentThread().interrupt();
            }
        };
        BatchInput input = BatchInput.read(m, RecordingReaders.standard(), out);
        BatchOptions one = BatchOptions.defaults(out).withJobs(1).withComparison(null);
        assertThatThrownBy(() -> Batch.run(input, p, one, interrupter)).isInstanceOf(InterruptedIOException.class)
                .hasMessage("interrupted after 1 of 4 files; the finished files are kept: run the same command again to resume");
        assertThat(Thread.interrupted()).isTrue();
        assertThat(leftovers(out)).isEmpty();
        assertThat(out.resolve(BatchFiles.CELLS)).doesNotExist();
        List<Path> records;
        try (Stream<Path> s = Files.walk(out)) {
            records = s.filter(f -> f.getFileName().toString().equals(FileRecord.NAME)).toList();
        }
        assertThat(records).hasSize(1);

        BatchResult resumed = Batch.run(input, p, one, ProgressListener.NONE);
        assertThat(resumed.count(FileOutcome.Status.UP_TO_DATE)).isEqualTo(1);
        assertThat(resumed.count(FileOutcome.Status.ANALYSED)).isEqualTo(3);
        // the same tables as a run never interrupted (which ran two files at a time)
        for (String table : List.of(BatchFiles.EVENTS, BatchFiles.CELLS, BatchFiles.WAVEFORMS, BatchFiles.EXAMPLES,
                BatchFiles.EXAMPLE_EVENTS, BatchTables.FAILURES)) {
            assertThat(Files.readString(out.resolve(table))).as(table).isEqualTo(Files.readString(reference.resolve(table)));
        }
    }

    @Test
    void aCellSpanningFilesPoolsTheirEvents() throws IOException {
        cell("x1", 41);
        cell("x2", 42);
        cell("y", 43);
        Path m = dir.resolve("data/manifest.csv");
        Files.writeString(m, "file,cell,group,channel,exclude,genotype\nx1.abf,x,control,,,wt\nx2.abf,x,control,,0-1,wt\n"
                + "y.abf,y,drug,0,,ko\n", StandardCharsets.UTF_8);
        Path out = dir.resolve("out");
        BatchResult r = run(m, out, DetectionParameters.defaults(), 0);
        assertThat(r.complete()).isTrue();

        List<CSVRecord> files = BatchCohortTest.csv(out.resolve(BatchTables.FILES));
        assertThat(files).extracting(f -> f.get("exclude")).containsExactly("", "0.0-1.0", "");
        List<CSVRecord> xFiles = files.stream().filter(f -> f.get("cell").equals("x")).toList();
        assertThat(xFiles).hasSize(2);
        long events = xFiles.stream().mapToLong(f -> Long.parseLong(f.get("event_count"))).sum();
        double seconds = xFiles.stream().mapToDouble(f -> Double.parseDouble(f.get("analysed_duration_s"))).sum();
        assertThat(seconds).isCloseTo(19, org.assertj.core.api.Assertions.within(0.1)); // 1 s of x2 left out
        assertThat(xFiles).allSatisfy(f -> assertThat(Double.parseDouble(f.get("analysed_duration_s"))
                + Double.parseDouble(f.get("excluded_s"))).isCloseTo(10, org.assertj.core.api.Assertions.within(1e-5)));
        assertThat(Double.parseDouble(xFiles.get(1).get("excluded_s"))).isGreaterThanOrEqualTo(1);
        double variance = xFiles.stream().mapToDouble(f -> Math.pow(Double.parseDouble(f.get("noise_sd_pA")), 2)
                * Double.parseDouble(f.get("analysed_duration_s"))).sum() / seconds;
        double[] amplitudes = BatchCohortTest.csv(out.resolve(BatchFiles.EVENTS)).stream()
                .filter(e -> e.get("cell").equals("x")).mapToDouble(e -> Double.parseDouble(e.get("amplitude_pA")))
                .sorted().toArray();
        assertThat(amplitudes).hasSize((int) events);

        CSVRecord x = BatchCohortTest.csv(out.resolve(BatchFiles.CELLS)).get(0);
        assertThat(x.get("cell")).isEqualTo("x");
        assertThat(x.get("files")).isEqualTo("2");
        assertThat(x.getParser().getHeaderNames()).endsWith("status", "genotype");
        assertThat(x.get("genotype")).isEqualTo("wt");
        assertThat(Long.parseLong(x.get("event_count"))).isEqualTo(events);
        assertThat(Double.parseDouble(x.get("analysed_duration_s"))).isCloseTo(seconds, org.assertj.core.api.Assertions.within(1e-5));
        assertThat(Double.parseDouble(x.get("frequency_hz"))).isCloseTo(events / seconds, org.assertj.core.api.Assertions.within(1e-5));
        double median = amplitudes.length % 2 == 1 ? amplitudes[amplitudes.length / 2]
                : (amplitudes[amplitudes.length / 2 - 1] + amplitudes[amplitudes.length / 2]) / 2;
        assertThat(Double.parseDouble(x.get("amplitude_median_pA"))).isCloseTo(median, org.assertj.core.api.Assertions.within(1e-4));
        assertThat(Double.parseDouble(x.get("noise_sd_pA"))).isCloseTo(Math.sqrt(variance), org.assertj.core.api.Assertions.within(1e-3));
        // the cell's average event is its files' averages weighted by their isolated events: one waveform per cell
        assertThat(BatchCohortTest.csv(out.resolve(BatchFiles.WAVEFORMS)).stream().filter(w -> w.get("cell").equals("x")))
                .hasSize(AverageEvent.POINTS);
    }

    @Test
    void aFolderInUseIsRefused() throws IOException {
        cell("a", 1);
        Path m = manifest("a.abf,a,control,,");
        Path out = dir.resolve("out");
        Files.createDirectories(out);
        try (java.nio.channels.FileChannel ch = java.nio.channels.FileChannel.open(out.resolve(Batch.LOCK),
                java.nio.file.StandardOpenOption.CREATE, java.nio.file.StandardOpenOption.WRITE);
                java.nio.channels.FileLock held = ch.lock()) {
            assertThatThrownBy(() -> run(m, out, DetectionParameters.defaults(), 0)).isInstanceOf(IOException.class)
                    .hasMessage(out + ": another mepsc batch is writing to this folder; wait for it to finish");
        }
        assertThat(out.resolve("files")).isEmptyDirectory();
    }

    /** Temporary files of unfinished outputs. */
    static List<Path> leftovers(Path out) throws IOException {
        try (Stream<Path> s = Files.walk(out)) {
            return s.filter(f -> f.getFileName().toString().endsWith(".part")).toList();
        }
    }
}
