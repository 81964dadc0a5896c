package org.mepsc.io.axg;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.io.IOException;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.mepsc.io.BadFiles;
import org.mepsc.io.ChunkedReadContractTest;
import org.mepsc.io.RecordingReaders;
import org.mepsc.recording.Recording;
import org.mepsc.testing.RealData;

/** AxoGraph files of every format version written by the tests, and broken copies of the real one. */
class AxgReaderTest {

    private static final ByteOrder BE = ByteOrder.BIG_ENDIAN;

    @TempDir
    Path tmp;

    private Recording open(byte[] bytes, String name) throws IOException {
        Path f = tmp.resolve(name);
        Files.write(f, bytes);
        return RecordingReaders.openFile(f);
    }

    private static float[] read(Recording r, int channel) throws IOException {
        float[] x = new float[(int) r.sweep(0).length()];
        r.read(channel, 0, 0, x.length, x, 0);
        return x;
    }

    /**
     * AxoGraph X with a column of every type: a time series, int16, int32, float32 and float64
     * arrays of {@code 0, 1, -2, 300, -32768, 32767}, scaled int16, a shorter column and a second
     * series, then comment and notes.
     */
    static byte[] everyColumnType() {
        double[] v = {0, 1, -2, 300, -32768, 32767};
        return AxgFileBuilder.x(6, 8)
                .seriesColumn("Time (s)", 6, 0.001, 0.0001)
                .arrayColumn("Current (pA)", 4, v)
                .arrayColumn("Count", 5, v)
                .arrayColumn("Voltage (mV)", 6, v)
                .arrayColumn("Command (V)", 7, v)
                .scaledColumn("Current (A)", 1e-12, 2e-12, new short[] {1, 2, 3, 4, 5, 6})
                .arrayColumn("Short (pA)", 4, new double[] {1, 2})
                .seriesColumn("Other series", 6, 0, 1)
                .notes("a comment", "--- Acquisition Settings ---\nProtocol :  minis\nline two\n")
                .bytes();
    }

    @Test
    void readsEveryAxoGraphXColumnType() throws IOException {
        byte[] file = everyColumnType();
        try (Recording r = open(file, "x.axgx")) {
            assertThat(r.metadata().format()).isEqualTo("AXG");
            assertThat(r.metadata().formatVersion()).isEqualTo("6");
            assertThat(r.metadata().protocol()).isEqualTo("minis");
            assertThat(r.metadata().comments()).contains("a comment", "Protocol :  minis", "line two")
                    .anySatisfy(c -> assertThat(c).contains("column 6 'Short (pA)' is left out: 2 points, time has 6"))
                    .anySatisfy(c -> assertThat(c).contains("column 7 'Other series' is left out: a series column"));
            assertThat(r.channels()).extracting(c -> c.name() + "/" + c.declaredUnit())
                    .containsExactly("Current/pA", "Count/", "Voltage/mV", "Command/V", "Current/A");
            assertThat(r.sampleRateHz()).isCloseTo(10000, within(1e-6));
            assertThat(r.sweep(0).startTimeS()).isEqualTo(0.001);
            assertThat(read(r, 0)).containsExactly(0f, 1f, -2f, 300f, -32768f, 32767f);
            assertThat(read(r, 1)).containsExactly(0f, 1f, -2f, 300f, -32768f, 32767f);
            assertThat(read(r, 2)).containsExactly(0f, 1f, -2f, 300f, -32768f, 32767f);
            assertThat(read(r, 3)).containsExactly(0f, 1000f, -2000f, 300000f, -32768000f, 32767000f);
            float[] scaled = read(r, 4);
            for (int i = 0; i < 6; i++) {
                assertThat((double) scaled[i]).isCloseTo((i + 1) + 2.0, within(1e-5));
            }
            ChunkedReadContractTest.assertSlicesMatch(r, 3);
        }
    }

    @Test
    void takesTheIntervalOfAStoredTimeColumnInMilliseconds() throws IOException {
        double[] t = new double[101];
        double[] y = new double[101];
        for (int i = 0; i < t.length; i++) {
            t[i] = 5 + 0.05 * i;
            y[i] = i;
        }
        byte[] file = AxgFileBuilder.x(4, 2).arrayColumn("Time (ms)", 7, t).arrayColumn("Im (nA)", 6, y).bytes();
        try (Recording r = open(file, "ms.axgd")) {
            assertThat(r.sampleRateHz()).isCloseTo(20000, within(1e-6));
            assertThat(r.sweep(0).startTimeS()).isCloseTo(0.005, within(1e-12));
            assertThat(read(r, 0)[100]).isEqualTo(100_000f);
            assertThat(r.metadata().comments()).isEmpty();
        }
    }

    @Test
    void readsTheGraphFormat() throws IOException {
        byte[] file = AxgFileBuilder.graph(1, 2)
                .floatColumn("Time (s)", new float[] {0, 0.5f, 1, 1.5f})
                .floatColumn("Current (nA)", new float[] {1, 2, 3, 4})
                .bytes();
        try (Recording r = open(file, "old.axg")) {
            assertThat(r.metadata().formatVersion()).isEqualTo("1");
            assertThat(r.sampleRateHz()).isEqualTo(2.0);
            assertThat(read(r, 0)).containsExactly(1000f, 2000f, 3000f, 4000f);
        }
    }

    @Test
    void readsTheDigitizedFormat() throws IOException {
        byte[] file = AxgFileBuilder.graph(2, 3)
                .digitizedTime("Time (s)", 3, 0, 0.0002f)
                .digitizedColumn("Current (pA)", 0.25f, new short[] {4, -8, 12})
                .digitizedColumn("Voltage (mV)", 2f, new short[] {1, 2, 3})
                .bytes();
        try (Recording r = open(file, "digitized.axg")) {
            assertThat(r.metadata().formatVersion()).isEqualTo("2");
            assertThat(r.sampleRateHz()).isCloseTo(5000, within(1e-3));
            assertThat(read(r, 0)).containsExactly(1f, -2f, 3f);
            assertThat(read(r, 1)).containsExactly(2f, 4f, 6f);
        }
    }

    /** Where the real file's second column (the first channel, "Current (A)") begins. */
    private static final int COLUMN_1 = 56;

    static Stream<Arguments> mutants() {
        return Stream.of(
                m("empty", b -> new byte[0]),
                m("cut inside the header", b -> Arrays.copyOf(b, 10)),
                m("cut inside the time column", b -> Arrays.copyOf(b, 40)),
                m("cut inside the first channel", b -> Arrays.copyOf(b, 1000)),
                m("cut inside the last channel", b -> Arrays.copyOf(b, 12_000)),
                m("2^31-1 columns", b -> BadFiles.withInt(b, 8, 0x7fff_ffff, BE)),
                m("no columns", b -> BadFiles.withInt(b, 8, 0, BE)),
                m("negative columns", b -> BadFiles.withInt(b, 8, -7, BE)),
                m("version 2 with an AxoGraph X signature", b -> BadFiles.withInt(b, 4, 2, BE)),
                m("unknown column type", b -> BadFiles.withInt(b, COLUMN_1 + 4, 3, BE)),
                m("2^31-1 points", b -> BadFiles.withInt(b, COLUMN_1, 0x7fff_ffff, BE)),
                m("negative points", b -> BadFiles.withInt(b, COLUMN_1, -1, BE)),
                m("title of 2 GiB", b -> BadFiles.withInt(b, COLUMN_1 + 8, 0x7fff_fff0, BE)),
                m("zero time increment", b -> BadFiles.withDouble(b, 48, 0, BE)),
                m("NaN time increment", b -> BadFiles.withDouble(b, 48, Double.NaN, BE)),
                m("infinite scale", b -> BadFiles.withDouble(b, COLUMN_1 + 12 + 22, Double.POSITIVE_INFINITY, BE)),
                m("time column in volts", b -> BadFiles.withText(b, 36, "\0V")));
    }

    private static Arguments m(String what, UnaryOperator<byte[]> mutation) {
        return Arguments.of(what, mutation);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("mutants")
    void brokenCopiesOfTheRealFileAreRefusedCleanly(String what, UnaryOperator<byte[]> mutation) throws IOException {
        byte[] original = Files.readAllBytes(RealData.file("axographio_AxoGraph_X_File.axgx"));
        BadFiles.assertRejected(tmp.resolve("broken.axgx"), mutation.apply(original));
    }
}
