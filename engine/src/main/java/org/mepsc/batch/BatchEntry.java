package org.mepsc.batch;

import java.nio.file.Path;
import java.util.List;
import org.mepsc.pipeline.Exclusion;

/**
 * One recording to analyse and the cell it belongs to (a cell may span several entries).
 *
 * @param file the recording
 * @param label how outputs name the file: its path relative to the manifest's or the input folder
 * @param cell the cell's name, unique in the batch
 * @param group the cell's group (e.g. "control")
 * @param channel channel index or name, or null for the first current channel
 * @param sweeps the sweeps to analyse, ascending; empty for all
 * @param exclusions stretches of this file to leave out, added to the run's own
 * @param origin where the entry came from, for messages ("manifest.csv line 4")
 */
public record BatchEntry(Path file, String label, String cell, String group, String channel, List<Integer> sweeps,
        List<Exclusion> exclusions, String origin) {

    public BatchEntry {
        sweeps = List.copyOf(sweeps);
        exclusions = List.copyOf(exclusions);
        if (channel != null && channel.isBlank()) {
            channel = null;
        }
    }

    /** An entry for a whole file, default channel, nothing excluded. */
    public static BatchEntry of(Path file, String cell, String group) {
        return new BatchEntry(file, file.getFileName().toString(), cell, group, null, List.of(), List.of(),
                file.toString());
    }
}
