package org.mepsc.io;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import org.mepsc.recording.RecordingFormatException;

/**
 * An open binary file whose header parts are read with bounds checks: asking for bytes past the
 * end is a {@link RecordingFormatException} naming the part, never an allocation of the size a
 * corrupt header claims.
 */
public final class FileBytes implements AutoCloseable {

    private final Path file;
    private final FileChannel channel;
    private final long size;

    private FileBytes(Path file, FileChannel channel, long size) {
        this.file = file;
        this.channel = channel;
        this.size = size;
    }

    public static FileBytes open(Path file) throws IOException {
        FileChannel ch;
        try {
            ch = FileChannel.open(file, StandardOpenOption.READ);
        } catch (NoSuchFileException e) {
            throw new RecordingFormatException(file, "no such file");
        } catch (java.nio.file.AccessDeniedException e) {
            throw new RecordingFormatException(file, "permission denied");
        }
        try {
            return new FileBytes(file, ch, ch.size());
        } catch (IOException e) {
            ch.close();
            throw e;
        }
    }

    /** Reads a file's structure into a T; the parser owns the open file on success. */
    @FunctionalInterface
    public interface Parser<T> {
        T parse(FileBytes file) throws IOException;
    }

    /**
     * Opens {@code file} and hands it to {@code parser}, closing it again if the parser fails, so
     * a reader that refuses a file leaves nothing open.
     */
    public static <T> T parse(Path file, Parser<T> parser) throws IOException {
        FileBytes bytes = open(file);
        try {
            return parser.parse(bytes);
        } catch (IOException | RuntimeException e) {
            bytes.close();
            throw e;
        }
    }

    public Path file() {
        return file;
    }

    public FileChannel channel() {
        return channel;
    }

    public long size() {
        return size;
    }

    /** A problem with this file, as the exception readers throw. */
    public RecordingFormatException problem(String what) {
        return new RecordingFormatException(file, what);
    }

    /**
     * {@code length} bytes from {@code position}, in the given byte order, positioned at 0.
     *
     * @param what the part being read, for the error message ("bundle header", "column 3 title")
     */
    public ByteBuffer read(long position, long length, ByteOrder order, String what) throws IOException {
        if (position < 0 || length < 0 || length > Integer.MAX_VALUE || position > size || length > size - position) {
            throw problem("bytes " + position + " to " + (position + length) + " (the " + what
                    + ") are outside the file of " + size + " bytes");
        }
        ByteBuffer buf = ByteBuffer.allocate((int) length).order(order);
        long pos = position;
        while (buf.hasRemaining()) {
            int r = channel.read(buf, pos);
            if (r < 0) {
                throw problem("file ends at byte " + pos + ", inside the " + what);
            }
            pos += r;
        }
        return buf.flip();
    }

    /** Fails unless {@code [position, end)} lies inside the file. */
    public void requireInside(long position, long end, String what) throws RecordingFormatException {
        if (position < 0 || end < position || end > size) {
            throw problem("bytes " + position + " to " + (end == Long.MAX_VALUE ? "beyond 2^63" : Long.toString(end))
                    + " (" + what + ") are outside the file of " + size + " bytes");
        }
    }

    @Override
    public void close() throws IOException {
        channel.close();
    }
}
