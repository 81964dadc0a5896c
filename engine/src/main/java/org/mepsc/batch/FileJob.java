package org.mepsc.batch;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import org.mepsc.events.EventCsvWriter;
import org.mepsc.events.EventSink;
import org.mepsc.io.OpenOptions;
import org.mepsc.io.RecordingReaders;
import org.mepsc.json.Json;
import org.mepsc.output.AtomicOutput;
import org.mepsc.pipeline.DetectionParameters;
import org.mepsc.pipeline.DetectionRun;
import org.mepsc.pipeline.Exclusion;
import org.mepsc.pipeline.Execution;
import org.mepsc.recording.Channel;
import org.mepsc.recording.Recording;
import org.mepsc.recording.RecordingFormatException;
import org.mepsc.summary.RecordingSummary;
import org.mepsc.summary.SummaryAccumulator;
import org.mepsc.recording.SweepRanges;

/**
 * One file of a batch: detection as {@code mepsc detect} does it, writing the same events table
 * and summary into the file's own output folder, plus the record the batch needs (average event,
 * example stretch, fingerprint). The record is removed first and written last, so a folder with a
 * record always holds the complete outputs of the fingerprinted input and settings.
 */
final class FileJob {

    static final String EVENTS = "events.csv";
    static final String SUMMARY = "summary.json";
    /** Batch measures currents: the events table's amplitude unit. */
    static final String UNIT = "pA";
    /** The events table's columns. */
    static final List<String> EVENT_COLUMNS = List.of(EventCsvWriter.header(UNIT, false).strip().split(","));

    /**
     * The job's result: the record is null when the file failed, and holds no example stretch
     * (a batch of thousands of files keeps only what the tables need; the example is read back
     * for the one file per cell the report shows).
     */
    record Done(FileOutcome outcome, FileRecord record) {
        Done {
            record = record == null ? null : record.withoutExample();
        }
    }

    private final BatchEntry entry;
    private final Path dir;
    private final DetectionParameters parameters;
    private final OpenOptions open;
    private final RecordingReaders readers;
    private final Collection<Path> inputs;

    FileJob(BatchEntry entry, Path dir, DetectionParameters batchParameters, OpenOptions open, RecordingReaders readers,
            Collection<Path> inputs) {
        this.entry = entry;
        this.dir = dir;
        List<Exclusion> exclusions = new ArrayList<>(batchParameters.exclusions());
        exclusions.addAll(entry.exclusions());
        this.parameters = batchParameters.withExclusions(exclusions, batchParameters.autoArtefacts());
        this.open = open;
        this.readers = readers;
        this.inputs = inputs;
    }

    BatchEntry entry() {
        return entry;
    }

    /** Everything besides the input's bytes that the outputs depend on. */
    String settings() {
        ObjectNode o = Json.object();
        o.put("file", entry.label());
        o.put("channel", entry.channel());
        o.put("sweeps", SweepRanges.format(entry.sweeps()));
        o.set("parameters", parametersJson(parameters));
        o.put("open", open.toString());
        return o.toString();
    }

    /** The stored record if it matches the input and settings as they are now; otherwise null. */
    private FileRecord upToDate(Fingerprint now) {
        FileRecord stored = FileRecord.read(dir);
        if (stored == null) {
            return null;
        }
        boolean complete = Files.isRegularFile(dir.resolve(EVENTS)) && Files.isRegularFile(dir.resolve(SUMMARY));
        return complete && now.equals(stored.fingerprint()) ? stored : null;
    }

    /**
     * Analyses the file. Problems with the file (unreadable, wrong channel, …) make a failed
     * outcome; an interruption is thrown.
     */
    Done run(int threads, boolean reuse) throws InterruptedIOException {
        long t0 = System.nanoTime();
        try {
            // taken before reading: a file that changes during the analysis is analysed again next time
            Fingerprint now = Fingerprint.of(entry.file(), settings());
            FileRecord stored = reuse ? upToDate(now) : null;
            if (stored != null) {
                return new Done(new FileOutcome(entry, FileOutcome.Status.UP_TO_DATE, stored.eventCount(),
                        stored.analysedSeconds(), seconds(t0), null, dir), stored);
            }
            FileRecord record = analyse(now, threads, t0);
            return new Done(new FileOutcome(entry, FileOutcome.Status.ANALYSED, record.eventCount(), record.analysedSeconds(),
                    record.seconds(), null, dir), record);
        } catch (InterruptedIOException e) {
            throw e;
        } catch (IOException | RuntimeException e) {
            if (Thread.currentThread().isInterrupted()) {
                throw interrupted();
            }
            removeOutputs();
            return new Done(new FileOutcome(entry, FileOutcome.Status.FAILED, 0, Double.NaN, seconds(t0), reason(e), dir),
                    null);
        }
    }

    private FileRecord analyse(Fingerprint fingerprint, int threads, long t0) throws IOException {
        Files.createDirectories(dir);
        Files.deleteIfExists(dir.resolve(FileRecord.NAME));
        try (Recording recording = readers.open(entry.file(), open)) {
            Channel channel = channel(recording);
            // the same events table and summary as mepsc detect, with the file named by its label
            SummaryAccumulator statistics = new SummaryAccumulator();
            AverageEvent average = new AverageEvent(recording, channel.index());
            ExampleStretch example = new ExampleStretch();
            DetectionRun.Result result;
            try (AtomicOutput events = AtomicOutput.create(dir.resolve(EVENTS), inputs)) {
                EventSink table = new EventCsvWriter(events.writer(), entry.label(), channel.index(), UNIT, false);
                EventSink sink = EventSink.both(table, EventSink.both(statistics, EventSink.both(average, example)));
                result = DetectionRun.run(recording, channel.index(), entry.sweeps(), parameters,
                        new Execution(threads, Execution.defaults().chunkSamples()), sink);
                events.commit();
            }
            List<Integer> sweeps = result.sweeps();
            String summary = Json.pretty(new RecordingSummary(entry.label(), channel, sweeps, parameters, result,
                    statistics).toJson());
            AtomicOutput.writeText(dir.resolve(SUMMARY), inputs, w -> w.write(summary));
            FileRecord record = new FileRecord(fingerprint, entry.label(), channel.index(), channel.name(),
                    statistics.accepted(), result.analysedSeconds(), result.calibration().noiseSd(), seconds(t0),
                    average.waveform(), example.read(recording, channel.index(), sweeps.get(0)));
            record.write(dir, inputs);
            return record;
        }
    }

    /** Every detection parameter as given (null: chosen automatically), for fingerprints and run.json. */
    static JsonNode parametersJson(DetectionParameters p) {
        return Json.mapper().valueToTree(p);
    }

    /** The channel the entry names, or the first current channel; it must be a current. */
    private Channel channel(Recording recording) throws RecordingFormatException {
        Channel c;
        if (entry.channel() != null) {
            c = recording.findChannel(entry.channel());
        } else {
            c = recording.channels().stream().filter(Channel::isCurrent).findFirst().orElseThrow(() ->
                    new RecordingFormatException(entry.file(), "no current channel (channels are " + names(recording)
                            + "); batch measures voltage-clamp currents in pA"));
        }
        if (!c.isCurrent()) {
            throw new RecordingFormatException(entry.file(), "channel " + c.index() + " (" + c.name() + ") is in "
                    + c.unit() + ", not a current; name a current channel in the manifest's channel column");
        }
        return c;
    }

    private static String names(Recording recording) {
        StringBuilder sb = new StringBuilder();
        for (Channel c : recording.channels()) {
            sb.append(sb.length() == 0 ? "" : ", ").append(c.index()).append('=').append(c.name()).append(" (")
                    .append(c.declaredUnit()).append(')');
        }
        return sb.toString();
    }

    /** Outputs of an earlier run are removed with the record, so that nothing stale looks current. */
    private void removeOutputs() {
        for (String name : List.of(FileRecord.NAME, EVENTS, SUMMARY)) {
            try {
                Files.deleteIfExists(dir.resolve(name));
            } catch (IOException e) {
                // the record is what counts, and it was removed before the analysis started
            }
        }
    }

    /** The problem in one line, without the file name (the failures table has its own column). */
    private String reason(Exception e) {
        if (e instanceof RecordingFormatException f && f.problem() != null) {
            return oneLine(f.problem());
        }
        String m = Objects.requireNonNullElse(e.getMessage(), "");
        String prefix = entry.file() + ": ";
        if (m.startsWith(prefix)) {
            m = m.substring(prefix.length());
        }
        if (e instanceof java.nio.file.NoSuchFileException) {
            m = "no such file";
        } else if (e instanceof java.nio.file.AccessDeniedException) {
            m = "permission denied";
        } else if (!(e instanceof IOException) && !(e instanceof IllegalArgumentException)) {
            m = "internal error (" + e.getClass().getSimpleName() + (m.isEmpty() ? "" : ": " + m)
                    + "); please report it";
        }
        return oneLine(m.isEmpty() ? e.getClass().getSimpleName() : m);
    }

    private static String oneLine(String s) {
        return s.replaceAll("\\s*[\\r\\n]+\\s*", " ").strip();
    }

    static InterruptedIOException interrupted() {
        Thread.currentThread().interrupt();
        return new InterruptedIOException("interrupted");
    }

    private static double seconds(long t0) {
        return (System.nanoTime() - t0) / 1e9;
    }
}
