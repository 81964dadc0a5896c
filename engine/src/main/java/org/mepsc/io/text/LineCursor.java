package org.mepsc.io.text;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.util.Arrays;

/**
 * Walks the lines of a file from any byte offset with positioned reads, so that several threads
 * can each keep one over a shared channel. Lines end at '\n' (a '\r' before it is dropped); a line
 * longer than {@link #MAX_LINE_BYTES} is refused rather than buffered.
 */
final class LineCursor {

    static final int MAX_LINE_BYTES = 1 << 20;
    private static final int BLOCK = 1 << 16;

    /** A line too long to be a row of numbers. */
    static final class LineTooLongException extends IOException {
        private static final long serialVersionUID = 1L;

        LineTooLongException(long offset) {
            super("a line longer than " + MAX_LINE_BYTES + " bytes starts at byte " + offset);
        }
    }

    private final FileChannel channel;
    private byte[] buf = new byte[BLOCK];
    private long bufStart;
    private int pos;
    private int limit;
    private boolean eof;
    private int start;
    private int end;
    private long lineOffset;

    LineCursor(FileChannel channel, long offset) {
        this.channel = channel;
        this.bufStart = offset;
    }

    /** Moves to a byte offset, keeping buffered bytes when the offset is inside them. */
    void seek(long offset) {
        if (offset >= bufStart && offset <= bufStart + limit) {
            pos = (int) (offset - bufStart);
        } else {
            bufStart = offset;
            pos = 0;
            limit = 0;
            eof = false;
        }
    }

    /** Advances to the next line; false at the end of the file. */
    boolean next() throws IOException {
        while (true) {
            for (int i = pos; i < limit; i++) {
                if (buf[i] == '\n') {
                    take(i, i + 1);
                    return true;
                }
            }
            if (limit - pos > MAX_LINE_BYTES) {
                throw new LineTooLongException(bufStart + pos);
            }
            if (eof) {
                if (pos < limit) {
                    take(limit, limit);
                    return true;
                }
                return false;
            }
            fill();
        }
    }

    private void take(int lineEnd, int nextPos) throws LineTooLongException {
        if (lineEnd - pos > MAX_LINE_BYTES) {
            throw new LineTooLongException(bufStart + pos);
        }
        start = pos;
        end = lineEnd > start && buf[lineEnd - 1] == '\r' ? lineEnd - 1 : lineEnd;
        lineOffset = bufStart + pos;
        pos = nextPos;
    }

    /** Keeps the unfinished line at the front of the buffer and reads more after it. */
    private void fill() throws IOException {
        int kept = limit - pos;
        if (pos > 0) {
            System.arraycopy(buf, pos, buf, 0, kept);
            bufStart += pos;
            pos = 0;
            limit = kept;
        }
        if (limit == buf.length) {
            buf = Arrays.copyOf(buf, buf.length * 2);
        }
        int n = channel.read(ByteBuffer.wrap(buf, limit, buf.length - limit), bufStart + limit);
        if (n <= 0) {
            eof = true;
        } else {
            limit += n;
        }
    }

    byte[] bytes() {
        return buf;
    }

    /** Start of the current line in {@link #bytes()}. */
    int start() {
        return start;
    }

    /** End (exclusive, without the line break) of the current line in {@link #bytes()}. */
    int end() {
        return end;
    }

    /** File offset of the current line. */
    long lineOffset() {
        return lineOffset;
    }

    /** File offset just after the current line. */
    long nextOffset() {
        return bufStart + pos;
    }

    /** The current line as UTF-8 text. */
    String text() {
        return new String(buf, start, end - start, java.nio.charset.StandardCharsets.UTF_8);
    }

    /** Whether the current line holds nothing but spaces, or is a '#' comment. */
    boolean isBlankOrComment() {
        for (int i = start; i < end; i++) {
            byte b = buf[i];
            if (b == '#') {
                return true;
            }
            if (b != ' ' && b != '\t' && b != ',' && b != ';') {
                return false;
            }
        }
        return true;
    }
}
