package org.mepsc.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.mepsc.io.RecordingReaders;
import org.mepsc.io.abf.AbfWriter;
import org.mepsc.recording.AbstractRecording;
import org.mepsc.recording.AcquisitionMode;
import org.mepsc.recording.Channel;
import org.mepsc.recording.Recording;
import org.mepsc.recording.RecordingMetadata;
import org.mepsc.recording.Sweep;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Decoding speed of the ABF reader: every channel of a gap-free int16 ABF (written by mepsc's
 * writer in setup, then served from the page cache) read in chunks into a float[], in canonical
 * units. The {@code samples} counter is the throughput in samples per second.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Fork(1)
@Warmup(iterations = 2, time = 2)
@Measurement(iterations = 5, time = 2)
public class AbfReadBenchmark {

    /** Samples per channel: 2^23, 16 MiB per channel on disk. */
    static final int LENGTH = 1 << 23;

    @Param({"4096", "65536"})
    int chunk;

    @Param({"1", "4"})
    int channels;

    private Path dir;
    private Recording recording;
    private float[] buffer;

    @Setup(Level.Trial)
    public void writeFile() throws IOException {
        dir = Files.createTempDirectory("mepsc-abf-bench");
        Path file = dir.resolve("bench.abf");
        Recording source = new Synthetic(channels, LENGTH, 20_000);
        new AbfWriter().write(source, source.channels(), source.sweeps(), file, List.of());
        recording = RecordingReaders.openFile(file);
        buffer = new float[chunk];
    }

    @TearDown(Level.Trial)
    public void delete() throws IOException {
        recording.close();
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }

    @Benchmark
    public float readAllChannels(SampleCounter counter) throws IOException {
        float sink = 0;
        for (int c = 0; c < channels; c++) {
            for (long pos = 0; pos < LENGTH; pos += chunk) {
                int n = (int) Math.min(chunk, LENGTH - pos);
                recording.read(c, 0, pos, n, buffer, 0);
                sink += buffer[n - 1];
            }
        }
        counter.samples += (long) channels * LENGTH;
        return sink;
    }

    /** A recording computed on the fly (no memory): a slow sine plus a fast, bounded ripple. */
    static final class Synthetic extends AbstractRecording {

        Synthetic(int channelCount, long length, double rateHz) {
            super(Optional.empty(), new RecordingMetadata("SIMULATED", "", AcquisitionMode.GAP_FREE, "", List.of(),
                    List.of(), Optional.empty()), channels(channelCount), List.of(new Sweep(0, 0, length, rateHz)));
        }

        private static List<Channel> channels(int count) {
            List<Channel> channels = new ArrayList<>();
            for (int c = 0; c < count; c++) {
                channels.add(Channel.of(c, "IN " + c, "pA"));
            }
            return channels;
        }

        @Override
        protected void readChecked(int channel, int sweep, long start, int count, float[] dst, int offset) {
            for (int i = 0; i < count; i++) {
                long k = start + i;
                dst[offset + i] = (float) (-60 + 20 * Math.sin(k * 1e-4 * (channel + 1)) + (k * 7919 % 101) * 0.1);
            }
        }

        @Override
        public void close() {
        }
    }
}
