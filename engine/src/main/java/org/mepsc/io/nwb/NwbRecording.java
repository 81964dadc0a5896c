package org.mepsc.io.nwb;

import io.jhdf.HdfFile;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.mepsc.recording.AbstractRecording;
import org.mepsc.recording.Channel;
import org.mepsc.recording.RecordingFormatException;
import org.mepsc.recording.RecordingMetadata;
import org.mepsc.recording.Sweep;

/**
 * An opened NWB file. Reads decode one HDF5 chunk (or contiguous block) at a time; each reading
 * thread keeps its last decoded block, so consecutive small reads do not decode a chunk again.
 */
final class NwbRecording extends AbstractRecording {

    /** One decoded block, as stored; what a thread keeps between reads. */
    private record Block(DatasetBlocks data, long index, double[] values) {
    }

    private final Path file;
    private final HdfFile hdf;
    private final NwbLayout layout;
    private final ThreadLocal<Block> lastBlock = new ThreadLocal<>();

    NwbRecording(Path file, HdfFile hdf, RecordingMetadata metadata, NwbLayout layout) {
        super(Optional.of(file), metadata, layout.channels(), layout.sweeps());
        this.file = file;
        this.hdf = hdf;
        this.layout = layout;
    }

    /** The NWB series of one channel, one per sweep. */
    List<NwbSeries> series(int channel) {
        return layout.series(channel);
    }

    @Override
    protected void readChecked(int channel, int sweep, long start, int count, float[] dst, int offset)
            throws IOException {
        NwbSeries s = layout.series(channel).get(sweep);
        DatasetBlocks data = s.data();
        long pos = start;
        int done = 0;
        while (done < count) {
            long index = pos / data.blockLength();
            Block b = lastBlock.get();
            if (b == null || b.data() != data || b.index() != index) {
                b = new Block(data, index, data.block(index));
                lastBlock.set(b);
            }
            int from = (int) (pos - index * data.blockLength());
            int n = Math.min(count - done, b.values().length - from);
            if (n <= 0) {
                throw new RecordingFormatException(file, data.path() + " ends before sample " + pos);
            }
            double scale = s.scale();
            double shift = s.offset();
            for (int i = 0; i < n; i++) {
                dst[offset + done + i] = (float) (b.values()[from + i] * scale + shift);
            }
            done += n;
            pos += n;
        }
    }

    @Override
    public void close() {
        lastBlock.remove();
        hdf.close();
    }
}
