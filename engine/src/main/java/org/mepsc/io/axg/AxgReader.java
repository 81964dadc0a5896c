package org.mepsc.io.axg;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.mepsc.io.FileBytes;
import org.mepsc.io.Labels;
import org.mepsc.io.OpenOptions;
import org.mepsc.io.RecordingReader;
import org.mepsc.io.SampleEncoding;
import org.mepsc.io.StoredRecording;
import org.mepsc.io.StoredSamples;
import org.mepsc.recording.AcquisitionMode;
import org.mepsc.recording.Channel;
import org.mepsc.recording.PhysicalUnit;
import org.mepsc.recording.Recording;
import org.mepsc.recording.RecordingMetadata;
import org.mepsc.recording.Sweep;

/**
 * AxoGraph files (".axgd", ".axgx", and the older Graph and Digitized formats, versions 1–2).
 *
 * <p>The first column is time; every other column of values with as many points is a channel of
 * one sweep, as neo reads it. A channel's name and unit come from its title ("Current (A)").
 * Columns of another length or series columns other than time are left out, with a comment.
 */
public final class AxgReader implements RecordingReader {

    @Override
    public String formatName() {
        return "AXG";
    }

    @Override
    public boolean recognises(Path file, ByteBuffer head) {
        if (head.limit() < 8) {
            return false;
        }
        byte[] id = new byte[4];
        head.get(0, id);
        String magic = new String(id, StandardCharsets.ISO_8859_1);
        ByteBuffer be = head.duplicate().order(ByteOrder.BIG_ENDIAN);
        return (magic.equals("AxGr") && (be.getShort(4) == 1 || be.getShort(4) == 2))
                || (magic.equals("axgx") && be.getInt(4) >= 3);
    }

    @Override
    public Recording open(Path file, OpenOptions options) throws IOException {
        return FileBytes.parse(file, AxgReader::open);
    }

    private static Recording open(FileBytes file) throws IOException {
        AxgFile axg = AxgFile.read(file);
        AxgColumn time = axg.columns().get(0);
        double toSeconds = secondsPer(time, file);
        double interval = interval(time, file) * toSeconds;
        if (!(interval > 0) || !Double.isFinite(1.0 / interval)) {
            throw file.problem("time column '" + time.title() + "' has no positive sample interval (" + interval + " s)");
        }
        double start = first(time, file) * toSeconds;
        List<String> comments = new ArrayList<>();
        List<Channel> channels = new ArrayList<>();
        List<StoredSamples> row = new ArrayList<>();
        for (AxgColumn c : axg.columns().subList(1, axg.columns().size())) {
            if (c.isSeries() || c.points() != time.points()) {
                comments.add("column " + c.index() + " '" + c.title() + "' is left out: "
                        + (c.isSeries() ? "a series column other than time" : c.points() + " points, time has " + time.points()));
                continue;
            }
            Channel ch = Channel.of(channels.size(), c.name(), c.unit());
            double toCanonical = ch.unit().toCanonical();
            double scale = c.scale() * toCanonical;
            double offset = c.offset() * toCanonical;
            if (!Double.isFinite(scale) || !Double.isFinite(offset)) {
                throw file.problem("column " + c.index() + " '" + c.title() + "' has no usable scaling (" + c.scale()
                        + ", " + c.offset() + ")");
            }
            channels.add(ch);
            row.add(StoredSamples.contiguous(c.dataAt(), c.points(), c.encoding().orElseThrow(), ByteOrder.BIG_ENDIAN,
                    scale, offset));
        }
        if (channels.isEmpty()) {
            throw file.problem("holds no data column beside time (" + axg.columns().size() + " columns)");
        }
        String protocol = "";
        for (String line : (axg.comment() + "\n" + axg.notes()).split("\r\n|\r|\n")) {
            String l = Labels.printable(line);
            if (l.startsWith("Protocol :")) {
                protocol = l.substring("Protocol :".length()).strip();
            }
            if (!l.isEmpty() && !l.startsWith("---")) {
                comments.add(l);
            }
        }
        List<Sweep> sweeps = List.of(new Sweep(0, Double.isFinite(start) ? start : 0, time.points(), 1.0 / interval));
        RecordingMetadata md = new RecordingMetadata("AXG", Integer.toString(axg.version()), AcquisitionMode.UNKNOWN,
                protocol, List.of(), comments, java.util.Optional.empty());
        return new StoredRecording(file, md, channels, sweeps, List.of(row));
    }

    /** Seconds per unit of the time column, from its title's unit (seconds if none). */
    private static double secondsPer(AxgColumn time, FileBytes file) throws IOException {
        String unit = time.unit();
        if (unit.isEmpty()) {
            return 1;
        }
        PhysicalUnit u = PhysicalUnit.parse(unit);
        switch (unit) {
            case "s": return 1;
            case "ms": return 1e-3;
            case "us": case "µs": case "μs": return 1e-6;
            default:
                throw file.problem("the first column '" + time.title() + "' is in " + u.symbol()
                        + ", not a time unit (s, ms, µs); mepsc needs time first");
        }
    }

    private static double interval(AxgColumn time, FileBytes file) throws IOException {
        if (time.isSeries()) {
            return time.increment();
        }
        if (time.points() < 2) {
            throw file.problem("time column '" + time.title() + "' has " + time.points()
                    + " points, too few for a sample interval");
        }
        // regular sampling is assumed: the mean interval over the column, from its two ends
        return (value(time, time.points() - 1, file) - value(time, 0, file)) / (time.points() - 1);
    }

    private static double first(AxgColumn time, FileBytes file) throws IOException {
        if (time.isSeries()) {
            return time.first();
        }
        return value(time, 0, file);
    }

    private static double value(AxgColumn column, long i, FileBytes file) throws IOException {
        SampleEncoding e = column.encoding().orElseThrow();
        ByteBuffer b = file.read(column.dataAt() + i * e.bytes(), e.bytes(), ByteOrder.BIG_ENDIAN, "time column");
        return e.decode(b, 0) * column.scale() + column.offset();
    }
}
