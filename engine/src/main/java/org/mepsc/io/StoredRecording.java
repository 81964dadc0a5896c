package org.mepsc.io;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.mepsc.recording.Channel;
import org.mepsc.recording.Recording;
import org.mepsc.recording.RecordingFormatException;
import org.mepsc.recording.RecordingMetadata;
import org.mepsc.recording.Sweep;

/**
 * A recording whose samples lie in one binary file at places a reader worked out from the
 * header ({@link StoredSamples} per sweep and channel). Every read goes to the file with
 * positioned reads, which are safe from many threads at once.
 */
public final class StoredRecording implements Recording {

    private final FileBytes file;
    private final RecordingMetadata metadata;
    private final List<Channel> channels;
    private final List<Sweep> sweeps;
    private final List<List<StoredSamples>> layout; // [sweep][channel]

    /**
     * Takes ownership of {@code file} (closing it with the recording). Checks that there is at
     * least one channel and sweep, and that every sweep's samples lie inside the file.
     *
     * @param layout where each sweep's channels lie, as {@code layout.get(sweep).get(channel)}
     */
    public StoredRecording(FileBytes file, RecordingMetadata metadata, List<Channel> channels, List<Sweep> sweeps,
            List<List<StoredSamples>> layout) throws RecordingFormatException {
        if (channels.isEmpty() || sweeps.isEmpty()) {
            throw file.problem("holds no samples (" + channels.size() + " channels, " + sweeps.size() + " sweeps)");
        }
        if (layout.size() != sweeps.size()) {
            throw new IllegalArgumentException("layout for " + layout.size() + " of " + sweeps.size() + " sweeps");
        }
        for (int s = 0; s < sweeps.size(); s++) {
            List<StoredSamples> row = layout.get(s);
            if (row.size() != channels.size()) {
                throw new IllegalArgumentException("sweep " + s + " lays out " + row.size() + " channels");
            }
            for (int c = 0; c < row.size(); c++) {
                StoredSamples where = row.get(c);
                if (where.length() != sweeps.get(s).length()) {
                    throw new IllegalArgumentException("sweep " + s + " channel " + c + " length differs");
                }
                file.requireInside(where.firstByte(), where.endByte(),
                        "the samples of channel " + channels.get(c).name() + " in sweep " + s);
            }
        }
        this.file = file;
        this.metadata = metadata;
        this.channels = List.copyOf(channels);
        this.sweeps = List.copyOf(sweeps);
        this.layout = List.copyOf(layout.stream().map(List::copyOf).toList());
    }

    @Override
    public Optional<Path> source() {
        return Optional.of(file.file());
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
    public void read(int channel, int sweep, long start, int count, float[] dst, int offset) throws IOException {
        checkRange(channel, sweep, start, count);
        java.util.Objects.checkFromIndexSize(offset, count, dst.length);
        layout.get(sweep).get(channel).read(file.channel(), file.file(), start, count, dst, offset);
    }

    @Override
    public void close() throws IOException {
        file.close();
    }
}
