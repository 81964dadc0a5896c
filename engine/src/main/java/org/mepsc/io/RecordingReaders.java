package org.mepsc.io;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.mepsc.io.abf.AbfReader;
import org.mepsc.recording.Recording;
import org.mepsc.recording.RecordingFormatException;
import org.mepsc.recording.Sweep;

/** Opens any supported recording, choosing the reader by the file's content. */
public final class RecordingReaders {

    /** How many leading bytes {@link RecordingReader#recognises} gets to look at. */
    public static final int HEAD_BYTES = 4096;

    private final List<RecordingReader> readers;

    public RecordingReaders(List<RecordingReader> readers) {
        this.readers = List.copyOf(readers);
    }

    /** Every format mepsc reads, binary formats with signatures before text and raw. */
    public static RecordingReaders standard() {
        return new RecordingReaders(List.of(
                new AbfReader(),
                new org.mepsc.io.heka.HekaReader(),
                new org.mepsc.io.wcp.WcpReader(),
                new org.mepsc.io.axg.AxgReader(),
                new org.mepsc.io.nwb.NwbReader(),
                new org.mepsc.io.text.AtfReader(),
                new org.mepsc.io.text.CsvReader(),
                new org.mepsc.io.raw.RawReader()
        ));
    }

    public List<RecordingReader> readers() {
        return readers;
    }

    /** Opens a file with default options. */
    public static Recording openFile(Path file) throws IOException {
        return standard().open(file, OpenOptions.DEFAULT);
    }

    public Recording open(Path file, OpenOptions options) throws IOException {
        Optional<RecordingReader> detected = detect(file);
        if (detected.isEmpty() && options.raw().isPresent()) {
            // a raw layout given by the user makes any unrecognised file a raw one
            detected = readers.stream().filter(r -> r.formatName().equals("RAW")).findFirst();
        }
        RecordingReader reader = detected.orElseThrow(() -> new RecordingFormatException(file,
                "not a recording mepsc can read (formats: " + formatNames() + ")"));
        Recording recording = reader.open(file, options);
        try {
            requirePlausibleRates(file, recording);
        } catch (RecordingFormatException e) {
            try {
                recording.close();
            } catch (IOException closing) {
                e.addSuppressed(closing);
            }
            throw e;
        }
        return recording;
    }

    /** Refuses a recording that a damaged header gave an impossible rate, whatever its format. */
    private static void requirePlausibleRates(Path file, Recording recording) throws RecordingFormatException {
        for (Sweep s : recording.sweeps()) {
            SampleRates.require(file, "sweep " + s.index(), s.sampleRateHz());
        }
    }

    /** The reader for a file, judged by its content; empty if no reader recognises it. */
    public Optional<RecordingReader> detect(Path file) throws IOException {
        ByteBuffer head = head(file);
        for (RecordingReader r : readers) {
            if (r.recognises(file, head.duplicate().order(ByteOrder.LITTLE_ENDIAN))) {
                return Optional.of(r);
            }
        }
        return Optional.empty();
    }

    private String formatNames() {
        StringBuilder sb = new StringBuilder();
        for (RecordingReader r : readers) {
            sb.append(sb.length() == 0 ? "" : ", ").append(r.formatName());
        }
        return sb.toString();
    }

    /** The first bytes of a file, with clear errors for missing, unreadable and empty files. */
    static ByteBuffer head(Path file) throws IOException {
        try (FileChannel ch = FileBytes.openChannel(file)) {
            if (ch.size() == 0) {
                throw new RecordingFormatException(file, "file is empty (0 bytes)");
            }
            ByteBuffer buf = ByteBuffer.allocate((int) Math.min(HEAD_BYTES, ch.size()));
            while (buf.hasRemaining() && ch.read(buf, buf.position()) > 0) {
                // positional read until the buffer is full or the file ends
            }
            buf.flip();
            return buf.order(ByteOrder.LITTLE_ENDIAN);
        }
    }
}
