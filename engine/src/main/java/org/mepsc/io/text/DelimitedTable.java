package org.mepsc.io.text;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.util.Arrays;
import org.mepsc.recording.RecordingFormatException;

/**
 * The numeric data rows of a delimited text file, read lazily. One pass at open checks every row
 * (cell count, number syntax) and records the byte offset of every {@value #CHECKPOINT_ROWS}th
 * row, so memory grows with rows / {@value #CHECKPOINT_ROWS}; a read then parses only from the
 * nearest checkpoint (or where the same thread's last read ended) to the rows asked for.
 * Blank lines and '#' comment lines are skipped. Safe for concurrent reads.
 */
final class DelimitedTable {

    static final int CHECKPOINT_ROWS = 1024;

    /** Receives the parsed values of the watched columns of each row, in order, during indexing. */
    @FunctionalInterface
    interface RowVisitor {
        void row(long row, long lineNumber, double[] watched) throws RecordingFormatException;
    }

    /** Where a thread's last read ended, with its buffered cursor. */
    private static final class Position {
        final LineCursor cursor;
        long row = -1;
        long offset;

        Position(FileChannel channel) {
            cursor = new LineCursor(channel, 0);
        }
    }

    private final Path file;
    private final FileChannel channel;
    private final byte delimiter;
    private final boolean decimalComma;
    private final String[] names;
    private final long rows;
    private final long[] checkpoints;
    private final ThreadLocal<Position> positions;

    private DelimitedTable(Path file, FileChannel channel, byte delimiter, String[] names, long rows, long[] checkpoints) {
        this.file = file;
        this.channel = channel;
        this.delimiter = delimiter;
        this.decimalComma = delimiter != ',';
        this.names = names;
        this.rows = rows;
        this.checkpoints = checkpoints;
        this.positions = ThreadLocal.withInitial(() -> new Position(channel));
    }

    /**
     * Indexes the rows that start at byte {@code dataStart} (line {@code firstLine}, counted from 1).
     *
     * @param names the column titles, one per cell every row must have (for messages)
     * @param watched columns whose values the visitor gets
     */
    static DelimitedTable index(Path file, FileChannel channel, long dataStart, long firstLine, byte delimiter,
            String[] names, int[] watched, RowVisitor visitor) throws IOException {
        boolean comma = delimiter != ',';
        LineCursor lines = new LineCursor(channel, dataStart);
        long[] checkpoints = new long[16];
        long row = 0;
        long lineNumber = firstLine - 1;
        int[] cellStart = new int[names.length];
        int[] cellEnd = new int[names.length];
        double[] values = new double[watched.length];
        try {
            while (lines.next()) {
                lineNumber++;
                if (lines.isBlankOrComment()) {
                    continue;
                }
                byte[] a = lines.bytes();
                int cells = split(a, lines.start(), lines.end(), delimiter, cellStart, cellEnd);
                if (cells != names.length) {
                    throw new RecordingFormatException(file, "line " + lineNumber + " has " + cells
                            + " cells where the header has " + names.length + " columns");
                }
                for (int c = 0; c < cells; c++) {
                    if (!Numbers.isNumber(a, cellStart[c], cellEnd[c], comma)) {
                        String cell = new String(a, cellStart[c], Math.min(cellEnd[c] - cellStart[c], 40),
                                java.nio.charset.StandardCharsets.UTF_8);
                        throw new RecordingFormatException(file, "line " + lineNumber + ", column '" + names[c]
                                + "': '" + cell + "' is not a number");
                    }
                }
                for (int w = 0; w < watched.length; w++) {
                    values[w] = Numbers.parseDouble(a, cellStart[watched[w]], cellEnd[watched[w]], comma);
                }
                if (row % CHECKPOINT_ROWS == 0) {
                    int k = (int) (row / CHECKPOINT_ROWS);
                    if (k == checkpoints.length) {
                        checkpoints = Arrays.copyOf(checkpoints, k * 2);
                    }
                    checkpoints[k] = lines.lineOffset();
                }
                visitor.row(row, lineNumber, values);
                row++;
            }
        } catch (LineCursor.LineTooLongException e) {
            throw new RecordingFormatException(file, e.getMessage() + " (after line " + lineNumber + "): not a text table");
        }
        return new DelimitedTable(file, channel, delimiter, names, row,
                Arrays.copyOf(checkpoints, (int) ((row + CHECKPOINT_ROWS - 1) / CHECKPOINT_ROWS)));
    }

    /**
     * Splits {@code [s, e)} at the delimiter into cells, trimming spaces and quotes; returns the
     * number of cells (more than the arrays hold are counted, not stored).
     */
    static int split(byte[] a, int s, int e, byte delimiter, int[] starts, int[] ends) {
        int n = 0;
        int cell = s;
        for (int i = s; i <= e; i++) {
            if (i == e || a[i] == delimiter) {
                if (n < starts.length) {
                    int cs = cell;
                    int ce = i;
                    while (cs < ce && (a[cs] == ' ' || a[cs] == '\t' || a[cs] == '"')) {
                        cs++;
                    }
                    while (ce > cs && (a[ce - 1] == ' ' || a[ce - 1] == '\t' || a[ce - 1] == '"')) {
                        ce--;
                    }
                    starts[n] = cs;
                    ends[n] = ce;
                }
                n++;
                cell = i + 1;
            }
        }
        // a trailing delimiter (as spreadsheets write) does not make an extra, empty cell
        if (n > 1 && e > s && a[e - 1] == delimiter) {
            n--;
        }
        return n;
    }

    long rows() {
        return rows;
    }

    /** Copies column {@code column} of rows {@code [first, first+count)}, times {@code scale}, into dst. */
    void read(int column, long first, int count, double scale, float[] dst, int offset) throws IOException {
        if (first < 0 || count < 0 || first + count > rows) {
            throw new IndexOutOfBoundsException("rows [" + first + ", " + (first + count) + ") of " + rows);
        }
        if (count == 0) {
            return;
        }
        Position p = positions.get();
        long row = (first / CHECKPOINT_ROWS) * CHECKPOINT_ROWS;
        long at = checkpoints[(int) (first / CHECKPOINT_ROWS)];
        if (p.row >= row && p.row <= first) {
            row = p.row;
            at = p.offset;
        }
        LineCursor lines = p.cursor;
        lines.seek(at);
        int[] starts = new int[column + 1];
        int[] ends = new int[column + 1];
        int done = 0;
        while (done < count) {
            if (!lines.next()) {
                throw new RecordingFormatException(file, "ends before row " + (first + done) + " (was it changed while open?)");
            }
            if (lines.isBlankOrComment()) {
                continue;
            }
            if (row++ < first) {
                continue;
            }
            byte[] a = lines.bytes();
            if (split(a, lines.start(), lines.end(), delimiter, starts, ends) <= column
                    || !Numbers.isNumber(a, starts[column], ends[column], decimalComma)) {
                throw new RecordingFormatException(file, "row " + (row - 1) + ", column '" + names[column]
                        + "' is not a number (was the file changed while open?)");
            }
            dst[offset + done++] = scale == 1.0
                    ? Numbers.parseFloat(a, starts[column], ends[column], decimalComma)
                    : (float) (Numbers.parseDouble(a, starts[column], ends[column], decimalComma) * scale);
        }
        p.row = row;
        p.offset = lines.nextOffset();
    }

    void close() throws IOException {
        positions.remove();
        channel.close();
    }
}
