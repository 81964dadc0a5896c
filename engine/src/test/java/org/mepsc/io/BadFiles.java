package org.mepsc.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.mepsc.recording.Recording;
import org.mepsc.recording.RecordingFormatException;

/**
 * Assertions for malformed inputs: opening (and, if it opens, reading) must end in a one-line
 * {@link RecordingFormatException} that names the file, quickly, without allocating anywhere near
 * what a corrupt header claims.
 */
public final class BadFiles {

    private static final Duration LIMIT = Duration.ofSeconds(10);
    /** Far below the gigabytes an absurd count would ask for, far above what a header needs. */
    private static final long MAX_ALLOCATION = 64L << 20;

    private BadFiles() {
    }

    /** Writes {@code bytes} to {@code file} and asserts that mepsc rejects it cleanly. */
    public static RecordingFormatException assertRejected(Path file, byte[] bytes) throws IOException {
        Files.write(file, bytes);
        return assertRejected(file);
    }

    /** Asserts that mepsc rejects {@code file} cleanly; returns the exception for more checks. */
    public static RecordingFormatException assertRejected(Path file) {
        return assertRejected(file, OpenOptions.DEFAULT);
    }

    public static RecordingFormatException assertRejected(Path file, OpenOptions options) {
        Throwable[] thrown = new Throwable[1];
        long[] allocated = new long[1];
        assertTimeoutPreemptively(LIMIT, () -> {
            com.sun.management.ThreadMXBean mx = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
            long before = mx.getCurrentThreadAllocatedBytes();
            try (Recording r = RecordingReaders.standard().open(file, options)) {
                readEverything(r);
            } catch (Throwable t) {
                thrown[0] = t;
            }
            allocated[0] = mx.getCurrentThreadAllocatedBytes() - before;
        }, () -> file + ": took longer than " + LIMIT);
        assertThat(thrown[0]).as("%s must be rejected", file.getFileName()).isInstanceOf(RecordingFormatException.class);
        RecordingFormatException e = (RecordingFormatException) thrown[0];
        assertThat(e.getMessage()).as("one line").doesNotContain("\n").doesNotContain("\r");
        assertThat(e.getMessage()).as("names the file").contains(file.toString());
        assertThat(allocated[0]).as("bytes allocated while rejecting %s", file.getFileName()).isLessThan(MAX_ALLOCATION);
        return e;
    }

    private static void readEverything(Recording r) throws IOException {
        float[] buf = new float[4096];
        for (int s = 0; s < r.sweeps().size(); s++) {
            for (int c = 0; c < r.channels().size(); c++) {
                long n = r.sweep(s).length();
                for (long p = 0; p < n; p += buf.length) {
                    r.read(c, s, p, (int) Math.min(buf.length, n - p), buf, 0);
                }
            }
        }
    }

    /** A copy of {@code bytes} with a 4-byte integer replaced. */
    public static byte[] withInt(byte[] bytes, int at, int value, ByteOrder order) {
        byte[] copy = bytes.clone();
        ByteBuffer.wrap(copy).order(order).putInt(at, value);
        return copy;
    }

    /** A copy of {@code bytes} with an 8-byte float replaced. */
    public static byte[] withDouble(byte[] bytes, int at, double value, ByteOrder order) {
        byte[] copy = bytes.clone();
        ByteBuffer.wrap(copy).order(order).putDouble(at, value);
        return copy;
    }

    /** A copy of {@code bytes} with ASCII text written at {@code at}. */
    public static byte[] withText(byte[] bytes, int at, String text) {
        byte[] copy = bytes.clone();
        byte[] t = text.getBytes(java.nio.charset.StandardCharsets.ISO_8859_1);
        System.arraycopy(t, 0, copy, at, t.length);
        return copy;
    }
}
