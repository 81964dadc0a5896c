package org.mepsc.io.raw;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.Optional;
import org.mepsc.io.RawLayout;
import org.mepsc.recording.Channel;
import org.mepsc.recording.Recording;
import org.mepsc.recording.RecordingFormatException;
import org.mepsc.recording.RecordingMetadata;
import org.mepsc.recording.Sweep;

/** An opened raw file: positioned reads of whole frames, a bounded block at a time. */
final class RawRecording implements Recording {

    private static final int BLOCK_FRAMES = 1 << 16;

    private final Path file;
    private final RawLayout layout;
    private final RecordingMetadata metadata;
    private final List<Channel> channels;
    private final List<Sweep> sweeps;
    private final long[] firstFrame;
    private final FileChannel channel;

    RawRecording(Path file, RawLayout layout, RecordingMetadata metadata, List<Channel> channels, List<Sweep> sweeps)
            throws IOException {
        this.file = file;
        this.layout = layout;
        this.metadata = metadata;
        this.channels = List.copyOf(channels);
        this.sweeps = List.copyOf(sweeps);
        this.firstFrame = new long[sweeps.size()];
        for (int s = 1; s < sweeps.size(); s++) {
            firstFrame[s] = firstFrame[s - 1] + sweeps.get(s - 1).length();
        }
        this.channel = FileChannel.open(file, StandardOpenOption.READ);
    }

    @Override
    public Optional<Path> source() {
        return Optional.of(file);
    }

    @Override
    public RecordingMetadata metadata() {
        return metadata;
    }

    @Override
    public List<Channel> channels() {
        return channels;
    }

    @Override
    public List<Sweep> sweeps() {
        return sweeps;
    }

    @Override
    public void read(int ch, int sweep, long start, int count, float[] dst, int offset) throws IOException {
        checkRange(ch, sweep, start, count);
        int bytes = layout.sampleType().bytes();
        int frameBytes = layout.channelCount() * bytes;
        double scale = layout.scale() * channels.get(ch).unit().toCanonical();
        double shift = layout.offset() * channels.get(ch).unit().toCanonical();
        boolean exact = scale == 1.0 && shift == 0.0 && layout.sampleType() == RawLayout.SampleType.FLOAT32;
        ByteBuffer buf = ByteBuffer.allocate((int) Math.min(count, BLOCK_FRAMES) * frameBytes).order(ByteOrder.LITTLE_ENDIAN);
        long frame = firstFrame[sweep] + start;
        int done = 0;
        while (done < count) {
            int n = Math.min(count - done, BLOCK_FRAMES);
            buf.clear().limit(n * frameBytes);
            long at = layout.headerBytes() + frame * frameBytes;
            while (buf.hasRemaining()) {
                if (channel.read(buf, at + buf.position()) < 0) {
                    throw new RecordingFormatException(file, "ends before frame " + frame + " (was it truncated while open?)");
                }
            }
            for (int i = 0; i < n; i++) {
                int p = i * frameBytes + ch * bytes;
                double raw = layout.sampleType() == RawLayout.SampleType.FLOAT32 ? buf.getFloat(p) : buf.getShort(p);
                dst[offset + done + i] = exact ? buf.getFloat(p) : (float) (raw * scale + shift);
            }
            done += n;
            frame += n;
        }
    }

    @Override
    public void close() throws IOException {
        channel.close();
    }
}
