package org.mepsc.batch;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.stream.DoubleStream;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVPrinter;
import org.apache.commons.csv.CSVRecord;
import org.mepsc.compare.BatchFiles;
import org.mepsc.json.Json;
import org.mepsc.output.AtomicOutput;
import org.mepsc.stats.Samples;
import org.mepsc.recording.SweepRanges;

/**
 * The batch's own tables, built from the files' outputs: events.csv (every event with its cell
 * and group, streamed file by file), cells.csv, files.csv, failures.csv, and the report's
 * waveforms.csv, examples.csv and example_events.csv. Only one cell's event values are in memory
 * at a time. Every table is written whole or not at all.
 */
final class BatchTables {

    static final String FILES = "files.csv";
    static final String FAILURES = "failures.csv";

    static final List<String> CELL_COLUMNS = List.of("cell", "group", "files", "event_count", "analysed_duration_s",
            "frequency_hz", "amplitude_median_pA", "amplitude_mean_pA", "rise_10_90_median_ms", "decay_tau_median_ms",
            "noise_sd_pA", "status");
    static final List<String> FILE_COLUMNS = List.of("file", "cell", "group", "channel", "sweeps", "exclude", "status",
            "event_count", "analysed_duration_s", "frequency_hz", "amplitude_median_pA", "noise_sd_pA", "threshold",
            "template_rise_ms", "template_decay_ms", "template_source", "seconds", "output", "reason", "excluded_s");
    static final List<String> FAILURE_COLUMNS = List.of("file", "cell", "group", "reason");

    private static final CSVFormat READ = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get();

    /** The tables written and the cells' rows. */
    record Written(List<CellSummary> cells, List<Path> files) {
    }

    private BatchTables() {
    }

    /**
     * @param done each entry's result, in input order
     */
    static Written write(BatchInput input, List<FileJob.Done> done, Path out, Collection<Path> inputs) throws IOException {
        Map<BatchEntry, FileJob.Done> byEntry = new java.util.IdentityHashMap<>();
        done.forEach(d -> byEntry.put(d.outcome().entry(), d));
        List<CellSummary> cells = new ArrayList<>();
        List<Path> written = new ArrayList<>();
        try (AtomicOutput events = AtomicOutput.create(out.resolve(BatchFiles.EVENTS), inputs);
                AtomicOutput waveforms = AtomicOutput.create(out.resolve(BatchFiles.WAVEFORMS), inputs);
                AtomicOutput examples = AtomicOutput.create(out.resolve(BatchFiles.EXAMPLES), inputs);
                AtomicOutput marks = AtomicOutput.create(out.resolve(BatchFiles.EXAMPLE_EVENTS), inputs)) {
            List<String> eventHeader = new ArrayList<>(List.of("cell", "group"));
            eventHeader.addAll(FileJob.EVENT_COLUMNS);
            CSVPrinter ev = printer(events.writer(), eventHeader);
            CSVPrinter wv = printer(waveforms.writer(), List.of("cell", "group", "t_ms", "current_pA"));
            CSVPrinter ex = printer(examples.writer(), List.of("cell", "group", "t_s", "current_pA"));
            CSVPrinter mk = printer(marks.writer(), List.of("cell", "group", "peak_s", "amplitude_pA"));
            for (BatchInput.Cell cell : input.cells()) {
                CellAccumulator acc = new CellAccumulator(cell, input.cellProperties().getOrDefault(cell.name(), Map.of()));
                FileJob.Done shown = exampleFile(cell, byEntry);
                ExampleStretch.Trace shownTrace = shown == null ? null : example(shown);
                for (BatchEntry e : cell.entries()) {
                    FileJob.Done d = byEntry.get(e);
                    if (d.record() == null) {
                        acc.failed(d.outcome());
                        continue;
                    }
                    acc.file(d.record());
                    ExampleStretch.Trace trace = d == shown ? shownTrace : null;
                    copyEvents(d.outcome().outputDir().resolve(FileJob.EVENTS), cell, ev, acc, trace, mk);
                }
                CellSummary summary = acc.summary();
                cells.add(summary);
                double[] waveform = acc.waveform();
                if (waveform != null) {
                    for (int k = 0; k < waveform.length; k++) {
                        wv.printRecord(cell.name(), cell.group(), Decimals.fixed(AverageEvent.Waveform.timeMs(k), 3),
                                Decimals.fixed(waveform[k], 4));
                    }
                }
                if (shownTrace != null) {
                    ExampleStretch.Trace t = shownTrace;
                    for (int i = 0; i < t.current().length; i++) {
                        ex.printRecord(cell.name(), cell.group(), Decimals.fixed(t.timeS()[i], 6),
                                Decimals.fixed(t.current()[i], 3));
                    }
                }
            }
            for (CSVPrinter p : List.of(ev, wv, ex, mk)) {
                p.flush();
            }
            for (AtomicOutput o : List.of(events, waveforms, examples, marks)) {
                o.commit();
                written.add(o.target());
            }
        }
        written.add(writeCells(out.resolve(BatchFiles.CELLS), input.cellColumns(), cells, inputs));
        written.add(writeFiles(out, done, inputs));
        written.add(writeFailures(out.resolve(FAILURES), done, inputs));
        return new Written(cells, written);
    }

    /** The cell's analysed file with the most events, whose example stretch the report shows. */
    private static FileJob.Done exampleFile(BatchInput.Cell cell, Map<BatchEntry, FileJob.Done> byEntry) {
        FileJob.Done best = null;
        for (BatchEntry e : cell.entries()) {
            FileJob.Done d = byEntry.get(e);
            if (d.record() != null && (best == null || d.record().eventCount() > best.record().eventCount())) {
                best = d;
            }
        }
        return best;
    }

    /** A file's example stretch, read back from its record. */
    private static ExampleStretch.Trace example(FileJob.Done d) throws IOException {
        FileRecord r = FileRecord.read(d.outcome().outputDir());
        if (r == null) {
            throw new IOException(d.outcome().outputDir().resolve(FileRecord.NAME) + ": missing or unreadable; run again");
        }
        return r.example();
    }

    /** Streams a file's events into events.csv, with the values the cell's row needs. */
    private static void copyEvents(Path file, BatchInput.Cell cell, CSVPrinter out, CellAccumulator acc,
            ExampleStretch.Trace example, CSVPrinter marks) throws IOException {
        try (Reader in = Files.newBufferedReader(file); CSVParser parser = CSVParser.builder().setReader(in).setFormat(READ).get()) {
            if (!parser.getHeaderNames().equals(FileJob.EVENT_COLUMNS)) {
                throw new IOException(file + ": not the events table of this version of mepsc (header "
                        + String.join(",", parser.getHeaderNames()) + "); delete the folder and run again");
            }
            List<String> row = new ArrayList<>(FileJob.EVENT_COLUMNS.size() + 2);
            for (CSVRecord r : parser) {
                row.clear();
                row.add(cell.name());
                row.add(cell.group());
                r.forEach(row::add);
                out.printRecord(row);
                double amplitude = number(r.get("amplitude_pA"));
                boolean overlap = Boolean.parseBoolean(r.get("overlap"));
                acc.event(amplitude, number(r.get("rise_10_90_ms")), number(r.get("decay_tau_ms")), overlap);
                if (example != null && Integer.parseInt(r.get("sweep")) == example.sweep()) {
                    double peak = number(r.get("peak_s"));
                    if (peak >= example.startS() && peak <= example.endS()) {
                        marks.printRecord(cell.name(), cell.group(), r.get("peak_s"), r.get("amplitude_pA"));
                    }
                }
            }
        } catch (UncheckedIOException e) {
            throw e.getCause();
        } catch (IllegalArgumentException | IllegalStateException e) {
            throw new IOException(file + ": unreadable events table (" + e.getMessage() + "); delete the folder and run again");
        }
    }

    private static double number(String s) {
        return s.isEmpty() ? Double.NaN : Double.parseDouble(s);
    }

    private static Path writeCells(Path target, List<String> extra, List<CellSummary> cells, Collection<Path> inputs)
            throws IOException {
        List<String> header = new ArrayList<>(CELL_COLUMNS);
        header.addAll(extra);
        AtomicOutput.writeText(target, inputs, w -> {
            CSVPrinter p = printer(w, header);
            for (CellSummary c : cells) {
                List<String> row = new ArrayList<>(List.of(c.cell(), c.group(), Integer.toString(c.files()),
                        Long.toString(c.eventCount()), Decimals.fixed(c.analysedSeconds(), 6),
                        Decimals.fixed(c.frequencyHz(), 6), Decimals.fixed(c.amplitudeMedianPa(), 4),
                        Decimals.fixed(c.amplitudeMeanPa(), 4), Decimals.fixed(c.riseMedianMs(), 4),
                        Decimals.fixed(c.decayTauMedianMs(), 4), Decimals.fixed(c.noiseSdPa(), 4), c.status()));
                extra.forEach(column -> row.add(c.properties().getOrDefault(column, "")));
                p.printRecord(row);
            }
            p.flush();
        });
        return target;
    }

    private static Path writeFiles(Path out, List<FileJob.Done> done, Collection<Path> inputs) throws IOException {
        Path target = out.resolve(FILES);
        AtomicOutput.writeText(target, inputs, w -> {
            CSVPrinter p = printer(w, FILE_COLUMNS);
            for (FileJob.Done d : done) {
                FileOutcome o = d.outcome();
                BatchEntry e = o.entry();
                JsonNode s = d.record() == null ? Json.object() : summary(o.outputDir().resolve(FileJob.SUMMARY));
                p.printRecord(e.label(), e.cell(), e.group(), d.record() == null ? nullToEmpty(e.channel()) : d.record().channel(),
                        SweepRanges.format(e.sweeps()), String.join(";", e.exclusions().stream().map(Object::toString).toList()),
                        o.status().name().toLowerCase(java.util.Locale.ROOT), o.eventCount(),
                        Decimals.fixed(o.analysedSeconds(), 6), value(s.path("frequency_hz"), 6),
                        value(s.path("amplitude_pA").path("median"), 4), value(s.path("noise_sd_pA"), 4),
                        value(s.path("threshold"), 4), value(s.path("template").path("rise_ms"), 4),
                        value(s.path("template").path("decay_ms"), 4), s.path("template").path("source").asText(""),
                        Decimals.fixed(o.seconds(), 2), out.relativize(o.outputDir()).toString().replace('\\', '/'),
                        nullToEmpty(o.reason()), value(s.path("excluded_s"), 6));
            }
            p.flush();
        });
        return target;
    }

    private static Path writeFailures(Path target, List<FileJob.Done> done, Collection<Path> inputs) throws IOException {
        AtomicOutput.writeText(target, inputs, w -> {
            CSVPrinter p = printer(w, FAILURE_COLUMNS);
            for (FileJob.Done d : done) {
                if (d.outcome().failed()) {
                    BatchEntry e = d.outcome().entry();
                    p.printRecord(e.label(), e.cell(), e.group(), d.outcome().reason());
                }
            }
            p.flush();
        });
        return target;
    }

    private static JsonNode summary(Path file) throws IOException {
        return Json.mapper().readTree(file.toFile());
    }

    private static String value(JsonNode n, int decimals) {
        return n.isNumber() ? Decimals.fixed(n.asDouble(), decimals) : "";
    }

    private static String nullToEmpty(String s) {
        return s == null ? "" : s;
    }

    private static CSVPrinter printer(Writer w, List<String> header) throws IOException {
        return new CSVPrinter(w, CSVFormat.DEFAULT.builder().setHeader(header.toArray(String[]::new))
                .setRecordSeparator('\n').get());
    }

    /** Sums over a cell's files, and its events' values. */
    private static final class CellAccumulator {
        private final BatchInput.Cell cell;
        private final Map<String, String> properties;
        private final DoubleStream.Builder amplitudes = DoubleStream.builder();
        private final DoubleStream.Builder rises = DoubleStream.builder();
        private final DoubleStream.Builder decays = DoubleStream.builder();
        private final double[] waveformSum = new double[AverageEvent.POINTS];
        private long waveformEvents;
        private long events;
        private double seconds;
        private double varianceSeconds;
        private double noiseSeconds;
        private int failed;
        private String firstFailure;

        CellAccumulator(BatchInput.Cell cell, Map<String, String> properties) {
            this.cell = cell;
            this.properties = properties;
        }

        void failed(FileOutcome o) {
            failed++;
            if (firstFailure == null) {
                firstFailure = o.entry().label() + ": " + o.reason();
            }
        }

        void file(FileRecord r) {
            events += r.eventCount();
            seconds += r.analysedSeconds();
            if (Double.isFinite(r.noiseSd()) && r.analysedSeconds() > 0) {
                varianceSeconds += r.noiseSd() * r.noiseSd() * r.analysedSeconds();
                noiseSeconds += r.analysedSeconds();
            }
            if (r.waveform() != null) {
                for (int k = 0; k < waveformSum.length; k++) {
                    waveformSum[k] += r.waveform().mean()[k] * r.waveform().events();
                }
                waveformEvents += r.waveform().events();
            }
        }

        void event(double amplitude, double rise, double decay, boolean overlap) {
            amplitudes.add(amplitude);
            if (!overlap) {
                rises.add(rise);
                decays.add(decay);
            }
        }

        /** The event-weighted mean of the files' average events, or null without any. */
        double[] waveform() {
            if (waveformEvents == 0) {
                return null;
            }
            double[] w = new double[waveformSum.length];
            for (int k = 0; k < w.length; k++) {
                w[k] = waveformSum[k] / waveformEvents;
            }
            return w;
        }

        CellSummary summary() {
            double[] amp = Samples.finite(amplitudes.build().toArray());
            String status;
            int files = cell.entries().size();
            if (failed > 0) {
                status = "failed: " + (failed == files ? "its file" + (files == 1 ? "" : "s") + " could not be analysed"
                        : failed + " of " + files + " files could not be analysed") + " (" + firstFailure + ")";
            } else if (!(seconds > 0)) {
                status = "failed: no recording time was analysed";
            } else {
                status = CellSummary.OK;
            }
            return new CellSummary(cell.name(), cell.group(), files, events, seconds,
                    seconds > 0 ? events / seconds : Double.NaN, Samples.median(amp), Samples.mean(amp),
                    Samples.median(Samples.finite(rises.build().toArray())),
                    Samples.median(Samples.finite(decays.build().toArray())),
                    noiseSeconds > 0 ? Math.sqrt(varianceSeconds / noiseSeconds) : Double.NaN, status, properties);
        }
    }
}
