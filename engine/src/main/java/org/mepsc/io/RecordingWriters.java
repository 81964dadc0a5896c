package org.mepsc.io;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.mepsc.io.abf.AbfWriter;
import org.mepsc.io.text.CsvWriter;

/** The formats mepsc writes, found by name or by a file's extension. */
public final class RecordingWriters {

    private final List<RecordingWriter> writers;

    public RecordingWriters(List<RecordingWriter> writers) {
        this.writers = List.copyOf(writers);
    }

    public static RecordingWriters standard() {
        return new RecordingWriters(List.of(
                new CsvWriter(),
                new AbfWriter(),
                new org.mepsc.io.nwb.NwbWriter(),
                new org.mepsc.io.raw.RawWriter()
        ));
    }

    public List<RecordingWriter> writers() {
        return writers;
    }

    /**
     * The writer named {@code name} ("abf", "nwb", …).
     *
     * @throws IllegalArgumentException naming the formats there are
     */
    public RecordingWriter byName(String name) {
        for (RecordingWriter w : writers) {
            if (w.formatName().equalsIgnoreCase(name)) {
                return w;
            }
        }
        throw new IllegalArgumentException("unknown output format '" + name + "' (formats: " + names() + ")");
    }

    /** The writer whose extension the path has, if any. */
    public Optional<RecordingWriter> byExtension(Path file) {
        String n = file.getFileName().toString().toLowerCase(Locale.ROOT);
        for (RecordingWriter w : writers) {
            if (n.endsWith("." + w.extension())) {
                return Optional.of(w);
            }
        }
        return Optional.empty();
    }

    public String names() {
        StringBuilder sb = new StringBuilder();
        for (RecordingWriter w : writers) {
            sb.append(sb.length() == 0 ? "" : ", ").append(w.formatName());
        }
        return sb.toString();
    }
}
