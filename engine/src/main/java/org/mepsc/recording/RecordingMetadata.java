package org.mepsc.recording;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * What a recording says about itself, beyond its samples.
 *
 * @param format the file format ("ABF", "NWB", "CSV", "RAW", "HEKA", "WCP", "AXG", "ATF", "SIMULATED")
 * @param formatVersion the format's own version ("1.83", "2.9", "2.2.2"), or "" if it has none
 * @param acquisitionMode gap-free, episodic, …
 * @param protocol the protocol file or stimulus description, or ""
 * @param tags time-stamped annotations
 * @param comments free-text comments or descriptions
 * @param creationTime when the recording was made, if the file says
 */
public record RecordingMetadata(
        String format,
        String formatVersion,
        AcquisitionMode acquisitionMode,
        String protocol,
        List<Tag> tags,
        List<String> comments,
        Optional<Instant> creationTime) {

    public RecordingMetadata {
        formatVersion = formatVersion == null ? "" : formatVersion;
        protocol = protocol == null ? "" : protocol;
        tags = List.copyOf(tags);
        comments = List.copyOf(comments);
        creationTime = creationTime == null ? Optional.empty() : creationTime;
    }
}
