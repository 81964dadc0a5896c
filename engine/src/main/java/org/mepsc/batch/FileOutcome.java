package org.mepsc.batch;

import java.nio.file.Path;

/**
 * What happened to one file of a batch.
 *
 * @param eventCount accepted events (0 for a failed file)
 * @param analysedSeconds analysed recording time (NaN for a failed file)
 * @param seconds time spent on the file in this run
 * @param reason why it failed, in one line; null otherwise
 * @param outputDir the folder of its events table, summary and record
 */
public record FileOutcome(BatchEntry entry, Status status, long eventCount, double analysedSeconds, double seconds,
        String reason, Path outputDir) {

    public enum Status {
        /** Analysed in this run. */
        ANALYSED,
        /** Outputs of an earlier run match its input and settings: not analysed again. */
        UP_TO_DATE,
        /** Could not be read or analysed; the reason says why. */
        FAILED
    }

    public boolean failed() {
        return status == Status.FAILED;
    }
}
