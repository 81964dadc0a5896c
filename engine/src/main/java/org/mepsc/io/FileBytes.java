package org.mepsc.io;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import org.mepsc.recording.RecordingFormatException;

/**
 * An open binary file whose structures are read with bounds checks. Every region is checked
 * against the file's size before anything is allocated, so a header that points past the end or
 * claims an absurd size becomes a {@link RecordingFormatException} naming the structure, never an
 * exception from the JDK or an allocation of what a corrupt field claims.
 */
public final class FileBytes implements AutoCloseable {

    /**
     * The largest structure read into memory in one piece unless a reader allows more: headers,
     * tables and strings are far smaller, so a bigger claim is a corrupt size, and even in a file
     * of many gigabytes it cannot exhaust the heap.
     */
    public static final long MAX_STRUCTURE_BYTES = 64L << 20;

    private final Path file;
    private final FileChannel channel;
    private final long size;

    private FileBytes(Path file, FileChannel channel, long size) {
        this.file = file;
        this.channel = channel;
        this.size = size;
    }

    public static FileBytes open(Path file) throws IOException {
        FileChannel ch = openChannel(file);
        try {
            return new FileBytes(file, ch, ch.size());
        } catch (IOException e) {
            ch.close();
            throw e;
        }
    }

    /**
     * Opens a recording file for reading, with the errors readers give: a missing, unreadable or
     * irregular file is a {@link RecordingFormatException} naming it.
     */
    public static FileChannel openChannel(Path file) throws IOException {
        requireRegularFile(file);
        try {
            return FileChannel.open(file, StandardOpenOption.READ);
        } catch (NoSuchFileException e) {
            throw new RecordingFormatException(file, "no such file");
        } catch (AccessDeniedException e) {
            throw new RecordingFormatException(file, "permission denied");
        }
    }

    /**
     * Refuses what is not a regular file before it is opened: opening a named pipe waits for a
     * writer (a hang), and devices have no length; recordings need random access.
     */
    public static void requireRegularFile(Path file) throws RecordingFormatException {
        if (Files.isDirectory(file)) {
            throw new RecordingFormatException(file, "is a directory, not a recording");
        }
        if (!Files.exists(file)) {
            throw new RecordingFormatException(file, "no such file");
        }
        if (!Files.isRegularFile(file)) {
            throw new RecordingFormatException(file, "is not a regular file (a pipe, device or socket);"
                    + " recordings are read from files");
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
     * {@code length} bytes from {@code position}, in the given byte order, positioned at 0; at most
     * {@link #MAX_STRUCTURE_BYTES}.
     *
     * @param what the structure being read, for the error message ("bundle header", "synch array")
     */
    public ByteBuffer read(long position, long length, ByteOrder order, String what) throws IOException {
        return read(position, length, order, what, MAX_STRUCTURE_BYTES);
    }

    /** As {@link #read(long, long, ByteOrder, String)}, for a structure allowed up to {@code maxBytes}. */
    public ByteBuffer read(long position, long length, ByteOrder order, String what, long maxBytes)
            throws IOException {
        requireInside(position, length, "the " + what);
        if (length > Math.min(maxBytes, Integer.MAX_VALUE)) {
            throw problem("the " + what + " claims " + length + " bytes, more than it can plausibly be");
        }
        ByteBuffer buf = ByteBuffer.allocate((int) length).order(order);
        long pos = position;
        while (buf.hasRemaining()) {
            int r = channel.read(buf, pos);
            if (r < 0) {
                throw problem("file ends at byte " + pos + ", inside the " + what
                        + " (was it truncated after it was opened?)");
            }
            pos += r;
        }
        return buf.flip();
    }

    /**
     * Fails unless the {@code length} bytes from {@code position} lie inside the file.
     *
     * @param what the region, with its article, for the error message ("the samples of channel 0")
     */
    public void requireInside(long position, long length, String what) throws RecordingFormatException {
        if (position < 0 || length < 0) {
            throw problem(what + " has a negative position or size (byte " + position + ", " + length + " bytes)");
        }
        if (position > size || length > size - position) {
            long end = position + length;
            throw problem("truncated or corrupt: " + what + " (bytes " + position + " to "
                    + (end < position ? "beyond 2^63" : Long.toString(end)) + ") lies beyond the end of the file ("
                    + size + " bytes)");
        }
    }

    /**
     * Fails unless {@code samples} values of {@code bytesPerSample} bytes from {@code position}
     * lie inside the file: a header that claims more samples than the file holds is the commonest
     * corruption (an interrupted copy or acquisition).
     */
    public void requireSamples(long position, long samples, int bytesPerSample) throws RecordingFormatException {
        if (position < 0 || samples < 0) {
            throw problem("the data section has a negative position or size (byte " + position + ", "
                    + samples + " samples)");
        }
        long bytes;
        try {
            bytes = Math.multiplyExact(samples, (long) bytesPerSample);
        } catch (ArithmeticException e) {
            throw problem("the header claims an impossible number of samples (" + samples + ")");
        }
        if (position > size || bytes > size - position) {
            long held = Math.max(0, size - position) / bytesPerSample;
            throw problem("the header claims " + samples + " samples from byte " + position
                    + " but the file holds only " + held + " (file truncated?)");
        }
    }

    @Override
    public void close() throws IOException {
        channel.close();
    }
}
