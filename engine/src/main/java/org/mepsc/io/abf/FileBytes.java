package org.mepsc.io.abf;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import org.mepsc.recording.RecordingFormatException;

/**
 * Bounded little-endian reads of header structures. Every region is checked against the file
 * size before anything is allocated, so a header that points past the end of the file becomes a
 * {@link RecordingFormatException} naming the structure, never an exception from the JDK.
 */
final class FileBytes {

    /** The largest header structure read in one piece (strings, tag and synch tables are smaller in practice). */
    static final int MAX_REGION = 16 << 20;

    private final Path file;
    private final FileChannel channel;
    private final long size;

    FileBytes(Path file, FileChannel channel) throws IOException {
        this.file = file;
        this.channel = channel;
        this.size = channel.size();
    }

    Path file() {
        return file;
    }

    long size() {
        return size;
    }

    /** The problem as an exception naming this file. */
    RecordingFormatException problem(String what) {
        return new RecordingFormatException(file, what);
    }

    /**
     * Reads {@code length} bytes at {@code offset}.
     *
     * @param what the structure being read, for the error message ("ABF1 header", "synch array")
     */
    ByteBuffer read(long offset, long length, String what) throws IOException {
        requireInside(offset, length, what);
        if (length > MAX_REGION) {
            throw problem(what + " claims " + length + " bytes, more than a header structure can be");
        }
        ByteBuffer buf = ByteBuffer.allocate((int) length).order(ByteOrder.LITTLE_ENDIAN);
        while (buf.hasRemaining()) {
            if (channel.read(buf, offset + buf.position()) < 0) {
                throw problem("file ended while reading the " + what);
            }
        }
        return buf.flip();
    }

    /** Checks that {@code [offset, offset + length)} lies inside the file. */
    void requireInside(long offset, long length, String what) throws RecordingFormatException {
        if (offset < 0 || length < 0) {
            throw problem(what + " has a negative position or size (offset " + offset + ", " + length + " bytes)");
        }
        if (offset > size || length > size - offset) {
            throw problem("truncated: the " + what + " (bytes " + offset + ".." + saturatedEnd(offset, length)
                    + ") lies beyond the end of the file (" + size + " bytes)");
        }
    }

    /**
     * Checks that the data section, {@code samples} values of {@code bytesPerSample} bytes from
     * {@code offset}, lies inside the file: a header that claims more samples than the file holds is
     * the commonest corruption (an interrupted copy or acquisition).
     */
    void requireData(long offset, long samples, int bytesPerSample) throws RecordingFormatException {
        if (offset < 0 || samples < 0) {
            throw problem("the data section has a negative position or size (offset " + offset + ", "
                    + samples + " samples)");
        }
        long bytes;
        try {
            bytes = Math.multiplyExact(samples, (long) bytesPerSample);
        } catch (ArithmeticException e) {
            throw problem("the header claims an impossible number of samples (" + samples + ")");
        }
        if (offset > size || bytes > size - offset) {
            long held = Math.max(0, size - offset) / bytesPerSample;
            throw problem("the header claims " + samples + " samples from byte " + offset + " but the file holds only "
                    + held + " (file truncated?)");
        }
    }

    private static String saturatedEnd(long offset, long length) {
        long end = offset + length;
        return end < offset ? "beyond 2^63" : Long.toString(end);
    }
}
