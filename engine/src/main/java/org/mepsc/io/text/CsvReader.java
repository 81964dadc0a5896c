package org.mepsc.io.text;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.mepsc.io.OpenOptions;
import org.mepsc.io.RecordingReader;
import org.mepsc.recording.AcquisitionMode;
import org.mepsc.recording.Channel;
import org.mepsc.recording.PhysicalUnit;
import org.mepsc.recording.Recording;
import org.mepsc.recording.RecordingFormatException;
import org.mepsc.recording.RecordingMetadata;
import org.mepsc.recording.Sweep;

/**
 * CSV and TSV tables of samples: a header line with a time column ({@code time_s}, {@code time_ms},
 * {@code t}, {@code Time (s)}, …), an optional {@code sweep} column, and signal columns whose
 * titles name the unit ({@code IN0_pA}, {@code Vm_mV}, {@code I (pA)}); comma, tab or semicolon
 * separated (with a decimal comma allowed when the separator is not a comma). It reads what
 * {@code mepsc export} writes. Rows of one sweep must be evenly spaced in time.
 */
public final class CsvReader implements RecordingReader {

    @Override
    public String formatName() {
        return "CSV";
    }

    /** A text first line (after '#' comments) with a time column and at least one other. */
    @Override
    public boolean recognises(Path file, ByteBuffer head) {
        Optional<String> line = headerLine(head);
        if (line.isEmpty()) {
            return false;
        }
        List<String> cells = TextHeader.cells(line.get(), TextHeader.delimiterOf(line.get()));
        return cells.size() >= 2 && cells.stream().anyMatch(c -> ColumnTitle.parse(c).isTime());
    }

    /** The first line that is not a '#' comment, if the head looks like text. */
    private static Optional<String> headerLine(ByteBuffer head) {
        byte[] b = new byte[head.remaining()];
        head.duplicate().get(b);
        for (byte x : b) {
            if (x == 0) {
                return Optional.empty();
            }
        }
        String text = new String(b, StandardCharsets.UTF_8);
        if (text.startsWith("\uFEFF")) {
            text = text.substring(1);
        }
        for (String line : text.split("\r?\n", -1)) {
            if (!line.isBlank() && !line.startsWith("#")) {
                return Optional.of(line);
            }
        }
        return Optional.empty();
    }

    @Override
    public Recording open(Path file, OpenOptions options) throws IOException {
        return TableRecording.open(file, this::open);
    }

    private Recording open(Path file, FileChannel ch) throws IOException {
        LineCursor lines = new LineCursor(ch, 0);
        long lineNumber = 0;
        String header = null;
        while (header == null) {
            if (!lines.next()) {
                throw new RecordingFormatException(file, "has no header line");
            }
            lineNumber++;
            String text = lines.text();
            text = lineNumber == 1 && text.startsWith("\uFEFF") ? text.substring(1) : text;
            if (!text.isBlank() && !text.startsWith("#")) {
                header = text;
            }
        }
        char delimiter = TextHeader.delimiterOf(header);
        List<String> titles = TextHeader.cells(header, delimiter);
        int timeColumn = -1;
        int sweepColumn = -1;
        List<Integer> signalColumns = new ArrayList<>();
        List<Channel> channels = new ArrayList<>();
        List<Double> scales = new ArrayList<>();
        for (int c = 0; c < titles.size(); c++) {
            ColumnTitle t = ColumnTitle.parse(titles.get(c));
            if (timeColumn < 0 && t.isTime()) {
                timeColumn = c;
            } else if (sweepColumn < 0 && t.name().equalsIgnoreCase("sweep") && t.unit().isEmpty()) {
                sweepColumn = c;
            } else {
                PhysicalUnit unit = PhysicalUnit.parse(t.unit());
                signalColumns.add(c);
                channels.add(new Channel(channels.size(), t.name().isEmpty() ? "ch" + channels.size() : t.name(), t.unit(), unit));
                scales.add(unit.toCanonical());
            }
        }
        if (timeColumn < 0) {
            throw new RecordingFormatException(file, "header has no time column (time_s, time_ms, t, Time (s), …): " + header.strip());
        }
        if (channels.isEmpty()) {
            throw new RecordingFormatException(file, "header has a time column but no signal column");
        }
        double toSeconds = ColumnTitle.parse(titles.get(timeColumn)).secondsPerUnit();
        SweepSplitter sweeps = new SweepSplitter(file, toSeconds, sweepColumn >= 0);
        int[] watched = sweepColumn >= 0 ? new int[] {timeColumn, sweepColumn} : new int[] {timeColumn};
        DelimitedTable table = DelimitedTable.index(file, ch, lines.nextOffset(), lineNumber + 1, (byte) delimiter,
                titles.toArray(new String[0]), watched, sweeps);
        if (table.rows() == 0) {
            throw new RecordingFormatException(file, "has a header but no data rows");
        }
        List<Sweep> sweepList = sweeps.finish();
        TableRecording.Cells[][] cells = new TableRecording.Cells[channels.size()][sweepList.size()];
        for (int c = 0; c < channels.size(); c++) {
            for (int s = 0; s < sweepList.size(); s++) {
                cells[c][s] = new TableRecording.Cells(signalColumns.get(c), sweeps.firstRow(s), scales.get(c));
            }
        }
        AcquisitionMode mode = sweepList.size() > 1 ? AcquisitionMode.EPISODIC : AcquisitionMode.GAP_FREE;
        RecordingMetadata md = new RecordingMetadata("CSV", "", mode, "", List.of(), List.of(), Optional.empty());
        return new TableRecording(file, table, md, channels, sweepList, cells);
    }

    /** Starts a new sweep where the sweep column changes, and checks each sweep's time column. */
    private static final class SweepSplitter implements DelimitedTable.RowVisitor {
        private final Path file;
        private final double toSeconds;
        private final boolean hasSweepColumn;
        private final List<RegularTime> times = new ArrayList<>();
        private final List<Long> firstRows = new ArrayList<>();
        private double currentSweep = Double.NaN;

        SweepSplitter(Path file, double toSeconds, boolean hasSweepColumn) {
            this.file = file;
            this.toSeconds = toSeconds;
            this.hasSweepColumn = hasSweepColumn;
        }

        @Override
        public void row(long row, long lineNumber, double[] watched) throws RecordingFormatException {
            if (hasSweepColumn && watched[1] != Math.rint(watched[1])) {
                throw new RecordingFormatException(file, "line " + lineNumber + ": sweep " + watched[1] + " is not a whole number");
            }
            double sweep = hasSweepColumn ? watched[1] : 0;
            if (times.isEmpty() || sweep != currentSweep) {
                currentSweep = sweep;
                times.add(new RegularTime(file, hasSweepColumn ? "sweep " + (long) sweep : "the time column", toSeconds));
                firstRows.add(row);
            }
            times.get(times.size() - 1).add(lineNumber, watched[0]);
        }

        List<Sweep> finish() throws RecordingFormatException {
            List<Sweep> sweeps = new ArrayList<>();
            for (RegularTime t : times) {
                sweeps.add(new Sweep(sweeps.size(), t.startS(), t.count(), t.rateHz()));
            }
            return sweeps;
        }

        long firstRow(int sweep) {
            return firstRows.get(sweep);
        }
    }
}
