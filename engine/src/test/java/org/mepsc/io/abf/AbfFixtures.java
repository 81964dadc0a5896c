package org.mepsc.io.abf;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.SplittableRandom;
import org.mepsc.recording.AcquisitionMode;
import org.mepsc.recording.ArrayRecording;
import org.mepsc.recording.Channel;
import org.mepsc.recording.Recording;
import org.mepsc.recording.RecordingMetadata;

/** Synthetic recordings and byte-level file edits for the ABF tests. */
final class AbfFixtures {

    private AbfFixtures() {
    }

    static final String[] UNITS = {"pA", "mV", "nA", "V"};

    /**
     * Seeded noise with steps and exponential events, at an amplitude between 1e-3 and 1e4 and
     * with a random DC offset, per channel; sweeps of equal length.
     */
    static ArrayRecording synthetic(long seed, int channels, int sweeps, int length, double rateHz) {
        SplittableRandom rnd = new SplittableRandom(seed);
        List<Channel> cs = new ArrayList<>();
        float[][][] data = new float[sweeps][channels][length];
        for (int c = 0; c < channels; c++) {
            cs.add(Channel.of(c, "IN " + c, UNITS[c % UNITS.length]));
            double amplitude = Math.pow(10, rnd.nextDouble(-3, 4));
            double offset = rnd.nextDouble(-3, 3) * amplitude;
            for (int s = 0; s < sweeps; s++) {
                double event = 0;
                for (int i = 0; i < length; i++) {
                    event = rnd.nextInt(2000) == 0 ? -5 * amplitude : event * 0.98;
                    data[s][c][i] = (float) (offset + event + amplitude * gaussian(rnd));
                }
            }
        }
        RecordingMetadata md = new RecordingMetadata("SIMULATED", "", sweeps > 1 ? AcquisitionMode.EPISODIC
                : AcquisitionMode.GAP_FREE, "", List.of(), List.of(),
                Optional.of(Instant.parse("2024-03-05T10:11:12.345Z")));
        return new ArrayRecording(md, cs, rateHz, data);
    }

    private static double gaussian(SplittableRandom rnd) {
        double u = rnd.nextDouble(1e-12, 1);
        return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * rnd.nextDouble());
    }

    /** Writes every channel and sweep of {@code r} as ABF. */
    static Path writeAbf(Recording r, Path out) throws IOException {
        new AbfWriter().write(r, r.channels(), r.sweeps(), out, List.of());
        return out;
    }

    /** The file's bytes as a little-endian buffer, to edit. */
    static ByteBuffer bytes(Path file) throws IOException {
        return ByteBuffer.wrap(Files.readAllBytes(file)).order(ByteOrder.LITTLE_ENDIAN);
    }

    /** Writes an edited copy. */
    static Path save(ByteBuffer b, Path out) throws IOException {
        Files.write(out, b.array());
        return out;
    }

    /** The first {@code n} bytes of a file, as another file. */
    static Path truncated(Path file, long n, Path out) throws IOException {
        byte[] all = Files.readAllBytes(file);
        byte[] part = new byte[(int) Math.min(n, all.length)];
        System.arraycopy(all, 0, part, 0, part.length);
        Files.write(out, part);
        return out;
    }
}
