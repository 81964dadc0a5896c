package org.mepsc.batch;

import java.nio.file.Path;
import org.mepsc.compare.GroupComparison;
import org.mepsc.io.OpenOptions;

/**
 * How a batch runs; none of these change a file's results except {@code open}.
 *
 * @param outDir the output folder
 * @param jobs files analysed at once (0: one per core)
 * @param open how to open the recordings (HEKA series, raw layout)
 * @param reuse skip files whose stored outputs match their input and settings (resume)
 * @param comparison how to compare the groups afterwards, or null for no comparison
 * @param commandLine the command that started the run, for run.json (null from code)
 */
public record BatchOptions(Path outDir, int jobs, OpenOptions open, boolean reuse, GroupComparison.Options comparison,
        String commandLine) {

    public BatchOptions {
        if (outDir == null) {
            throw new IllegalArgumentException("an output folder is needed");
        }
        if (jobs < 0) {
            throw new IllegalArgumentException("--jobs must be at least 1, or 0 for one per core (got " + jobs + ")");
        }
        open = open == null ? OpenOptions.DEFAULT : open;
    }

    /** All cores, default opening, resume on, the default comparison. */
    public static BatchOptions defaults(Path outDir) {
        return new BatchOptions(outDir, 0, OpenOptions.DEFAULT, true, GroupComparison.Options.defaults(), null);
    }

    public BatchOptions withJobs(int n) {
        return new BatchOptions(outDir, n, open, reuse, comparison, commandLine);
    }

    public BatchOptions withOpen(OpenOptions o) {
        return new BatchOptions(outDir, jobs, o, reuse, comparison, commandLine);
    }

    public BatchOptions withReuse(boolean r) {
        return new BatchOptions(outDir, jobs, open, r, comparison, commandLine);
    }

    public BatchOptions withComparison(GroupComparison.Options c) {
        return new BatchOptions(outDir, jobs, open, reuse, c, commandLine);
    }

    public BatchOptions withCommandLine(String c) {
        return new BatchOptions(outDir, jobs, open, reuse, comparison, c);
    }

    /** Files at once: {@code jobs}, or the cores; never more than there are files. */
    int concurrentFiles(int files, int cores) {
        int n = jobs > 0 ? jobs : cores;
        return Math.max(1, Math.min(n, files));
    }

    /** Detection threads per file, so that files × threads stays within the cores. */
    static int threadsPerFile(int concurrentFiles, int cores) {
        return Math.max(1, cores / concurrentFiles);
    }
}
