package org.mepsc.io;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import org.mepsc.recording.Recording;

/** Opens one file format. One small class per format, all filling the common recording model. */
public interface RecordingReader {

    /** The format's short name, as {@code RecordingMetadata.format()} gives it ("ABF", "NWB", …). */
    String formatName();

    /**
     * Whether a file looks like this format, judged by content first (magic bytes, signatures)
     * and, for text and raw formats that have none, by name or sidecar.
     *
     * @param head the first bytes of the file (up to {@link RecordingReaders#HEAD_BYTES}),
     *     little-endian, positioned at 0
     */
    boolean recognises(Path file, ByteBuffer head);

    /**
     * Opens the file. Problems with the file itself are reported as a
     * {@link org.mepsc.recording.RecordingFormatException} naming the file.
     */
    Recording open(Path file, OpenOptions options) throws IOException;
}
