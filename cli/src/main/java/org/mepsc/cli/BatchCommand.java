package org.mepsc.cli;

import java.io.InterruptedIOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.mepsc.batch.Batch;
import org.mepsc.batch.BatchInput;
import org.mepsc.batch.BatchOptions;
import org.mepsc.batch.BatchResult;
import org.mepsc.batch.FileOutcome;
import org.mepsc.batch.ProgressListener;
import org.mepsc.compare.GroupComparison;
import org.mepsc.io.RecordingReaders;
import org.mepsc.pipeline.DetectionParameters;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(name = "batch", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Detect events in every recording of a cohort and summarise them per cell; compare the groups.",
            "INPUT is a manifest (CSV with the columns file,cell,group and optionally channel,sweeps,exclude) or a "
                + "folder laid out as GROUP/CELL.abf or GROUP/CELL/*.abf.",
            "Writes events.csv, cells.csv, files.csv, failures.csv, run.json and the report's files into DIR, and with "
                + "two groups or more comparison.csv, comparison.json and report.html. Running the same command again "
                + "resumes: files whose input and settings have not changed are not analysed again."},
        footerHeading = "%nExit codes:%n",
        footer = {"  0  every file was analysed (or was up to date)",
            "  1  some files failed (listed in DIR/failures.csv; the others are complete), or DIR cannot be written",
            "  2  usage error: a wrong option, or a manifest that cannot be used (the message names the line)",
            "130  interrupted: the finished files are kept; run the same command again to resume"})
final class BatchCommand implements Callable<Integer> {

    static final int INTERRUPTED = 130;

    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "INPUT", description = "A manifest CSV file or a folder of recordings.")
    Path input;

    @Option(names = {"--out", "-o"}, paramLabel = "DIR", required = true, description = "Output folder (created if needed).")
    Path out;

    @Option(names = "--jobs", paramLabel = "N", defaultValue = "0",
            description = "Files analysed at once (default: one per core); threads per file are chosen so that files "
                    + "x threads stays within the cores.")
    int jobs;

    @Option(names = "--force", description = "Analyse every file again, even those whose stored results are up to date.")
    boolean force;

    @Option(names = "--no-compare", description = "Do not compare the groups at the end.")
    boolean noCompare;

    @Mixin
    ComparisonOptions comparisonOptions;

    @Mixin
    DetectionOptions detection;

    @Mixin
    InputOptions inputOptions;

    @Override
    public Integer call() throws Exception {
        DetectionParameters parameters = detection.parameters();
        GroupComparison.Options comparison = noCompare ? null : comparisonOptions.options();
        inputOptions.refuseAssumedUnit("batch");
        BatchOptions options = new BatchOptions(out, jobs, inputOptions.openOptions(), !force, comparison,
                "mepsc " + String.join(" ", spec.commandLine().getParseResult().originalArgs()));
        BatchInput cohort = BatchInput.read(input, RecordingReaders.standard(), out);
        PrintWriter o = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        ProgressListener progress = BatchProgress.forConsole(o);

        BatchResult result;
        CountDownLatch stopped = new CountDownLatch(1);
        Thread worker = Thread.currentThread();
        // Ctrl-C: stop the files in progress (their partial outputs are removed) before the JVM ends
        Thread hook = new Thread(() -> {
            worker.interrupt();
            try {
                stopped.await(20, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, "mepsc-batch-interrupt");
        Runtime.getRuntime().addShutdownHook(hook);
        try {
            result = Batch.run(cohort, parameters, options, progress);
        } catch (InterruptedIOException e) {
            err.println("mepsc: " + e.getMessage());
            err.flush();
            return INTERRUPTED;
        } finally {
            stopped.countDown();
            try {
                Runtime.getRuntime().removeShutdownHook(hook);
            } catch (IllegalStateException e) {
                // the JVM is already shutting down: the hook is running
            }
        }
        summarise(o, result);
        List<FileOutcome> failed = result.failures();
        if (!failed.isEmpty()) {
            err.println("mepsc: " + failed.size() + " of " + result.files().size() + " files failed (listed in "
                    + result.outDir().resolve("failures.csv") + "):");
            for (FileOutcome f : failed) {
                err.println("mepsc: " + f.entry().label() + ": " + f.reason());
            }
            err.flush();
            return ExitCode.INPUT_FAILED;
        }
        return ExitCode.OK;
    }

    private static void summarise(PrintWriter o, BatchResult r) {
        long cellsOk = r.cells().stream().filter(c -> c.ok()).count();
        o.println(r.files().size() + " files: " + r.count(FileOutcome.Status.ANALYSED) + " analysed, "
                + r.count(FileOutcome.Status.UP_TO_DATE) + " up to date, " + r.count(FileOutcome.Status.FAILED)
                + " failed; " + r.cells().size() + " cells, " + cellsOk + " ok");
        StringBuilder names = new StringBuilder();
        for (Path p : r.written()) {
            names.append(names.length() == 0 ? "" : ", ").append(p.getFileName());
        }
        o.println("wrote into " + r.outDir() + ": " + names);
        r.comparison().ifPresent(c -> CompareCommand.print(o, c.result()));
        o.flush();
    }
}
