package org.mepsc.batch;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collection;
import org.mepsc.json.Json;
import org.mepsc.output.AtomicOutput;

/**
 * What a file's analysis left for the batch, stored beside its events table and summary as
 * {@code record.json}: written last, so its presence means the file's outputs are complete, and
 * its fingerprint says what they were computed from.
 *
 * @param channel the analysed channel's index
 * @param eventCount accepted events
 * @param analysedSeconds analysed time (excluded stretches removed)
 * @param noiseSd noise SD of the conditioned trace
 * @param seconds how long the analysis took
 * @param waveform the average isolated event, or null without one
 * @param example the example stretch (null when not loaded)
 */
record FileRecord(Fingerprint fingerprint, String file, int channel, String channelName, long eventCount,
        double analysedSeconds, double noiseSd, double seconds, AverageEvent.Waveform waveform,
        ExampleStretch.Trace example) {

    static final String NAME = "record.json";

    FileRecord withoutExample() {
        return new FileRecord(fingerprint, file, channel, channelName, eventCount, analysedSeconds, noiseSd, seconds,
                waveform, null);
    }

    void write(Path dir, Collection<Path> inputs) throws IOException {
        ObjectNode o = Json.object();
        o.set("fingerprint", fingerprint.toJson());
        o.put("file", file);
        o.put("channel", channel);
        o.put("channel_name", channelName);
        o.put("event_count", eventCount);
        Json.putNumber(o, "analysed_duration_s", analysedSeconds);
        Json.putNumber(o, "noise_sd_pA", noiseSd);
        Json.putNumber(o, "seconds", seconds);
        if (waveform != null) {
            ObjectNode w = o.putObject("waveform");
            w.put("from_ms", AverageEvent.FROM_MS);
            w.put("step_ms", AverageEvent.STEP_MS);
            w.put("events", waveform.events());
            ArrayNode mean = w.putArray("current_pA");
            for (double v : waveform.mean()) {
                mean.add(v);
            }
        }
        ObjectNode x = o.putObject("example");
        x.put("sweep", example.sweep());
        ArrayNode time = x.putArray("t_s");
        for (double t : example.timeS()) {
            time.add(t);
        }
        ArrayNode current = x.putArray("current_pA");
        for (float v : example.current()) {
            current.add(v);
        }
        String text = Json.pretty(o);
        AtomicOutput.writeText(dir.resolve(NAME), inputs, w -> w.write(text));
    }

    /** The stored record, or null if there is none or it cannot be read (the file is then processed again). */
    static FileRecord read(Path dir) {
        Path file = dir.resolve(NAME);
        if (!Files.isRegularFile(file)) {
            return null;
        }
        try {
            JsonNode o = Json.mapper().readTree(file.toFile());
            Fingerprint f = Fingerprint.fromJson(o.get("fingerprint"));
            JsonNode x = o.path("example");
            if (f == null || !x.path("current_pA").isArray() || !x.path("t_s").isArray()
                    || x.get("t_s").size() != x.get("current_pA").size() || x.get("t_s").isEmpty()
                    || !o.path("event_count").isIntegralNumber()) {
                return null;
            }
            AverageEvent.Waveform waveform = null;
            JsonNode w = o.path("waveform");
            if (w.path("current_pA").isArray() && w.path("current_pA").size() == AverageEvent.POINTS
                    && w.path("from_ms").asDouble() == AverageEvent.FROM_MS && w.path("step_ms").asDouble() == AverageEvent.STEP_MS) {
                double[] mean = new double[AverageEvent.POINTS];
                for (int k = 0; k < mean.length; k++) {
                    mean[k] = w.get("current_pA").get(k).asDouble();
                }
                waveform = new AverageEvent.Waveform(w.path("events").asInt(), mean);
            } else if (!w.isMissingNode()) {
                return null;
            }
            double[] time = new double[x.get("t_s").size()];
            float[] current = new float[time.length];
            for (int i = 0; i < current.length; i++) {
                time[i] = x.get("t_s").get(i).asDouble();
                current[i] = (float) x.get("current_pA").get(i).asDouble();
            }
            ExampleStretch.Trace example = new ExampleStretch.Trace(x.path("sweep").asInt(), time, current);
            return new FileRecord(f, o.path("file").asText(), o.path("channel").asInt(), o.path("channel_name").asText(),
                    o.get("event_count").asLong(), number(o, "analysed_duration_s"), number(o, "noise_sd_pA"),
                    number(o, "seconds"), waveform, example);
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    private static double number(JsonNode o, String key) {
        JsonNode v = o.get(key);
        return v != null && v.isNumber() ? v.asDouble() : Double.NaN;
    }
}
