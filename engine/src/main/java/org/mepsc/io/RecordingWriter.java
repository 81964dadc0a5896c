package org.mepsc.io;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Collection;
import java.util.List;
import org.mepsc.recording.Channel;
import org.mepsc.recording.Recording;
import org.mepsc.recording.Sweep;

/** Writes (part of) a recording in one file format. */
public interface RecordingWriter {

    /** The name used by {@code --format} ("abf", "nwb", "csv", "raw"). */
    String formatName();

    /** The usual file extension, without the dot. */
    String extension();

    /**
     * Writes the chosen channels and sweeps to {@code out}, streaming, through
     * {@link org.mepsc.output.AtomicOutput} (so an interrupted write leaves nothing behind).
     *
     * @param inputs files the run reads, which must not be overwritten
     * @throws IllegalArgumentException if the format cannot hold this selection (the message
     *     says why)
     */
    void write(Recording recording, List<Channel> channels, List<Sweep> sweeps, Path out,
            Collection<Path> inputs) throws IOException;
}
