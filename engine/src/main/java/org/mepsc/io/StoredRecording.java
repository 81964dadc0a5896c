package org.mepsc.io;

import java.io.IOException;
import java.util.List;
import java.util.Optional;
import org.mepsc.recording.AbstractRecording;
import org.mepsc.recording.Channel;
import org.mepsc.recording.RecordingFormatException;
import org.mepsc.recording.RecordingMetadata;
import org.mepsc.recording.Sweep;

/**
 * A recording whose samples lie in one binary file at places a reader worked out from the
 * header ({@link StoredSamples} per sweep and channel). Every read goes to the file with
 * positioned reads, which are safe from many threads at once.
 */
public final class StoredRecording extends AbstractRecording {

    private final FileBytes file;
    private final List<List<StoredSamples>> layout; // [sweep][channel]

    /**
     * Takes ownership of {@code file} (closing it with the recording). Checks that there is at
     * least one channel and sweep, and that every sweep's samples lie inside the file.
     *
     * @param layout where each sweep's channels lie, as {@code layout.get(sweep).get(channel)}
     */
    public StoredRecording(FileBytes file, RecordingMetadata metadata, List<Channel> channels, List<Sweep> sweeps,
            List<List<StoredSamples>> layout) throws RecordingFormatException {
        super(Optional.of(file.file()), metadata, channels, sweeps);
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
                file.requireInside(where.firstByte(), where.endByte() - where.firstByte(),
                        "the samples of channel " + channels.get(c).name() + " in sweep " + s);
            }
        }
        this.file = file;
        this.layout = List.copyOf(layout.stream().map(List::copyOf).toList());
    }

    @Override
    protected void readChecked(int channel, int sweep, long start, int count, float[] dst, int offset)
            throws IOException {
        layout.get(sweep).get(channel).read(file.channel(), file.file(), start, count, dst, offset);
    }

    @Override
    public void close() throws IOException {
        file.close();
    }
}
