package org.mepsc.recording;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Locale;
import org.mepsc.json.Json;

/** What {@code mepsc info} reports about a recording, as JSON and as text. */
public final class RecordingDescription {

    private final Recording recording;

    public RecordingDescription(Recording recording) {
        this.recording = recording;
    }

    /**
     * The JSON form. Keys: format, format_version, acquisition_mode, sample_rate_hz (number, or a
     * list where sweeps differ), sweep_count, samples_per_sweep (likewise), duration_s, channels
     * [{index, name, unit, canonical_unit}], sweep_start_s, protocol, tags [{time_s, text}],
     * comments, creation_time, file.
     */
    public ObjectNode toJson() {
        RecordingMetadata md = recording.metadata();
        List<Sweep> sweeps = recording.sweeps();
        ObjectNode o = Json.object();
        o.put("file", recording.source().map(p -> p.toString()).orElse(null));
        o.put("format", md.format());
        o.put("format_version", md.formatVersion());
        o.put("acquisition_mode", md.acquisitionMode().label());
        if (uniformRate()) {
            o.put("sample_rate_hz", recording.sampleRateHz());
        } else {
            ArrayNode rates = o.putArray("sample_rate_hz");
            sweeps.forEach(s -> rates.add(s.sampleRateHz()));
        }
        o.put("sweep_count", sweeps.size());
        if (uniformLength()) {
            o.put("samples_per_sweep", sweeps.isEmpty() ? 0 : sweeps.get(0).length());
        } else {
            ArrayNode lengths = o.putArray("samples_per_sweep");
            sweeps.forEach(s -> lengths.add(s.length()));
        }
        o.put("duration_s", recording.totalDurationS());
        ArrayNode channels = o.putArray("channels");
        for (Channel c : recording.channels()) {
            ObjectNode ch = channels.addObject();
            ch.put("index", c.index());
            ch.put("name", c.name());
            ch.put("unit", c.declaredUnit());
            ch.put("canonical_unit", c.unit().symbol());
        }
        ArrayNode starts = o.putArray("sweep_start_s");
        sweeps.forEach(s -> starts.add(s.startTimeS()));
        o.put("protocol", md.protocol());
        ArrayNode tags = o.putArray("tags");
        for (Tag t : md.tags()) {
            tags.addObject().put("time_s", t.timeS()).put("text", t.text());
        }
        ArrayNode comments = o.putArray("comments");
        md.comments().forEach(comments::add);
        o.put("creation_time", md.creationTime().map(Object::toString).orElse(null));
        return o;
    }

    /** A few lines for a person. */
    public String toText() {
        RecordingMetadata md = recording.metadata();
        List<Sweep> sweeps = recording.sweeps();
        StringBuilder sb = new StringBuilder();
        recording.source().ifPresent(p -> line(sb, "file", p.toString()));
        line(sb, "format", md.format() + (md.formatVersion().isEmpty() ? "" : " " + md.formatVersion()));
        line(sb, "acquisition mode", md.acquisitionMode().label());
        line(sb, "sample rate", uniformRate()
                ? fmt(recording.sampleRateHz()) + " Hz"
                : "differs by sweep (" + fmt(sweeps.get(0).sampleRateHz()) + " Hz first)");
        line(sb, "sweeps", Integer.toString(sweeps.size()));
        line(sb, "samples per sweep", uniformLength()
                ? Long.toString(sweeps.isEmpty() ? 0 : sweeps.get(0).length())
                : lengths(sweeps));
        line(sb, "duration", fmt(recording.totalDurationS()) + " s");
        sb.append("channels:\n");
        for (Channel c : recording.channels()) {
            sb.append(String.format(Locale.ROOT, "  %d  %-12s %s%s%n", c.index(), c.name(), c.declaredUnit(),
                    c.unit().symbol().equals(c.declaredUnit()) ? "" : "  (read as " + c.unit().symbol() + ")"));
        }
        if (!md.protocol().isEmpty()) {
            line(sb, "protocol", md.protocol());
        }
        md.creationTime().ifPresent(t -> line(sb, "created", t.toString()));
        if (!md.tags().isEmpty()) {
            sb.append("tags:\n");
            for (Tag t : md.tags()) {
                sb.append(String.format(Locale.ROOT, "  %10.4f s  %s%n", t.timeS(), t.text()));
            }
        }
        for (String c : md.comments()) {
            line(sb, "comment", c);
        }
        return sb.toString();
    }

    private boolean uniformRate() {
        return recording.sweeps().stream().mapToDouble(Sweep::sampleRateHz).distinct().count() <= 1;
    }

    private boolean uniformLength() {
        return recording.sweeps().stream().mapToLong(Sweep::length).distinct().count() <= 1;
    }

    private static String lengths(List<Sweep> sweeps) {
        StringBuilder sb = new StringBuilder();
        int shown = Math.min(sweeps.size(), 10);
        for (int i = 0; i < shown; i++) {
            sb.append(i == 0 ? "" : ", ").append(sweeps.get(i).length());
        }
        if (shown < sweeps.size()) {
            sb.append(", …");
        }
        return sb.toString();
    }

    private static void line(StringBuilder sb, String key, String value) {
        sb.append(String.format(Locale.ROOT, "%-18s %s%n", key + ":", value));
    }

    private static String fmt(double v) {
        if (!Double.isFinite(v)) {
            return Double.toString(v); // Infinity or NaN: %g would print them, BigDecimal cannot read them
        }
        if (v == Math.rint(v) && Math.abs(v) < 1e15) {
            return Long.toString((long) v);
        }
        return new java.math.BigDecimal(String.format(Locale.ROOT, "%.6g", v)).stripTrailingZeros().toPlainString();
    }
}
