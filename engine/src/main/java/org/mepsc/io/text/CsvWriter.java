package org.mepsc.io.text;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Collection;
import java.util.List;
import org.mepsc.io.RecordingWriter;
import org.mepsc.output.AtomicOutput;
import org.mepsc.recording.Channel;
import org.mepsc.recording.Recording;
import org.mepsc.recording.Sweep;

/** Whole sweeps as CSV, through {@link CsvExport}. */
public final class CsvWriter implements RecordingWriter {

    @Override
    public String formatName() {
        return "csv";
    }

    @Override
    public String extension() {
        return "csv";
    }

    @Override
    public void write(Recording recording, List<Channel> channels, List<Sweep> sweeps, Path out,
            Collection<Path> inputs) throws IOException {
        CsvExport export = new CsvExport(recording, channels, sweeps);
        AtomicOutput.writeText(out, inputs, w -> export.write(w, 0, -1));
    }
}
