package org.mepsc.batch;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletionService;
import java.util.concurrent.ExecutorCompletionService;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.mepsc.Version;
import org.mepsc.compare.BatchFiles;
import org.mepsc.compare.BatchFormatException;
import org.mepsc.compare.GroupComparison;
import org.mepsc.io.RecordingReaders;
import org.mepsc.json.Json;
import org.mepsc.output.AtomicOutput;
import org.mepsc.pipeline.DetectionParameters;
import org.mepsc.pipeline.Workers;
import org.mepsc.recording.SweepRanges;
import org.mepsc.report.HtmlReport;

/**
 * Analyses a cohort of recordings: every file as {@code mepsc detect} would (in parallel, a bounded
 * number at a time, never more threads than cores), then the cells' table, the events of all cells,
 * and — with two groups or more — the group comparison and its report.
 *
 * <p>Each file's outputs live in {@code DIR/files/NAME/} and carry a fingerprint of the input and
 * the settings; a run finds files whose fingerprint still matches and does not analyse them again,
 * so an interrupted or extended batch resumes where it stopped. A file that cannot be read or
 * analysed is reported (failures.csv) and the rest completes. An interruption (the calling thread
 * interrupted) stops the files in progress, leaves only complete per-file outputs and throws
 * {@link InterruptedIOException}.
 *
 * <pre>{@code
 * BatchInput input = BatchInput.read(Path.of("cohort/manifest.csv"), RecordingReaders.standard(), out);
 * BatchResult r = Batch.run(input, DetectionParameters.defaults(), BatchOptions.defaults(out), ProgressListener.NONE);
 * }</pre>
 */
public final class Batch {

    /** Per-file outputs, one folder per file. */
    public static final String FILES_DIR = "files";
    static final String LOCK = ".mepsc-batch.lock";

    private Batch() {
    }

    /** Runs a batch over the standard readers; see {@link #run(BatchInput, DetectionParameters, BatchOptions, ProgressListener, RecordingReaders)}. */
    public static BatchResult run(BatchInput input, DetectionParameters parameters, BatchOptions options,
            ProgressListener progress) throws IOException {
        return run(input, parameters, options, progress, RecordingReaders.standard());
    }

    /**
     * @throws IllegalArgumentException if the options do not fit the input (an unknown control group)
     * @throws InterruptedIOException if the calling thread was interrupted; files finished so far keep their outputs
     * @throws IOException if the output folder cannot be written
     */
    public static BatchResult run(BatchInput input, DetectionParameters parameters, BatchOptions options,
            ProgressListener progress, RecordingReaders readers) throws IOException {
        Path out = options.outDir().toAbsolutePath().normalize();
        checkControl(input, options);
        if (Files.exists(out) && !Files.isDirectory(out)) {
            throw new IllegalArgumentException("--out " + options.outDir() + " is a file; give a folder");
        }
        Files.createDirectories(out.resolve(FILES_DIR));
        try (FileChannel lockFile = FileChannel.open(out.resolve(LOCK), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
                FileLock lock = tryLock(lockFile)) {
            if (lock == null) {
                throw new IOException(out + ": another mepsc batch is writing to this folder; wait for it to finish");
            }
            removeLeftovers(out);
            return runLocked(input, parameters, options, progress, readers, out);
        }
    }

    /** The folder's lock, or null if another run (in this process or another) holds it. */
    private static FileLock tryLock(FileChannel channel) throws IOException {
        try {
            return channel.tryLock();
        } catch (java.nio.channels.OverlappingFileLockException e) {
            return null;
        }
    }

    private static BatchResult runLocked(BatchInput input, DetectionParameters parameters, BatchOptions options,
            ProgressListener progress, RecordingReaders readers, Path out) throws IOException {
        Instant started = Instant.now();
        List<Path> inputs = new ArrayList<>();
        input.entries().forEach(e -> inputs.add(e.file()));
        if (input.kind() == BatchInput.Kind.MANIFEST) {
            inputs.add(input.source());
        }
        List<String> notes = new ArrayList<>(input.notes());
        notes.forEach(progress::note);

        List<FileJob> jobs = new ArrayList<>();
        Set<String> names = new HashSet<>();
        for (BatchEntry e : input.entries()) {
            String name = folderName(e);
            if (!names.add(name)) {
                throw new IllegalArgumentException("two entries for " + e.label() + " have the same channel and sweeps ("
                        + e.origin() + ")");
            }
            jobs.add(new FileJob(e, out.resolve(FILES_DIR).resolve(name), parameters, options.open(), readers, inputs));
        }
        int cores = Runtime.getRuntime().availableProcessors();
        int concurrent = options.concurrentFiles(jobs.size(), cores);
        int threads = BatchOptions.threadsPerFile(concurrent, cores);
        progress.started(jobs.size(), concurrent, threads);
        List<FileJob.Done> done = runFiles(jobs, concurrent, threads, options.reuse(), progress);

        progress.note("writing " + BatchFiles.EVENTS + ", " + BatchFiles.CELLS + " and the other tables");
        BatchTables.Written tables = BatchTables.write(input, done, out, inputs);
        List<Path> written = new ArrayList<>(tables.files());
        Path runJson = out.resolve(BatchFiles.RUN);
        String run = Json.pretty(runJson(input, parameters, options, out, done, concurrent, threads, started));
        AtomicOutput.writeText(runJson, inputs, w -> w.write(run));
        written.add(runJson);

        Optional<GroupComparison.Outcome> comparison = compare(out, tables.cells(), options, notes, progress, written);
        List<FileOutcome> outcomes = done.stream().map(FileJob.Done::outcome).toList();
        return new BatchResult(out, outcomes, tables.cells(), written, comparison, notes);
    }

    /** Runs the jobs on a bounded pool; results in input order. */
    private static List<FileJob.Done> runFiles(List<FileJob> jobs, int concurrent, int threads, boolean reuse,
            ProgressListener progress) throws IOException {
        record Indexed(int index, FileJob.Done done) {
        }
        ExecutorService pool = Workers.pool(concurrent, "mepsc-batch");
        CompletionService<Indexed> completion = new ExecutorCompletionService<>(pool);
        List<Future<Indexed>> futures = new ArrayList<>();
        FileJob.Done[] results = new FileJob.Done[jobs.size()];
        try {
            for (int i = 0; i < jobs.size(); i++) {
                int index = i;
                futures.add(completion.submit(() -> new Indexed(index, jobs.get(index).run(threads, reuse))));
            }
            for (int k = 1; k <= jobs.size(); k++) {
                Indexed d = Workers.result(completion.take());
                results[d.index()] = d.done();
                progress.fileDone(d.done().outcome(), k, jobs.size());
            }
        } catch (InterruptedException | InterruptedIOException e) {
            // Ctrl-C, or a file job that saw it first
            stop(pool, futures);
            Thread.currentThread().interrupt();
            throw interruptedAfter(results);
        } catch (IOException | RuntimeException | Error e) {
            stop(pool, futures);
            throw e;
        } finally {
            pool.shutdownNow();
        }
        return List.of(results);
    }

    /** Cancels the files in progress and waits for them to abandon their outputs. */
    private static void stop(ExecutorService pool, List<? extends Future<?>> futures) {
        futures.forEach(f -> f.cancel(true));
        pool.shutdownNow();
        try {
            pool.awaitTermination(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static InterruptedIOException interruptedAfter(Object[] results) {
        long finished = java.util.Arrays.stream(results).filter(java.util.Objects::nonNull).count();
        return new InterruptedIOException("interrupted after " + finished + " of " + results.length
                + " files; the finished files are kept: run the same command again to resume");
    }

    private static void checkControl(BatchInput input, BatchOptions options) {
        GroupComparison.Options c = options.comparison();
        if (c != null && c.control() != null && !input.groups().contains(c.control())) {
            throw new IllegalArgumentException("--control: no group '" + c.control() + "' in the input (groups: "
                    + String.join(", ", input.groups()) + ")");
        }
        if (c != null && !c.groupBy().equals("group") && !input.cellColumns().contains(c.groupBy())) {
            throw new IllegalArgumentException("--by: no column '" + c.groupBy() + "' in the manifest (columns that describe "
                    + "cells: " + (input.cellColumns().isEmpty() ? "none" : String.join(", ", input.cellColumns())) + ")");
        }
    }

    /** Runs the comparison and report when there are two groups with analysed cells. */
    private static Optional<GroupComparison.Outcome> compare(Path out, List<CellSummary> cells, BatchOptions options,
            List<String> notes, ProgressListener progress, List<Path> written) throws IOException {
        if (options.comparison() == null) {
            removeComparison(out, notes, progress, null);
            return Optional.empty();
        }
        long groups = cells.stream().filter(CellSummary::ok).map(c -> groupOf(c, options.comparison().groupBy()))
                .distinct().count();
        String skipped = null;
        if (groups < 2) {
            skipped = "groups are not compared: fewer than two groups have analysed cells";
        } else {
            try {
                progress.note("comparing groups");
                GroupComparison.Outcome outcome = GroupComparison.run(out, options.comparison());
                Path report = out.resolve(BatchFiles.REPORT);
                HtmlReport.write(outcome.cohort(), outcome.result(), report, GroupComparison.inputs(out));
                written.addAll(outcome.written());
                written.add(report);
                return Optional.of(outcome);
            } catch (BatchFormatException e) {
                skipped = "groups are not compared: " + e.getMessage();
            }
        }
        removeComparison(out, notes, progress, skipped);
        return Optional.empty();
    }

    /**
     * An earlier run's comparison no longer describes these cells: it is removed.
     *
     * @param why why there is no comparison now, or null when it was not asked for
     */
    private static void removeComparison(Path out, List<String> notes, ProgressListener progress, String why)
            throws IOException {
        boolean removed = false;
        for (String name : List.of(BatchFiles.COMPARISON_CSV, BatchFiles.COMPARISON_JSON, BatchFiles.REPORT)) {
            removed |= Files.deleteIfExists(out.resolve(name));
        }
        String earlier = removed ? "the earlier comparison and report were removed (they described earlier results)" : null;
        String note = why == null ? earlier : earlier == null ? why : why + "; " + earlier;
        if (note != null) {
            notes.add(note);
            progress.note(note);
        }
    }

    private static String groupOf(CellSummary c, String groupBy) {
        return groupBy.equals("group") ? c.group() : c.properties().getOrDefault(groupBy, "");
    }

    /**
     * A folder name for an entry's outputs that is safe on every file system and unique: the file's
     * label made safe, and a hash of the file, channel and sweeps.
     */
    static String folderName(BatchEntry e) {
        String safe = e.label().replaceAll("[^A-Za-z0-9._-]+", "_").replaceAll("^[._]+", "");
        if (safe.length() > 80) {
            safe = safe.substring(safe.length() - 80);
        }
        String key = e.file().toAbsolutePath().normalize() + "\n" + (e.channel() == null ? "" : e.channel().toLowerCase(Locale.ROOT))
                + "\n" + SweepRanges.format(e.sweeps());
        try {
            byte[] h = MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8));
            return (safe.isEmpty() ? "file" : safe) + "-" + HexFormat.of().formatHex(h, 0, 4);
        } catch (java.security.NoSuchAlgorithmException x) {
            throw new IllegalStateException(x);
        }
    }

    /** Temporary files of outputs a killed run never finished (the lock says no other run is writing). */
    private static void removeLeftovers(Path out) throws IOException {
        try (Stream<Path> walk = Files.walk(out, 3)) {
            for (Path p : walk.filter(Files::isRegularFile).toList()) {
                String n = p.getFileName().toString();
                if (n.startsWith(".") && n.endsWith(".part")) {
                    Files.deleteIfExists(p);
                }
            }
        }
    }

    private static ObjectNode runJson(BatchInput input, DetectionParameters parameters, BatchOptions options, Path out,
            List<FileJob.Done> done, int concurrent, int threads, Instant started) {
        ObjectNode o = Json.object();
        o.put("mepsc_version", Version.get());
        if (options.commandLine() != null) {
            o.put("command", options.commandLine());
        }
        o.put("started", started.toString());
        o.put("finished", Instant.now().toString());
        ObjectNode in = o.putObject("input");
        in.put("kind", input.kind().name().toLowerCase(Locale.ROOT));
        in.put("path", input.source().toAbsolutePath().normalize().toString());
        in.put("files", input.entries().size());
        in.put("cells", input.cells().size());
        in.put("groups", String.join(", ", input.groups()));
        o.put("output", out.toString());
        o.set("detection", FileJob.parametersJson(parameters));
        ObjectNode open = o.putObject("open");
        options.open().series().ifPresent(s -> open.put("series", s));
        options.open().raw().ifPresent(r -> open.put("raw", r.toString()));
        ObjectNode files = o.putObject("files");
        files.put("analysed", done.stream().filter(d -> d.outcome().status() == FileOutcome.Status.ANALYSED).count());
        files.put("up_to_date", done.stream().filter(d -> d.outcome().status() == FileOutcome.Status.UP_TO_DATE).count());
        files.put("failed", done.stream().filter(d -> d.outcome().failed()).count());
        ObjectNode exec = o.putObject("execution");
        exec.put("concurrent_files", concurrent);
        exec.put("threads_per_file", threads);
        exec.put("resume", options.reuse());
        GroupComparison.Options c = options.comparison();
        if (c != null) {
            ObjectNode cmp = o.putObject("comparison");
            cmp.put("group_by", c.groupBy());
            if (c.control() != null) {
                cmp.put("control", c.control());
            }
            cmp.put("seed", c.seed());
            cmp.put("bootstrap", c.resamples());
        }
        return o;
    }
}
