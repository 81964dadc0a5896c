package org.mepsc.io.text;

import java.io.IOException;
import java.io.Writer;
import java.util.List;
import java.util.Locale;
import org.mepsc.recording.Channel;
import org.mepsc.recording.Recording;
import org.mepsc.recording.Sweep;

/**
 * Writes channels of a recording as CSV: {@code time_s[,sweep],<name>_<unit>,…}, in canonical
 * units (pA, mV), streaming chunk by chunk. The {@code sweep} column appears when more than one
 * sweep is written.
 */
public final class CsvExport {

    private static final int CHUNK = 1 << 16;

    private final Recording recording;
    private final List<Channel> channels;
    private final List<Sweep> sweeps;

    public CsvExport(Recording recording, List<Channel> channels, List<Sweep> sweeps) {
        if (channels.isEmpty() || sweeps.isEmpty()) {
            throw new IllegalArgumentException("nothing to export: no channel or no sweep chosen");
        }
        this.recording = recording;
        this.channels = List.copyOf(channels);
        this.sweeps = List.copyOf(sweeps);
    }

    /** The column name of a channel: its name without spaces, an underscore, its canonical unit. */
    public static String columnName(Channel c) {
        String name = c.name().isBlank() ? "ch" + c.index() : c.name().strip().replaceAll("\\s+", "").replaceAll("[,\"\\r\\n]", "_");
        String unit = c.unit().symbol().isBlank() ? "" : "_" + c.unit().symbol().replaceAll("[,\"\\s]", "");
        return name + unit;
    }

    /**
     * Writes rows for samples {@code [startS, startS + durationS)} of each sweep, measured from
     * the sweep's start (a negative duration means to the end of each sweep).
     */
    public void write(Writer out, double startS, double durationS) throws IOException {
        boolean sweepColumn = sweeps.size() > 1;
        StringBuilder header = new StringBuilder("time_s");
        if (sweepColumn) {
            header.append(",sweep");
        }
        for (Channel c : channels) {
            header.append(',').append(columnName(c));
        }
        out.write(header.append('\n').toString());
        float[][] buf = new float[channels.size()][CHUNK];
        StringBuilder row = new StringBuilder(128);
        for (Sweep s : sweeps) {
            long first = Math.min(s.length(), Math.max(0, Math.round(startS * s.sampleRateHz())));
            long end = durationS < 0 ? s.length()
                    : Math.min(s.length(), first + Math.round(durationS * s.sampleRateHz()));
            for (long pos = first; pos < end; pos += CHUNK) {
                int n = (int) Math.min(CHUNK, end - pos);
                for (int c = 0; c < channels.size(); c++) {
                    recording.read(channels.get(c).index(), s.index(), pos, n, buf[c], 0);
                }
                for (int i = 0; i < n; i++) {
                    row.setLength(0);
                    row.append(formatTime(s.timeOf(pos + i)));
                    if (sweepColumn) {
                        row.append(',').append(s.index());
                    }
                    for (int c = 0; c < channels.size(); c++) {
                        row.append(',').append(buf[c][i]);
                    }
                    out.write(row.append('\n').toString());
                }
            }
        }
    }

    /** Time to the nanosecond, without trailing zeros. */
    static String formatTime(double t) {
        String s = String.format(Locale.ROOT, "%.9f", t);
        int end = s.length();
        while (end > 0 && s.charAt(end - 1) == '0') {
            end--;
        }
        if (end > 0 && s.charAt(end - 1) == '.') {
            end++;
        }
        return s.substring(0, end);
    }
}
