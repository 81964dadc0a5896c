package org.mepsc.io.nwb;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.mepsc.io.ChunkedReadContractTest;
import org.mepsc.io.RecordingReaders;
import org.mepsc.io.RecordingWriters;
import org.mepsc.output.OutputRefusedException;
import org.mepsc.recording.AcquisitionMode;
import org.mepsc.recording.ArrayRecording;
import org.mepsc.recording.Channel;
import org.mepsc.recording.Recording;
import org.mepsc.recording.RecordingMetadata;
import org.mepsc.testing.ConcurrentReads;
import org.mepsc.testing.SameFloats;

class NwbWriterTest {

    private static final Instant SESSION = Instant.parse("2020-01-02T03:04:05.123456Z");

    @TempDir
    Path dir;

    /** Two channels (pA, mV) × 3 sweeps of random samples, in memory. */
    static ArrayRecording sample(long seed, int length) {
        SplittableRandom rnd = new SplittableRandom(seed);
        float[][][] data = new float[3][2][length];
        for (float[][] sweep : data) {
            for (float[] channel : sweep) {
                for (int i = 0; i < length; i++) {
                    channel[i] = (float) (rnd.nextGaussian() * 20 - 60);
                }
            }
        }
        RecordingMetadata md = new RecordingMetadata("SIMULATED", "", AcquisitionMode.EPISODIC, "minis.pro",
                List.of(), List.of("a note"), Optional.of(SESSION));
        return new ArrayRecording(md, List.of(Channel.of(0, "IN 0", "pA"), Channel.of(1, "Vm", "mV")), 20000, data);
    }

    @ParameterizedTest(name = "seed {0}")
    @ValueSource(longs = {1, 2})
    void roundTripIsExactAcrossManyChunks(long seed) throws IOException {
        ArrayRecording original = sample(seed, 120_001);
        Path out = dir.resolve("out.nwb");
        // chunks of 100 samples: 1201 per sweep, more than one fixed-array page of 1024
        new NwbWriter(100).write(original, original.channels(), original.sweeps(), out, List.of());
        try (Recording back = RecordingReaders.openFile(out)) {
            assertThat(back.metadata().format()).isEqualTo("NWB");
            assertThat(back.metadata().formatVersion()).isEqualTo(NwbWriter.NWB_VERSION);
            assertThat(back.metadata().protocol()).isEqualTo("minis.pro");
            assertThat(back.metadata().creationTime()).contains(SESSION);
            assertThat(back.channels()).extracting(c -> c.name() + "|" + c.declaredUnit() + "|" + c.unit().symbol())
                    .containsExactly("IN 0|amperes|pA", "Vm|volts|mV");
            assertThat(back.sweeps()).isEqualTo(original.sweeps());
            float[] x = new float[120_001];
            float[] expected = new float[120_001];
            for (int c = 0; c < 2; c++) {
                for (int s = 0; s < 3; s++) {
                    back.read(c, s, 0, x.length, x, 0);
                    original.read(c, s, 0, x.length, expected, 0);
                    SameFloats.assertSame(x, expected, "channel %d sweep %d", c, s);
                }
            }
        }
        assertThat(leftovers()).isEmpty();
    }

    @Test
    void slicesMatchTheReadContract() throws IOException {
        ArrayRecording original = sample(5, 100_000);
        Path out = dir.resolve("contract.nwb");
        new NwbWriter(4096).write(original, original.channels(), original.sweeps(), out, List.of());
        try (Recording back = RecordingReaders.openFile(out)) {
            ChunkedReadContractTest.assertSlicesMatch(back, 5);
        }
    }

    @Test
    void concurrentReadsGiveTheSameSamples() throws Exception {
        ArrayRecording original = sample(7, 50_000);
        Path out = dir.resolve("threads.nwb");
        new NwbWriter(1000).write(original, original.channels(), original.sweeps(), out, List.of());
        try (Recording back = RecordingReaders.openFile(out)) {
            ConcurrentReads.assertMatch(back, original, 7);
        }
    }

    @Test
    void isRegisteredAndChoosesSeriesTypeByQuantity() throws IOException {
        ArrayRecording original = sample(3, 10);
        Path out = dir.resolve("types.nwb");
        RecordingWriters.standard().byName("nwb").write(original, original.channels(), original.sweeps().subList(1, 2),
                out, List.of());
        assertThat(RecordingWriters.standard().byExtension(out)).get().extracting(w -> w.formatName()).isEqualTo("nwb");
        try (Recording back = RecordingReaders.openFile(out)) {
            assertThat(back.sweeps()).hasSize(1);
            assertThat(back.sweep(0).startTimeS()).isEqualTo(original.sweep(1).startTimeS());
            NwbRecording nwb = (NwbRecording) back;
            assertThat(nwb.series(0)).extracting(NwbSeries::type).containsExactly("VoltageClampSeries");
            assertThat(nwb.series(1)).extracting(NwbSeries::type).containsExactly("CurrentClampSeries");
        }
    }

    @Test
    void refusesChannelsThatAreNeitherCurrentNorVoltage() {
        RecordingMetadata md = new RecordingMetadata("SIMULATED", "", AcquisitionMode.GAP_FREE, "", List.of(),
                List.of(), Optional.empty());
        ArrayRecording r = new ArrayRecording(md, List.of(Channel.of(0, "temp", "degC")), 100, new float[][][] {{{1, 2}}});
        assertThatThrownBy(() -> new NwbWriter().write(r, r.channels(), r.sweeps(), dir.resolve("x.nwb"), List.of()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("degC");
    }

    @Test
    void refusesToOverwriteItsInputAndLeavesNothingOnFailure() throws IOException {
        ArrayRecording original = sample(4, 100);
        Path input = dir.resolve("in.nwb");
        Files.writeString(input, "precious");
        assertThatThrownBy(() -> new NwbWriter().write(original, original.channels(), original.sweeps(), input,
                List.of(input))).isInstanceOf(OutputRefusedException.class);
        assertThat(Files.readString(input)).isEqualTo("precious");

        Recording failing = new FailingRecording(original);
        Path out = dir.resolve("failed.nwb");
        assertThatThrownBy(() -> new NwbWriter().write(failing, failing.channels(), failing.sweeps(), out, List.of()))
                .hasMessageContaining("disk gone");
        assertThat(out).doesNotExist();
        assertThat(leftovers()).isEmpty();
    }

    private List<Path> leftovers() throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            return s.filter(p -> p.getFileName().toString().startsWith(".")).toList();
        }
    }

    /** A recording whose samples cannot be read. */
    private static final class FailingRecording implements Recording {
        private final Recording shape;

        FailingRecording(Recording shape) {
            this.shape = shape;
        }

        @Override
        public Optional<Path> source() {
            return Optional.empty();
        }

        @Override
        public RecordingMetadata metadata() {
            return shape.metadata();
        }

        @Override
        public List<Channel> channels() {
            return shape.channels();
        }

        @Override
        public List<org.mepsc.recording.Sweep> sweeps() {
            return shape.sweeps();
        }

        @Override
        public void read(int channel, int sweep, long start, int count, float[] dst, int offset) throws IOException {
            throw new IOException("disk gone");
        }

        @Override
        public void close() {
        }
    }
}
