package org.mepsc.io;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import org.mepsc.recording.RecordingFormatException;

/**
 * Where one channel of one sweep lies in a binary file, and how to turn its stored values into
 * canonical units: sample {@code i} is {@code stored × scale + offset}.
 *
 * <p>Samples follow each other every {@code strideBytes} (more than the sample size when channels
 * are interleaved). Some formats (HEKA) also split a trace into blocks of {@code blockSamples}
 * samples that start every {@code blockStrideBytes}; {@code blockSamples == 0} means one block.
 *
 * @param firstByte file position of sample 0
 * @param length samples
 * @param encoding how a sample is stored
 * @param order the samples' byte order
 * @param strideBytes bytes from one sample to the next inside a block
 * @param blockSamples samples per block, or 0 for a single block
 * @param blockStrideBytes bytes from one block's start to the next one's
 * @param scale factor to canonical units
 * @param offset added after scaling
 */
public record StoredSamples(long firstByte, long length, SampleEncoding encoding, ByteOrder order,
        int strideBytes, int blockSamples, long blockStrideBytes, double scale, double offset) {

    /** Bytes read at most per file access, so reads of any size use a small buffer. */
    private static final int CHUNK_BYTES = 1 << 16;

    public StoredSamples {
        if (firstByte < 0 || length < 0 || strideBytes < encoding.bytes() || blockSamples < 0
                || (blockSamples > 0 && blockStrideBytes < (long) blockSamples * strideBytes)) {
            throw new IllegalArgumentException("inconsistent sample layout");
        }
    }

    /** Samples stored one after the other. */
    public static StoredSamples contiguous(long firstByte, long length, SampleEncoding encoding, ByteOrder order,
            double scale, double offset) {
        return new StoredSamples(firstByte, length, encoding, order, encoding.bytes(), 0, 0, scale, offset);
    }

    /** Samples of one channel among others, every {@code strideBytes}. */
    public static StoredSamples strided(long firstByte, long length, SampleEncoding encoding, ByteOrder order,
            int strideBytes, double scale, double offset) {
        return new StoredSamples(firstByte, length, encoding, order, strideBytes, 0, 0, scale, offset);
    }

    /** The file position just after the last sample (saturating at Long.MAX_VALUE). */
    public long endByte() {
        if (length == 0) {
            return firstByte;
        }
        try {
            return Math.addExact(position(length - 1), encoding.bytes());
        } catch (ArithmeticException e) {
            return Long.MAX_VALUE;
        }
    }

    private long position(long i) {
        if (blockSamples == 0) {
            return Math.addExact(firstByte, Math.multiplyExact(i, (long) strideBytes));
        }
        long block = i / blockSamples;
        long inBlock = i % blockSamples;
        return Math.addExact(firstByte,
                Math.addExact(Math.multiplyExact(block, blockStrideBytes), inBlock * strideBytes));
    }

    /**
     * Reads samples {@code [start, start+count)} into {@code dst[offset..]}. The caller has
     * checked the range; a file that ends early is reported as truncated.
     */
    public void read(FileChannel channel, Path file, long start, int count, float[] dst, int dstOffset)
            throws IOException {
        int perChunk = Math.max(1, (CHUNK_BYTES - encoding.bytes()) / strideBytes + 1);
        ByteBuffer buf = null;
        int done = 0;
        while (done < count) {
            long i = start + done;
            long runEnd = blockSamples == 0 ? start + count : Math.min(start + count, (i / blockSamples + 1) * blockSamples);
            int n = (int) Math.min(runEnd - i, perChunk);
            int span = (n - 1) * strideBytes + encoding.bytes();
            if (buf == null || buf.capacity() < span) {
                buf = ByteBuffer.allocate(span).order(order);
            }
            buf.clear().limit(span);
            readFully(channel, file, buf, position(i));
            for (int k = 0; k < n; k++) {
                dst[dstOffset + done + k] = (float) (encoding.decode(buf, k * strideBytes) * scale + offset);
            }
            done += n;
        }
    }

    private static void readFully(FileChannel channel, Path file, ByteBuffer buf, long position) throws IOException {
        long pos = position;
        while (buf.hasRemaining()) {
            int r = channel.read(buf, pos);
            if (r < 0) {
                throw new RecordingFormatException(file, "file ends at byte " + pos
                        + ", inside the samples (was it truncated after it was opened?)");
            }
            pos += r;
        }
    }
}
