package org.mepsc.recording;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What every recording shares: what it is (source, metadata, channels, sweeps) and the checks of
 * a read request against its shape and the destination array. A subclass supplies only how
 * samples are fetched ({@link #readChecked}) and what closing releases.
 */
public abstract class AbstractRecording implements Recording {

    private final Optional<Path> source;
    private final RecordingMetadata metadata;
    private final List<Channel> channels;
    private final List<Sweep> sweeps;

    protected AbstractRecording(Optional<Path> source, RecordingMetadata metadata, List<Channel> channels,
            List<Sweep> sweeps) {
        this.source = source;
        this.metadata = metadata;
        this.channels = List.copyOf(channels);
        this.sweeps = List.copyOf(sweeps);
    }

    @Override
    public final Optional<Path> source() {
        return source;
    }

    @Override
    public final RecordingMetadata metadata() {
        return metadata;
    }

    @Override
    public final List<Channel> channels() {
        return channels;
    }

    @Override
    public final List<Sweep> sweeps() {
        return sweeps;
    }

    @Override
    public final void read(int channel, int sweep, long start, int count, float[] dst, int offset)
            throws IOException {
        checkRange(channel, sweep, start, count);
        Objects.checkFromIndexSize(offset, count, dst.length);
        readChecked(channel, sweep, start, count, dst, offset);
    }

    /**
     * Copies {@code count} samples into {@code dst[offset..]}, as {@link #read} promises; the
     * channel, sweep, sample range and destination have been checked.
     */
    protected abstract void readChecked(int channel, int sweep, long start, int count, float[] dst, int offset)
            throws IOException;
}
