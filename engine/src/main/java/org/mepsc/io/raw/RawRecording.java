package org.mepsc.io.raw;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.mepsc.io.FileBytes;
import org.mepsc.io.RawLayout;
import org.mepsc.recording.AbstractRecording;
import org.mepsc.recording.Channel;
import org.mepsc.recording.RecordingFormatException;
import org.mepsc.recording.RecordingMetadata;
import org.mepsc.recording.Sweep;

/**
 * An opened raw file: positioned reads of 64 Ki whole frames at a time; each reading thread keeps
 * its last block, so small consecutive reads do not go back to the file.
 */
final class RawRecording extends AbstractRecording {

    private static final int BLOCK_FRAMES = 1 << 16;

    /** Frames {@code [firstFrame, firstFrame + frames)} as stored; what a thread keeps between reads. */
    private record Block(long firstFrame, int frames, ByteBuffer bytes) {
    }

    private final Path file;
    private final RawLayout layout;
    private final long[] firstFrame;
    private final FileChannel channel;
    private final long totalFrames;
    private final ThreadLocal<Block> lastBlock = new ThreadLocal<>();

    RawRecording(Path file, RawLayout layout, RecordingMetadata metadata, List<Channel> channels, List<Sweep> sweeps)
            throws IOException {
        super(Optional.of(file), metadata, channels, sweeps);
        this.file = file;
        this.layout = layout;
        this.firstFrame = new long[sweeps.size()];
        for (int s = 1; s < sweeps.size(); s++) {
            firstFrame[s] = firstFrame[s - 1] + sweeps.get(s - 1).length();
        }
        this.totalFrames = firstFrame[sweeps.size() - 1] + sweeps.get(sweeps.size() - 1).length();
        this.channel = FileBytes.openChannel(file);
    }

    @Override
    protected void readChecked(int ch, int sweep, long start, int count, float[] dst, int offset) throws IOException {
        int bytes = layout.sampleType().bytes();
        int frameBytes = layout.channelCount() * bytes;
        double scale = layout.scale() * channel(ch).unit().toCanonical();
        double shift = layout.offset() * channel(ch).unit().toCanonical();
        boolean float32 = layout.sampleType() == RawLayout.SampleType.FLOAT32;
        boolean exact = scale == 1.0 && shift == 0.0 && float32;
        long frame = firstFrame[sweep] + start;
        int done = 0;
        while (done < count) {
            Block b = block(frame, frameBytes);
            int from = (int) (frame - b.firstFrame());
            int n = Math.min(count - done, b.frames() - from);
            ByteBuffer buf = b.bytes();
            for (int i = 0; i < n; i++) {
                int p = (from + i) * frameBytes + ch * bytes;
                dst[offset + done + i] = exact ? buf.getFloat(p)
                        : (float) ((float32 ? buf.getFloat(p) : buf.getShort(p)) * scale + shift);
            }
            done += n;
            frame += n;
        }
    }

    /** The block of frames holding {@code frame}: the thread's last one if it does, else read now. */
    private Block block(long frame, int frameBytes) throws IOException {
        Block b = lastBlock.get();
        if (b != null && frame >= b.firstFrame() && frame < b.firstFrame() + b.frames()) {
            return b;
        }
        long first = frame / BLOCK_FRAMES * BLOCK_FRAMES;
        int frames = (int) Math.min(BLOCK_FRAMES, totalFrames - first);
        ByteBuffer buf = ByteBuffer.allocate(frames * frameBytes).order(ByteOrder.LITTLE_ENDIAN);
        long at = layout.headerBytes() + first * frameBytes;
        while (buf.hasRemaining()) {
            if (channel.read(buf, at + buf.position()) < 0) {
                throw new RecordingFormatException(file, "ends before frame " + (first + frames) + " (was it truncated while open?)");
            }
        }
        b = new Block(first, frames, buf);
        lastBlock.set(b);
        return b;
    }

    @Override
    public void close() throws IOException {
        lastBlock.remove();
        channel.close();
    }
}
