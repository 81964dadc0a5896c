package org.mepsc.io.abf;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.MappedByteBuffer;
import java.nio.channels.FileChannel;
import org.mepsc.io.RawLayout.SampleType;

/**
 * The data section, memory-mapped read-only and decoded straight into the caller's array.
 *
 * <p>Samples are interleaved in frames (one sample of every channel). The section is mapped in
 * windows of whole frames below 1 GiB, so files beyond the 2 GiB limit of one mapping work and no
 * sample straddles two windows. Reads use absolute gets only, so any number of threads may read at
 * once; nothing is copied into memory up front (the page cache serves the bytes).
 */
final class AbfSamples {

    /** Largest window; small enough for an int index, large enough that few are needed. */
    static final long WINDOW_LIMIT = 1L << 30;

    private final MappedByteBuffer[] windows;
    private final long framesPerWindow;
    private final int frameBytes;
    private final int sampleBytes;
    private final SampleType storage;

    /**
     * Maps {@code frames} frames of {@code channels} samples from byte {@code offset}; the caller has
     * checked that they lie inside the file.
     */
    AbfSamples(FileChannel file, long offset, long frames, int channels, SampleType storage) throws IOException {
        this(file, offset, frames, channels, storage, WINDOW_LIMIT);
    }

    /** As above with a chosen window size (tests use small windows to cross their boundaries). */
    AbfSamples(FileChannel file, long offset, long frames, int channels, SampleType storage, long windowLimit)
            throws IOException {
        this.storage = storage;
        this.sampleBytes = storage.bytes();
        this.frameBytes = channels * sampleBytes;
        this.framesPerWindow = Math.max(1, windowLimit / frameBytes);
        int count = (int) ((frames + framesPerWindow - 1) / framesPerWindow);
        this.windows = new MappedByteBuffer[count];
        for (int w = 0; w < count; w++) {
            long first = w * framesPerWindow;
            long n = Math.min(framesPerWindow, frames - first);
            windows[w] = file.map(FileChannel.MapMode.READ_ONLY, offset + first * frameBytes, n * frameBytes);
            windows[w].order(ByteOrder.LITTLE_ENDIAN);
        }
    }

    /**
     * Writes {@code stored · gain + offset} for {@code count} samples of one channel, from frame
     * {@code firstFrame}, into {@code dst[at..]}.
     */
    void read(int channel, long firstFrame, int count, float gain, float offset, float[] dst, int at) {
        long frame = firstFrame;
        int done = 0;
        while (done < count) {
            int w = (int) (frame / framesPerWindow);
            long local = frame - w * framesPerWindow;
            int n = (int) Math.min(count - done, framesPerWindow - local);
            int pos = (int) (local * frameBytes) + channel * sampleBytes;
            if (storage == SampleType.INT16) {
                int16(windows[w], pos, frameBytes, n, gain, offset, dst, at + done);
            } else {
                float32(windows[w], pos, frameBytes, n, gain, offset, dst, at + done);
            }
            done += n;
            frame += n;
        }
    }

    private static void int16(ByteBuffer b, int pos, int stride, int n, float gain, float offset, float[] dst, int at) {
        for (int i = 0; i < n; i++, pos += stride) {
            dst[at + i] = b.getShort(pos) * gain + offset;
        }
    }

    private static void float32(ByteBuffer b, int pos, int stride, int n, float gain, float offset, float[] dst, int at) {
        for (int i = 0; i < n; i++, pos += stride) {
            dst[at + i] = b.getFloat(pos) * gain + offset;
        }
    }
}
