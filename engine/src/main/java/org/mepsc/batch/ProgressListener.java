package org.mepsc.batch;

/**
 * Hears how a batch proceeds. Every call comes from the thread that called
 * {@link Batch#run}, one at a time.
 */
public interface ProgressListener {

    ProgressListener NONE = new ProgressListener() {
    };

    /** Before the first file: how many files, and how many run at once with how many threads each. */
    default void started(int files, int concurrentFiles, int threadsPerFile) {
    }

    /** A file is finished (analysed, up to date, or failed); {@code done} of {@code total} are. */
    default void fileDone(FileOutcome outcome, int done, int total) {
    }

    /** A step after the files ("writing cells.csv", "comparing groups") or something worth knowing. */
    default void note(String message) {
    }
}
