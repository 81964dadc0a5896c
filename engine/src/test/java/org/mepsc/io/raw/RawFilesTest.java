package org.mepsc.io.raw;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mepsc.io.ChunkedReadContractTest;
import org.mepsc.io.OpenOptions;
import org.mepsc.io.RawLayout;
import org.mepsc.io.RecordingReaders;
import org.mepsc.io.RecordingWriters;
import org.mepsc.recording.AcquisitionMode;
import org.mepsc.recording.ArrayRecording;
import org.mepsc.recording.Channel;
import org.mepsc.recording.Recording;
import org.mepsc.recording.RecordingFormatException;
import org.mepsc.recording.RecordingMetadata;
import org.mepsc.testing.ConcurrentReads;

class RawFilesTest {

    @TempDir
    Path dir;

    private Path int16File(String name, short... values) throws IOException {
        ByteBuffer b = ByteBuffer.allocate(8 + values.length * 2).order(ByteOrder.LITTLE_ENDIAN);
        b.put("HEADER!!".getBytes(java.nio.charset.StandardCharsets.US_ASCII));
        for (short v : values) {
            b.putShort(v);
        }
        return Files.write(dir.resolve(name), b.array());
    }

    @Test
    void int16WithSidecarScaleOffsetHeaderAndChannels() throws IOException {
        Path f = int16File("rec.dat16", (short) 100, (short) -5, (short) 200, (short) -6, (short) 300, (short) -7);
        Files.writeString(dir.resolve("rec.dat16.json"), "{\"sample_rate_hz\": 10000, \"dtype\": \"int16\", "
                + "\"unit\": [\"nA\", \"mV\"], \"scale\": 0.01, \"offset\": 0.5, \"channels\": 2, \"header_bytes\": 8, "
                + "\"channel_names\": [\"Im\", \"Vm\"]}");
        try (Recording r = RecordingReaders.openFile(f)) {
            assertThat(r.metadata().format()).isEqualTo("RAW");
            assertThat(r.channels()).extracting(c -> c.name() + "|" + c.declaredUnit()).containsExactly("Im|nA", "Vm|mV");
            assertThat(r.sweep(0).length()).isEqualTo(3);
            float[] x = new float[3];
            r.read(0, 0, 0, 3, x, 0);
            assertThat(x).containsExactly(1500f, 2500f, 3500f);   // (100·0.01 + 0.5) nA = 1.5 nA = 1500 pA
            r.read(1, 0, 0, 3, x, 0);
            assertThat(x).containsExactly(0.45f, 0.44f, 0.43f);
        }
    }

    @Test
    void optionsDescribeAFileWithoutSidecar() throws IOException {
        Path f = dir.resolve("trace.raw");
        ByteBuffer b = ByteBuffer.allocate(12).order(ByteOrder.LITTLE_ENDIAN).putFloat(1.5f).putFloat(-2f).putFloat(3f);
        Files.write(f, b.array());
        Throwable t = catchThrowable(() -> RecordingReaders.openFile(f));
        assertThat(t).isInstanceOf(RecordingFormatException.class).hasMessageStartingWith(f.toString())
                .hasMessageContaining("--raw-rate-hz").hasMessageContaining("trace.raw.json");
        OpenOptions o = OpenOptions.DEFAULT.withRaw(new RawLayout(RawLayout.SampleType.FLOAT32, 50000, "pA", 1, 0, 1, 0));
        try (Recording r = RecordingReaders.standard().open(f, o)) {
            assertThat(r.sampleRateHz()).isEqualTo(50000.0);
            float[] x = new float[3];
            r.read(0, 0, 0, 3, x, 0);
            assertThat(x).containsExactly(1.5f, -2f, 3f);
        }
        // with the layout given, any name will do
        Path odd = Files.copy(f, dir.resolve("trace.samples"));
        assertThat(catchThrowable(() -> RecordingReaders.openFile(odd))).hasMessageContaining("not a recording");
        try (Recording r = RecordingReaders.standard().open(odd, o)) {
            assertThat(r.sweep(0).length()).isEqualTo(3);
        }
    }

    private RecordingFormatException sidecarFailure(String json) throws IOException {
        Path f = Files.write(dir.resolve("s.bin"), new byte[12]);
        Files.writeString(dir.resolve("s.bin.json"), json);
        Throwable t = catchThrowable(() -> RecordingReaders.openFile(f));
        assertThat(t).isInstanceOf(RecordingFormatException.class);
        assertThat(t.getMessage()).startsWith(f.toString()).doesNotContain("\n");
        return (RecordingFormatException) t;
    }

    /**
     * A fuzz finding: a sidecar whose first bytes Jackson took for UTF-32 ended in its
     * CharConversionException; sidecars are UTF-8 text, so such bytes are invalid JSON. A sidecar
     * that is not a regular file is refused by name.
     */
    @Test
    void sidecarsThatAreNotUtf8TextOrNotFilesAreRefused() throws IOException {
        String json = "{\"sample_rate_hz\": 10000}";
        for (String lead : new String[] {"\u0002\u0000\u0000\u0000", "\u0000\u0000\u0000\u007b", "\u00fe\u00ff"}) {
            byte[] bytes = (lead + json).getBytes(java.nio.charset.StandardCharsets.ISO_8859_1);
            Path f = Files.write(dir.resolve("odd.bin"), new byte[12]);
            Files.write(dir.resolve("odd.bin.json"), bytes);
            assertThat(catchThrowable(() -> RecordingReaders.openFile(f))).as("sidecar starting %s", lead)
                    .isInstanceOf(RecordingFormatException.class).hasMessageContaining("not valid JSON");
        }
        Path f = Files.write(dir.resolve("dir.bin"), new byte[12]);
        Files.createDirectory(dir.resolve("dir.bin.json"));
        assertThat(catchThrowable(() -> new RawReader().open(f, OpenOptions.DEFAULT)))
                .isInstanceOf(RecordingFormatException.class).hasMessageContaining("dir.bin");
    }

    @Test
    void badSidecarsAndSizes() throws IOException {
        assertThat(sidecarFailure("{\"unit\": \"pA\"}").problem()).contains("sample_rate_hz is missing");
        assertThat(sidecarFailure("{\"sample_rate_hz\": 0}").problem()).contains("not a plausible rate");
        assertThat(sidecarFailure("{\"sample_rate_hz\": 1e12}").problem()).contains("not a plausible rate");
        assertThat(sidecarFailure("{\"sample_rate_hz\": 1e-5}").problem()).contains("not a plausible rate (0.001 to");
        assertThat(sidecarFailure("{\"sample_rate_hz\": \"fast\"}").problem()).contains("not a number");
        assertThat(sidecarFailure("{\"sample_rate_hz\": 1000, ").problem()).contains("not valid JSON");
        assertThat(sidecarFailure("{\"sample_rate_hz\": 1000, \"dtype\": \"float64\"}").problem()).contains("dtype");
        assertThat(sidecarFailure("{\"sample_rate_hz\": 1000, \"channels\": 5}").problem()).contains("not a whole number of 20-byte frames");
        assertThat(sidecarFailure("{\"sample_rate_hz\": 1000, \"header_bytes\": 100}").problem()).contains("shorter than its 100-byte header");
        assertThat(sidecarFailure("{\"sample_rate_hz\": 1000, \"sweep_lengths\": [1, 1]}").problem()).contains("add up to 2");
    }

    @Test
    void writerRoundTripKeepsChannelsSweepsAndStarts() throws Exception {
        SplittableRandom rnd = new SplittableRandom(21);
        float[][][] data = new float[3][2][];
        for (int s = 0; s < 3; s++) {
            for (int c = 0; c < 2; c++) {
                data[s][c] = new float[40_000 + 1000 * s];
                for (int i = 0; i < data[s][c].length; i++) {
                    data[s][c][i] = (float) rnd.nextGaussian() * 30;
                }
            }
        }
        RecordingMetadata md = new RecordingMetadata("SIMULATED", "", AcquisitionMode.EPISODIC, "", List.of(), List.of(), Optional.empty());
        ArrayRecording original = new ArrayRecording(md, List.of(Channel.of(0, "IN 0", "pA"), Channel.of(1, "Vm", "mV")), 25000, data);
        Path out = dir.resolve("export.raw");
        RecordingWriters.standard().byName("raw").write(original, original.channels(), original.sweeps(), out, List.of());
        assertThat(Files.size(out)).isEqualTo((40_000 + 41_000 + 42_000) * 2 * 4L);
        try (Recording back = RecordingReaders.openFile(out)) {
            assertThat(back.channels()).extracting(c -> c.name() + "|" + c.declaredUnit()).containsExactly("IN 0|pA", "Vm|mV");
            assertThat(back.sweeps()).isEqualTo(original.sweeps());
            ChunkedReadContractTest.assertSlicesMatch(back, 21);
            ConcurrentReads.assertMatch(back, original, 21);
        }
    }

    @Test
    void writerRefusesToWriteOverAnInput() throws IOException {
        RecordingMetadata md = new RecordingMetadata("SIMULATED", "", AcquisitionMode.GAP_FREE, "", List.of(), List.of(), Optional.empty());
        ArrayRecording r = new ArrayRecording(md, List.of(Channel.of(0, "a", "pA")), 1000, new float[][][] {{{1, 2, 3}}});
        Path out = dir.resolve("x.raw");
        Path sidecar = dir.resolve("x.raw.json");
        assertThatThrownBy(() -> new RawWriter().write(r, r.channels(), r.sweeps(), out, List.of(sidecar)))
                .isInstanceOf(org.mepsc.output.OutputRefusedException.class);
        assertThat(out).doesNotExist();
    }
}
