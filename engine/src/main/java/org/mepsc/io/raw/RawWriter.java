package org.mepsc.io.raw;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import org.mepsc.io.RecordingWriter;
import org.mepsc.json.Json;
import org.mepsc.output.AtomicOutput;
import org.mepsc.recording.Channel;
import org.mepsc.recording.Recording;
import org.mepsc.recording.Sweep;

/**
 * Writes little-endian float32 samples in pA / mV, channels interleaved, sweeps one after
 * another, and a {@code <file>.json} sidecar that {@link RawReader} reads back (sweep lengths and
 * start times included). All sweeps must share one sample rate.
 */
public final class RawWriter implements RecordingWriter {

    private static final int BLOCK = 1 << 15;

    @Override
    public String formatName() {
        return "raw";
    }

    @Override
    public String extension() {
        return "raw";
    }

    @Override
    public void write(Recording recording, List<Channel> channels, List<Sweep> sweeps, Path out,
            Collection<Path> inputs) throws IOException {
        if (channels.isEmpty() || sweeps.isEmpty()) {
            throw new IllegalArgumentException("nothing to export: no channel or no sweep chosen");
        }
        double rate = sweeps.get(0).sampleRateHz();
        for (Sweep s : sweeps) {
            if (s.sampleRateHz() != rate) {
                throw new IllegalArgumentException("raw export needs one sample rate; sweep " + s.index() + " is at "
                        + s.sampleRateHz() + " Hz, sweep " + sweeps.get(0).index() + " at " + rate + " Hz");
            }
        }
        Path sidecar = RawFormat.sidecarOf(out);
        try (AtomicOutput data = AtomicOutput.create(out, inputs);
                AtomicOutput description = AtomicOutput.create(sidecar, inputs)) {
            samples(recording, channels, sweeps, data.stream());
            description.writer().write(Json.pretty(sidecar(channels, sweeps, rate)));
            AtomicOutput.commitAll(data, description); // the pair is replaced together
        }
    }

    private static void samples(Recording r, List<Channel> channels, List<Sweep> sweeps, OutputStream out)
            throws IOException {
        int n = channels.size();
        float[][] block = new float[n][BLOCK];
        ByteBuffer bytes = ByteBuffer.allocate(BLOCK * n * 4).order(ByteOrder.LITTLE_ENDIAN);
        for (Sweep s : sweeps) {
            for (long pos = 0; pos < s.length(); pos += BLOCK) {
                int count = (int) Math.min(BLOCK, s.length() - pos);
                for (int c = 0; c < n; c++) {
                    r.read(channels.get(c).index(), s.index(), pos, count, block[c], 0);
                }
                bytes.clear();
                for (int i = 0; i < count; i++) {
                    for (int c = 0; c < n; c++) {
                        bytes.putFloat(block[c][i]);
                    }
                }
                out.write(bytes.array(), 0, bytes.position());
            }
        }
    }

    private static ObjectNode sidecar(List<Channel> channels, List<Sweep> sweeps, double rate) {
        ObjectNode o = Json.object();
        o.put("sample_rate_hz", rate);
        o.put("dtype", "float32");
        List<String> units = new ArrayList<>();
        channels.forEach(c -> units.add(c.unit().symbol()));
        if (units.stream().distinct().count() == 1) {
            o.put("unit", units.get(0));
        } else {
            ArrayNode u = o.putArray("unit");
            units.forEach(u::add);
        }
        o.put("scale", 1.0);
        o.put("offset", 0.0);
        o.put("channels", channels.size());
        o.put("header_bytes", 0);
        ArrayNode names = o.putArray("channel_names");
        channels.forEach(c -> names.add(c.name()));
        ArrayNode lengths = o.putArray("sweep_lengths");
        ArrayNode starts = o.putArray("sweep_start_s");
        for (Sweep s : sweeps) {
            lengths.add(s.length());
            starts.add(s.startTimeS());
        }
        return o;
    }
}
