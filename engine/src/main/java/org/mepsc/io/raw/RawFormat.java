package org.mepsc.io.raw;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import org.mepsc.io.FileBytes;
import org.mepsc.io.RawLayout;
import org.mepsc.io.SampleRates;
import org.mepsc.json.Json;
import org.mepsc.recording.RecordingFormatException;

/**
 * Everything needed to read a headerless sample file: the {@link RawLayout} plus what only a
 * sidecar can say (a unit and name per channel, sweep boundaries).
 *
 * <p>The sidecar is {@code <file>.json}: {@code sample_rate_hz} (required), {@code dtype}
 * ("float32" or "int16", default float32), {@code unit} (one for all channels or a list, default
 * "pA"), {@code scale} and {@code offset} (value = stored × scale + offset, default 1 and 0),
 * {@code channels} (interleaved, default 1), {@code header_bytes} (default 0), and optionally
 * {@code channel_names}, {@code sweep_lengths} (samples per sweep) and {@code sweep_start_s}.
 */
record RawFormat(RawLayout layout, List<String> units, List<String> names, List<Long> sweepLengths,
        List<Double> sweepStarts) {

    static final int MAX_CHANNELS = 1024;
    /** A sidecar lists at most a few numbers per sweep; more than this is not one. */
    static final long MAX_SIDECAR_BYTES = 16 << 20;

    /** The sidecar beside a data file. */
    static Path sidecarOf(Path file) {
        return file.resolveSibling(file.getFileName() + ".json");
    }

    /** A format from command-line flags: one unit for all channels, one sweep. */
    static RawFormat of(RawLayout layout) {
        return new RawFormat(layout, Collections.nCopies(layout.channelCount(), layout.unit()), List.of(), List.of(), List.of());
    }

    static RawFormat readSidecar(Path file) throws IOException {
        Path sidecar = sidecarOf(file);
        String where = "sidecar " + sidecar.getFileName() + ": ";
        JsonNode json;
        try {
            // read as UTF-8 text, so that bytes Jackson would take for UTF-16 or UTF-32 are a JSON error
            json = Json.mapper().readTree(new String(sidecarBytes(sidecar), StandardCharsets.UTF_8));
        } catch (com.fasterxml.jackson.core.JacksonException e) {
            throw new RecordingFormatException(file, where + "not valid JSON (" + e.getOriginalMessage() + ")");
        }
        if (json == null || !json.isObject()) {
            throw new RecordingFormatException(file, where + "must be a JSON object");
        }
        if (!json.path("sample_rate_hz").isNumber()) {
            throw new RecordingFormatException(file, where + "sample_rate_hz is missing or not a number");
        }
        double rate = json.get("sample_rate_hz").asDouble();
        if (!SampleRates.plausible(rate)) {
            throw new RecordingFormatException(file, where + "sample_rate_hz " + json.get("sample_rate_hz")
                    + " is not a plausible rate " + SampleRates.range());
        }
        int channels = json.path("channels").asInt(1);
        if (channels < 1 || channels > MAX_CHANNELS) {
            throw new RecordingFormatException(file, where + "channels must be 1 to " + MAX_CHANNELS + ", not " + json.get("channels"));
        }
        RawLayout.SampleType type;
        String dtype = json.path("dtype").asText("float32").toLowerCase(Locale.ROOT);
        switch (dtype) {
            case "float32": type = RawLayout.SampleType.FLOAT32; break;
            case "int16": type = RawLayout.SampleType.INT16; break;
            default: throw new RecordingFormatException(file, where + "dtype must be \"float32\" or \"int16\", not \"" + dtype + "\"");
        }
        double scale = json.path("scale").asDouble(1);
        double offset = json.path("offset").asDouble(0);
        long header = json.path("header_bytes").asLong(0);
        if (!Double.isFinite(scale) || !Double.isFinite(offset) || header < 0) {
            throw new RecordingFormatException(file, where + "scale and offset must be finite and header_bytes not negative");
        }
        List<String> units = texts(json.path("unit"), channels, "pA");
        if (units.size() != channels) {
            throw new RecordingFormatException(file, where + "unit lists " + units.size() + " units for " + channels + " channels");
        }
        List<String> names = texts(json.path("channel_names"), 0, "");
        if (!names.isEmpty() && names.size() != channels) {
            throw new RecordingFormatException(file, where + "channel_names lists " + names.size() + " names for " + channels + " channels");
        }
        List<Long> lengths = new ArrayList<>();
        json.path("sweep_lengths").forEach(n -> lengths.add(n.asLong(-1)));
        List<Double> starts = new ArrayList<>();
        json.path("sweep_start_s").forEach(n -> starts.add(n.asDouble()));
        if (lengths.stream().anyMatch(n -> n < 1) || (!starts.isEmpty() && starts.size() != lengths.size())) {
            throw new RecordingFormatException(file, where + "sweep_lengths must be positive, with one sweep_start_s each");
        }
        RawLayout layout = new RawLayout(type, rate, units.get(0), scale, offset, channels, header);
        return new RawFormat(layout, units, names, lengths, starts);
    }

    /** The sidecar's bytes: a regular file of at most {@link #MAX_SIDECAR_BYTES}. */
    private static byte[] sidecarBytes(Path sidecar) throws IOException {
        try (FileBytes bytes = FileBytes.open(sidecar)) {
            return bytes.read(0, bytes.size(), ByteOrder.LITTLE_ENDIAN, "JSON sidecar", MAX_SIDECAR_BYTES).array();
        }
    }

    /** A string, or a list of strings; a single string is repeated {@code copies} times. */
    private static List<String> texts(JsonNode node, int copies, String absent) {
        if (node.isMissingNode() || node.isNull()) {
            return copies == 0 ? List.of() : Collections.nCopies(copies, absent);
        }
        if (node.isArray()) {
            List<String> list = new ArrayList<>();
            node.forEach(n -> list.add(n.asText()));
            return list;
        }
        return Collections.nCopies(Math.max(copies, 1), node.asText());
    }

    /** Whether the data file has a sidecar. */
    static boolean hasSidecar(Path file) {
        return Files.isRegularFile(sidecarOf(file));
    }
}
