package org.mepsc.batch;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.mepsc.compare.GroupComparison;

/**
 * What a batch did.
 *
 * @param files every file's outcome, in input order
 * @param cells every cell's row of cells.csv, in input order
 * @param written the output files written, in DIR
 * @param comparison the group comparison, when it ran
 * @param notes what the user should know (comparison skipped and why, files ignored, …)
 */
public record BatchResult(Path outDir, List<FileOutcome> files, List<CellSummary> cells, List<Path> written,
        Optional<GroupComparison.Outcome> comparison, List<String> notes) {

    public BatchResult {
        files = List.copyOf(files);
        cells = List.copyOf(cells);
        written = List.copyOf(written);
        notes = List.copyOf(notes);
    }

    public List<FileOutcome> failures() {
        return files.stream().filter(FileOutcome::failed).toList();
    }

    public long count(FileOutcome.Status status) {
        return files.stream().filter(f -> f.status() == status).count();
    }

    /** True when every file was analysed or up to date. */
    public boolean complete() {
        return failures().isEmpty();
    }
}
