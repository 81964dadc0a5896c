package org.mepsc.io.text;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.mepsc.io.FileBytes;
import org.mepsc.recording.AbstractRecording;
import org.mepsc.recording.Channel;
import org.mepsc.recording.Recording;
import org.mepsc.recording.RecordingFormatException;
import org.mepsc.recording.RecordingMetadata;
import org.mepsc.recording.Sweep;

/** A recording whose samples are cells of a {@link DelimitedTable}, located per channel and sweep. */
final class TableRecording extends AbstractRecording {

    /**
     * Where one channel of one sweep lies in the table.
     *
     * @param column its column
     * @param firstRow the table row of the sweep's first sample
     * @param scale canonical value = cell × scale
     */
    record Cells(int column, long firstRow, double scale) {
    }

    /** Reads a text file's header and indexes its table, over a channel the recording will own. */
    @FunctionalInterface
    interface Opener {
        Recording open(Path file, FileChannel channel) throws IOException;
    }

    /** Opens the file for {@code opener}, closing it again if the opener fails. */
    static Recording open(Path file, Opener opener) throws IOException {
        FileChannel ch = FileBytes.openChannel(file);
        try {
            return opener.open(file, ch);
        } catch (LineCursor.LineTooLongException e) {
            ch.close();
            throw new RecordingFormatException(file, e.getMessage() + ": not a text table");
        } catch (IOException | RuntimeException e) {
            ch.close();
            throw e;
        }
    }

    private final DelimitedTable table;
    private final Cells[][] cells;

    /** @param cells {@code cells[channel][sweep]} */
    TableRecording(Path file, DelimitedTable table, RecordingMetadata metadata, List<Channel> channels,
            List<Sweep> sweeps, Cells[][] cells) {
        super(Optional.of(file), metadata, channels, sweeps);
        this.table = table;
        this.cells = cells;
    }

    @Override
    protected void readChecked(int channel, int sweep, long start, int count, float[] dst, int offset)
            throws IOException {
        Cells c = cells[channel][sweep];
        table.read(c.column(), c.firstRow() + start, count, c.scale(), dst, offset);
    }

    @Override
    public void close() throws IOException {
        table.close();
    }
}
