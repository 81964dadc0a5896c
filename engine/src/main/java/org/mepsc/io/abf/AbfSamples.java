package org.mepsc.io.abf;

import java.io.IOException;
import java.nio.ByteOrder;
import java.nio.FloatBuffer;
import java.nio.MappedByteBuffer;
import java.nio.ShortBuffer;
import java.nio.channels.FileChannel;
import java.util.concurrent.atomic.AtomicReferenceArray;
import org.mepsc.io.RawLayout.SampleType;

/**
 * The data section, memory-mapped read-only and decoded into the caller's array.
 *
 * <p>Samples are interleaved in frames (one sample of every channel). The section is mapped in
 * windows of whole frames below 1 GiB, so files beyond the 2 GiB limit of one mapping work and no
 * sample straddles two windows. A read copies blocks of frames from the mapping into a small
 * per-thread buffer (a bulk copy, much faster than sample-by-sample gets) and converts the wanted
 * channel from there: int16 samples by a table of every value's {@code stored · gain + offset},
 * float32 with one multiply-add per sample. Only absolute gets touch the shared mapping, so any
 * number of threads may read at once; nothing is loaded up front.
 */
final class AbfSamples {

    /** Largest window; small enough for an int index, large enough that few are needed. */
    static final long WINDOW_LIMIT = 1L << 30;

    /** Values copied per block: 32 KiB of int16, small enough to stay in the L1/L2 cache. */
    private static final int BLOCK_VALUES = 1 << 14;

    private final ShortBuffer[] int16Windows;
    private final FloatBuffer[] float32Windows;
    private final long framesPerWindow;
    private final int channels;
    private final int blockFrames;
    private final ThreadLocal<short[]> int16Block;
    private final ThreadLocal<float[]> float32Block;
    /** Each channel's int16 table for the scaling last asked for, made on the channel's first read. */
    private final AtomicReferenceArray<Int16Table> tables;

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
        this.channels = channels;
        int frameBytes = channels * storage.bytes();
        this.framesPerWindow = Math.max(1, windowLimit / frameBytes);
        this.blockFrames = Math.max(1, BLOCK_VALUES / channels);
        int count = (int) ((frames + framesPerWindow - 1) / framesPerWindow);
        boolean int16 = storage == SampleType.INT16;
        this.int16Windows = int16 ? new ShortBuffer[count] : null;
        this.float32Windows = int16 ? null : new FloatBuffer[count];
        for (int w = 0; w < count; w++) {
            long first = w * framesPerWindow;
            long n = Math.min(framesPerWindow, frames - first);
            MappedByteBuffer window = file.map(FileChannel.MapMode.READ_ONLY, offset + first * frameBytes,
                    n * frameBytes);
            window.order(ByteOrder.LITTLE_ENDIAN);
            if (int16) {
                int16Windows[w] = window.asShortBuffer();
            } else {
                float32Windows[w] = window.asFloatBuffer();
            }
        }
        int blockValues = blockFrames * channels;
        this.int16Block = int16 ? ThreadLocal.withInitial(() -> new short[blockValues]) : null;
        this.float32Block = int16 ? null : ThreadLocal.withInitial(() -> new float[blockValues]);
        this.tables = new AtomicReferenceArray<>(channels);
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
            int local = (int) (frame - w * framesPerWindow);
            int n = (int) Math.min(Math.min(count - done, framesPerWindow - local), blockFrames);
            if (int16Windows != null) {
                int16(int16Windows[w], local, n, channel, gain, offset, dst, at + done);
            } else {
                float32(float32Windows[w], local, n, channel, gain, offset, dst, at + done);
            }
            done += n;
            frame += n;
        }
    }

    private void int16(ShortBuffer window, int frame, int n, int channel, float gain, float offset, float[] dst,
            int at) {
        short[] block = int16Block.get();
        window.get(frame * channels, block, 0, n * channels);
        float[] table = table(channel, gain, offset);
        if (channels == 1) {
            for (int i = 0; i < n; i++) {
                dst[at + i] = table[block[i] & 0xffff];
            }
        } else {
            for (int i = 0, k = channel; i < n; i++, k += channels) {
                dst[at + i] = table[block[k] & 0xffff];
            }
        }
    }

    private float[] table(int channel, float gain, float offset) {
        Int16Table t = tables.get(channel);
        if (t == null || !t.scales(gain, offset)) {
            t = Int16Table.of(gain, offset);
            tables.set(channel, t);
        }
        return t.values();
    }

    /**
     * {@code stored · gain + offset} for every int16 value, indexed by its 16 bits: the same floats
     * as converting each sample, for a load instead of a conversion and a multiply-add (which the
     * compiler does not vectorise: 0.2 against 0.57 ns a sample on the development machine).
     */
    record Int16Table(float gain, float offset, float[] values) {

        static Int16Table of(float gain, float offset) {
            float[] v = new float[1 << 16];
            for (int k = 0; k < v.length; k++) {
                v[k] = (short) k * gain + offset;
            }
            return new Int16Table(gain, offset, v);
        }

        boolean scales(float g, float o) {
            return Float.floatToRawIntBits(g) == Float.floatToRawIntBits(gain)
                    && Float.floatToRawIntBits(o) == Float.floatToRawIntBits(offset);
        }
    }

    private void float32(FloatBuffer window, int frame, int n, int channel, float gain, float offset, float[] dst,
            int at) {
        float[] block = float32Block.get();
        window.get(frame * channels, block, 0, n * channels);
        for (int i = 0, k = channel; i < n; i++, k += channels) {
            dst[at + i] = block[k] * gain + offset;
        }
    }
}
