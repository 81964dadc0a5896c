package org.mepsc.io;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SplittableRandom;
import org.mepsc.io.ReaderFuzzing.Seed;
import org.mepsc.recording.AcquisitionMode;
import org.mepsc.recording.ArrayRecording;
import org.mepsc.recording.Channel;
import org.mepsc.recording.RecordingMetadata;

/** Seeds made by mepsc's own writers, for the fuzz tests of the formats it also writes. */
public final class FuzzSeeds {

    private FuzzSeeds() {
    }

    /** Two channels (pA, mV) of seeded noise, {@code sweeps} sweeps of {@code length} samples at 20 kHz. */
    public static ArrayRecording small(long seed, int sweeps, int length) {
        SplittableRandom rnd = new SplittableRandom(seed);
        float[][][] data = new float[sweeps][2][length];
        for (int s = 0; s < sweeps; s++) {
            for (int i = 0; i < length; i++) {
                data[s][0][i] = (float) (-20 + 15 * rnd.nextGaussian());
                data[s][1][i] = (float) (-70 + 3 * rnd.nextGaussian());
            }
        }
        RecordingMetadata md = new RecordingMetadata("SIMULATED", "", sweeps > 1 ? AcquisitionMode.EPISODIC
                : AcquisitionMode.GAP_FREE, "", List.of(), List.of(), Optional.empty());
        return new ArrayRecording(md, List.of(Channel.of(0, "IN0", "pA"), Channel.of(1, "Vm", "mV")), 20_000, data);
    }

    /**
     * What {@code format}'s writer makes of {@code r}: the file, and beside it any companion
     * files the writer adds (a raw file's sidecar).
     */
    public static Seed written(String name, String format, ArrayRecording r) {
        return ReaderFuzzing.written(dir -> {
            RecordingWriter writer = RecordingWriters.standard().byName(format);
            Path out = dir.resolve("seed." + writer.extension());
            writer.write(r, r.channels(), r.sweeps(), out, List.of());
            List<Seed> seeds = new ArrayList<>();
            Map<String, byte[]> companions = new java.util.TreeMap<>();
            try (var files = Files.list(dir)) {
                for (Path f : files.toList()) {
                    String n = f.getFileName().toString();
                    if (!f.equals(out) && n.startsWith(out.getFileName().toString())) {
                        companions.put(n.substring(out.getFileName().toString().length()), Files.readAllBytes(f));
                    }
                }
            }
            seeds.add(new Seed(name, writer.extension(), Files.readAllBytes(out), companions));
            return seeds;
        }).get(0);
    }
}
