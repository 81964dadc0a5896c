package org.mepsc.io.text;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
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
 * Axon Text Files, as Clampfit exports them. Line 1 is {@code ATF} and a version; line 2 the
 * number of optional header records and of data columns; then the records
 * ({@code "AcquisitionMode=…"}, {@code "SweepStartTimesMS=…"}, {@code "Signals="} followed by one
 * signal name per column…), a line of column titles with units in brackets ({@code "Time (s)"},
 * {@code "Trace #1 (pA)"}), and the data. Each sweep is a group of columns ("Trace #k"); the
 * signal names say which column is which channel. All sweeps share the time column.
 */
public final class AtfReader implements RecordingReader {

    private static final Pattern MAGIC = Pattern.compile("^ATF[\\t ,]+\"?(\\d+(\\.\\d+)?)\"?\\s*$");
    private static final Pattern TRACE = Pattern.compile("(?i)^trace\\s*#\\s*(\\d+)$");
    private static final int MAX_TRACE_DIGITS = 9;
    private static final int MAX_RECORDS = 100_000;

    @Override
    public String formatName() {
        return "ATF";
    }

    @Override
    public boolean recognises(Path file, ByteBuffer head) {
        byte[] b = new byte[Math.min(head.remaining(), 64)];
        head.duplicate().get(b);
        String first = new String(b, StandardCharsets.ISO_8859_1).split("\r?\n", 2)[0];
        return MAGIC.matcher(first).matches();
    }

    @Override
    public Recording open(Path file, OpenOptions options) throws IOException {
        return TableRecording.open(file, this::open);
    }

    private Recording open(Path file, FileChannel ch) throws IOException {
        LineCursor lines = new LineCursor(ch, 0);
        Matcher magic = MAGIC.matcher(line(file, lines, 1));
        if (!magic.matches()) {
            throw new RecordingFormatException(file, "does not start with 'ATF' and a version");
        }
        String version = magic.group(1);
        String sizes = line(file, lines, 2).strip();
        String[] counts = sizes.replace("\"", "").split("[\\s,]+");
        int records;
        int columns;
        try {
            records = Integer.parseInt(counts[0]);
            columns = Integer.parseInt(counts[1]);
        } catch (NumberFormatException | ArrayIndexOutOfBoundsException e) {
            throw new RecordingFormatException(file, "line 2 should hold the record and column counts, not '" + sizes + "'");
        }
        if (records < 0 || records > MAX_RECORDS || columns < 2 || columns > 1_000_000) {
            throw new RecordingFormatException(file, "line 2 gives " + records + " header records and " + columns
                    + " columns, which cannot be right");
        }
        Map<String, List<String>> header = new LinkedHashMap<>();
        for (int r = 0; r < records; r++) {
            String text = line(file, lines, 3 + r);
            List<String> cells = TextHeader.cells(text, TextHeader.delimiterOf(text));
            String first = cells.get(0);
            int eq = first.indexOf('=');
            List<String> values = new ArrayList<>();
            values.add(eq < 0 ? "" : first.substring(eq + 1).strip());
            values.addAll(cells.subList(1, cells.size()));
            header.put((eq < 0 ? first : first.substring(0, eq)).strip().toLowerCase(Locale.ROOT), values);
        }
        long titleLine = 3L + records;
        String titleText = line(file, lines, titleLine);
        char delimiter = TextHeader.delimiterOf(titleText);
        List<String> titles = TextHeader.cells(titleText, delimiter);
        if (titles.size() != columns) {
            throw new RecordingFormatException(file, "line " + titleLine + " has " + titles.size()
                    + " column titles where line 2 announces " + columns);
        }
        ColumnTitle time = ColumnTitle.parse(titles.get(0));
        if (!time.isTime()) {
            throw new RecordingFormatException(file, "the first column is '" + titles.get(0)
                    + "', not a time column; mepsc needs one for the sample rate");
        }
        Layout layout = layout(file, titles, header.getOrDefault("signals", List.of()));
        RegularTime clock = new RegularTime(file, "the time column", time.secondsPerUnit());
        DelimitedTable table = DelimitedTable.index(file, ch, lines.nextOffset(), titleLine + 1, (byte) delimiter,
                titles.toArray(new String[0]), new int[] {0}, (row, lineNumber, values) -> clock.add(lineNumber, values[0]));
        if (table.rows() == 0) {
            throw new RecordingFormatException(file, "has a header but no data rows");
        }
        double rate = clock.rateHz();
        List<Double> starts = startTimes(header.get("sweepstarttimesms"), layout.sweeps.size());
        List<Sweep> sweeps = new ArrayList<>();
        for (int s = 0; s < layout.sweeps.size(); s++) {
            double start = starts != null ? starts.get(s) : clock.startS() + s * (table.rows() / rate);
            sweeps.add(new Sweep(s, start, table.rows(), rate));
        }
        return new TableRecording(file, table, metadata(version, header, sweeps.size()), layout.channels, sweeps, layout.cells);
    }

    /** Which column holds which channel of which sweep. */
    private static final class Layout {
        final List<Channel> channels = new ArrayList<>();
        final List<Long> sweeps = new ArrayList<>();
        TableRecording.Cells[][] cells;
    }

    /** The N of a "Trace #N" column; more digits than a sweep number can have is a corrupt title. */
    private static long traceNumber(Path file, String title, String digits) throws RecordingFormatException {
        if (digits.length() > MAX_TRACE_DIGITS) {
            throw new RecordingFormatException(file, "column '" + title + "' numbers a trace beyond "
                    + "9".repeat(MAX_TRACE_DIGITS));
        }
        return Long.parseLong(digits);
    }

    private static Layout layout(Path file, List<String> titles, List<String> signals) throws RecordingFormatException {
        boolean named = signals.size() >= titles.size() - 1 && signals.size() <= titles.size();
        int signalOffset = signals.size() == titles.size() ? 0 : -1;
        Map<String, Integer> channelOf = new LinkedHashMap<>();
        Map<Long, Integer> sweepOf = new LinkedHashMap<>();
        Map<Long, Integer> ordinalInTrace = new LinkedHashMap<>();
        List<int[]> placed = new ArrayList<>(); // {column, channel, sweep}
        Layout layout = new Layout();
        List<ColumnTitle> parsed = new ArrayList<>();
        for (int c = 1; c < titles.size(); c++) {
            ColumnTitle t = ColumnTitle.parse(titles.get(c));
            parsed.add(t);
            Matcher trace = TRACE.matcher(t.name());
            long sweep = trace.matches() ? traceNumber(file, titles.get(c), trace.group(1)) : 0;
            int ordinal = ordinalInTrace.merge(sweep, 1, Integer::sum) - 1;
            String key = named && !signals.get(c + signalOffset).isBlank() ? signals.get(c + signalOffset).strip()
                    : trace.matches() ? "ch" + ordinal : t.name();
            int channel = channelOf.computeIfAbsent(key, k -> {
                PhysicalUnit unit = PhysicalUnit.parse(t.unit());
                layout.channels.add(new Channel(layout.channels.size(), k, t.unit(), unit));
                return layout.channels.size() - 1;
            });
            int s = sweepOf.computeIfAbsent(sweep, k -> {
                layout.sweeps.add(k);
                return layout.sweeps.size() - 1;
            });
            placed.add(new int[] {c, channel, s});
        }
        layout.cells = new TableRecording.Cells[layout.channels.size()][layout.sweeps.size()];
        for (int[] p : placed) {
            Channel ch = layout.channels.get(p[1]);
            PhysicalUnit unit = PhysicalUnit.parse(parsed.get(p[0] - 1).unit());
            if (unit.quantity() != ch.unit().quantity()) {
                throw new RecordingFormatException(file, "column '" + titles.get(p[0]) + "' is in " + unit.symbol()
                        + " where other columns of " + ch.name() + " are in " + ch.declaredUnit());
            }
            if (layout.cells[p[1]][p[2]] != null) {
                throw new RecordingFormatException(file, "two columns for " + ch.name() + " in one sweep ('"
                        + titles.get(p[0]) + "')");
            }
            layout.cells[p[1]][p[2]] = new TableRecording.Cells(p[0], 0, unit.toCanonical());
        }
        for (int c = 0; c < layout.channels.size(); c++) {
            for (int s = 0; s < layout.sweeps.size(); s++) {
                if (layout.cells[c][s] == null) {
                    throw new RecordingFormatException(file, "trace #" + layout.sweeps.get(s) + " has no column for "
                            + layout.channels.get(c).name());
                }
            }
        }
        return layout;
    }

    /** SweepStartTimesMS in seconds, if it gives one time per sweep. */
    private static List<Double> startTimes(List<String> record, int sweeps) {
        if (record == null || record.get(0).isBlank()) {
            return null;
        }
        String[] parts = record.get(0).split(",");
        if (parts.length != sweeps) {
            return null;
        }
        List<Double> starts = new ArrayList<>();
        for (String p : parts) {
            try {
                starts.add(Double.parseDouble(p.strip()) / 1000);
            } catch (NumberFormatException e) {
                return null;
            }
        }
        return starts;
    }

    private static RecordingMetadata metadata(String version, Map<String, List<String>> header, int sweeps) {
        String mode = first(header, "acquisitionmode").toLowerCase(Locale.ROOT);
        AcquisitionMode m = mode.contains("episodic") ? AcquisitionMode.EPISODIC
                : mode.contains("gap") ? AcquisitionMode.GAP_FREE
                : mode.contains("variable") ? AcquisitionMode.EVENT_DRIVEN_VARIABLE
                : mode.contains("fixed") ? AcquisitionMode.EVENT_DRIVEN_FIXED
                : mode.contains("oscilloscope") ? AcquisitionMode.OSCILLOSCOPE
                : sweeps > 1 ? AcquisitionMode.EPISODIC : AcquisitionMode.GAP_FREE;
        String comment = first(header, "comment");
        return new RecordingMetadata("ATF", version, m, first(header, "protocol"), List.of(),
                comment.isBlank() ? List.of() : List.of(comment), Optional.empty());
    }

    private static String first(Map<String, List<String>> header, String key) {
        List<String> v = header.get(key);
        return v == null ? "" : v.get(0);
    }

    private static String line(Path file, LineCursor lines, long number) throws IOException {
        if (!lines.next()) {
            throw new RecordingFormatException(file, "ends in its header, at line " + number);
        }
        return lines.text();
    }
}
