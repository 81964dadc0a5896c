package org.mepsc.bench;

import io.jhdf.HdfFile;
import io.jhdf.api.Dataset;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.mepsc.io.RecordingReaders;
import org.mepsc.io.nwb.NwbWriter;
import org.mepsc.recording.AcquisitionMode;
import org.mepsc.recording.ArrayRecording;
import org.mepsc.recording.Channel;
import org.mepsc.recording.Recording;
import org.mepsc.recording.RecordingMetadata;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.infra.Blackhole;

/**
 * Reads from a gzip+shuffle chunked NWB file (written by mepsc's NwbWriter in setup: one
 * current channel, 4 sweeps × 1 Mi samples of noise, 64 Ki-sample chunks).
 *
 * <ul>
 *   <li>{@code mepscSlices}: consecutive slices of {@code slice} samples through a sweep, as a
 *       detector reads; each chunk is inflated once per thread and kept while reads stay in it.</li>
 *   <li>{@code jhdfSlices}: the same slices through jhdf's {@code Dataset.getData(offset, shape)},
 *       which inflates every overlapping chunk on every call: the cost mepsc's chunk cache saves.</li>
 *   <li>{@code mepscRandomSlices}: slices at random places, where most reads need a new chunk.</li>
 * </ul>
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class NwbReadBenchmark {

    private static final int SWEEP = 1 << 20;

    @Param({"4096"})
    public int slice;

    private Path dir;
    private Recording recording;
    private HdfFile hdf;
    private Dataset firstSweep;
    private float[] buffer;
    private SplittableRandom random;

    @Setup(Level.Trial)
    public void write() throws IOException {
        dir = Files.createTempDirectory("mepsc-nwb-bench");
        SplittableRandom rnd = new SplittableRandom(42);
        float[][][] data = new float[4][1][SWEEP];
        for (float[][] sweep : data) {
            for (int i = 0; i < SWEEP; i++) {
                sweep[0][i] = (float) (rnd.nextGaussian() * 5 - 20);
            }
        }
        RecordingMetadata md = new RecordingMetadata("SIMULATED", "", AcquisitionMode.EPISODIC, "", List.of(),
                List.of(), Optional.empty());
        ArrayRecording source = new ArrayRecording(md, List.of(Channel.of(0, "IN0", "pA")), 20000, data);
        Path file = dir.resolve("bench.nwb");
        new NwbWriter().write(source, source.channels(), source.sweeps(), file, List.of());
        recording = RecordingReaders.openFile(file);
        hdf = new HdfFile(file);
        firstSweep = hdf.getDatasetByPath("/acquisition/IN0_sweep_0000/data");
        buffer = new float[slice];
        random = new SplittableRandom(7);
    }

    @TearDown(Level.Trial)
    public void delete() throws IOException {
        recording.close();
        hdf.close();
        try (var files = Files.list(dir)) {
            for (Path p : files.toList()) {
                Files.delete(p);
            }
        }
        Files.delete(dir);
    }

    @Benchmark
    public void mepscSlices(Blackhole bh) throws IOException {
        for (int pos = 0; pos + slice <= SWEEP; pos += slice) {
            recording.read(0, 0, pos, slice, buffer, 0);
            bh.consume(buffer[0]);
        }
    }

    @Benchmark
    public void jhdfSlices(Blackhole bh) {
        for (int pos = 0; pos + slice <= SWEEP; pos += slice) {
            bh.consume(firstSweep.getData(new long[] {pos}, new int[] {slice}));
        }
    }

    @Benchmark
    public void mepscRandomSlices(Blackhole bh) throws IOException {
        for (int k = 0; k < 64; k++) {
            int sweep = random.nextInt(4);
            recording.read(0, sweep, random.nextInt(SWEEP - slice), slice, buffer, 0);
            bh.consume(buffer[0]);
        }
    }
}
