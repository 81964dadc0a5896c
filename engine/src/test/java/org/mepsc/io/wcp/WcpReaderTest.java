package org.mepsc.io.wcp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.io.IOException;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.SplittableRandom;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.mepsc.io.BadFiles;
import org.mepsc.io.ChunkedReadContractTest;
import org.mepsc.io.RecordingReaders;
import org.mepsc.recording.Recording;
import org.mepsc.recording.Tag;
import org.mepsc.testing.RealData;

/** WinWCP files written by the tests, and broken copies of the real one. */
class WcpReaderTest {

    @TempDir
    Path tmp;

    private Recording open(byte[] bytes) throws IOException {
        Path f = tmp.resolve("synthetic.wcp");
        Files.write(f, bytes);
        return RecordingReaders.openFile(f);
    }

    private static short[] random(SplittableRandom rnd, int n) {
        short[] s = new short[n];
        for (int i = 0; i < n; i++) {
            s[i] = (short) (rnd.nextInt(65536) - 32768);
        }
        return s;
    }

    @ParameterizedTest(name = "seed {0}")
    @ValueSource(longs = {1, 2, 3})
    void scalesEachRecordWithItsOwnRangeAndFindsChannelsByPosition(long seed) throws IOException {
        SplittableRandom rnd = new SplittableRandom(seed);
        short[][] r1 = {random(rnd, 128), random(rnd, 128)};
        short[][] r2 = {random(rnd, 128), random(rnd, 128)};
        // channel 0 is stored second in each sample group, channel 1 first
        byte[] file = new WcpFileBuilder()
                .channel("Im", "nA", 0.5, 1)
                .channel("Vm", "mV", 10, 0)
                .record("ACCEPTED", 0, 0.001f, new float[] {10, 10}, "", r1)
                .record("ACCEPTED", 1.5f, 0.001f, new float[] {5, 2.5f}, "", r2)
                .build();
        try (Recording r = open(file)) {
            assertThat(r.metadata().format()).isEqualTo("WCP");
            assertThat(r.metadata().formatVersion()).isEqualTo("9");
            assertThat(r.channels()).extracting(c -> c.name() + "/" + c.declaredUnit())
                    .containsExactly("Im/nA", "Vm/mV");
            assertThat(r.sweeps()).hasSize(2);
            assertThat(r.sweep(1).startTimeS()).isEqualTo(1.5);
            assertThat(r.sampleRateHz()).isEqualTo(1000.0); // the header's exact DT, not float32 0.001
            float[] x = new float[128];
            double[][] vmax = {{10, 10}, {5, 2.5}};
            short[][][] adc = {r1, r2};
            double[] gain = {0.5, 10};
            double[] toCanonical = {1000, 1};
            for (int s = 0; s < 2; s++) {
                for (int c = 0; c < 2; c++) {
                    r.read(c, s, 0, 128, x, 0);
                    for (int i = 0; i < 128; i++) {
                        double e = adc[s][c][i] * vmax[s][c] / (32767 * gain[c]) * toCanonical[c];
                        assertThat((double) x[i]).as("record %d channel %d sample %d", s, c, i)
                                .isCloseTo(e, within(1e-6 * Math.abs(e) + 1e-9));
                    }
                }
            }
            ChunkedReadContractTest.assertSlicesMatch(r, seed);
        }
    }

    @Test
    void keepsMarkersRejectionsAndPerRecordIntervals() throws IOException {
        short[][] adc = {{1, 2, 3}};
        byte[] file = new WcpFileBuilder()
                .channel("Im", "pA", 1, 0)
                .dt("0,001")
                .np(3)
                .line("ID=cell 7")
                .record("ACCEPTED", 0, 0.001f, new float[] {5}, "drug on", adc)
                .record("REJECTED", 2, 0.0005f, new float[] {5}, "", adc)
                .build();
        try (Recording r = open(file)) {
            assertThat(r.sweep(0).length()).isEqualTo(3);
            assertThat(r.sweep(0).sampleRateHz()).isEqualTo(1000.0);
            assertThat(r.sweep(1).sampleRateHz()).isCloseTo(2000.0, within(1e-3));
            assertThat(r.metadata().tags()).containsExactly(new Tag(0, "drug on"));
            assertThat(r.metadata().comments()).contains("records marked rejected in WinWCP (numbered from 1): [2]",
                    "experiment: cell 7");
        }
    }

    static Stream<Arguments> mutants() {
        return Stream.of(
                m("empty", b -> new byte[0]),
                m("header only", b -> Arrays.copyOf(b, 1024)),
                m("cut inside record 10", b -> Arrays.copyOf(b, 1024 + 9 * 2048 + 700)),
                m("cut inside the header", b -> Arrays.copyOf(b, 100)),
                m("NR=99", b -> replace(b, "NR=11", "NR=99")),
                m("NC=0", b -> replace(b, "NC=2", "NC=0")),
                m("NC=9", b -> replace(b, "NC=2", "NC=9")),
                m("no NC", b -> replace(b, "NC=2", "NX=2")),
                m("NBA=0", b -> replace(b, "NBA=2", "NBA=0")),
                m("NBD=9", b -> replace(b, "NBD=2", "NBD=9")),
                m("NBH beyond the file", b -> replace(b, "NBH=1024", "NBH=9999")),
                m("NBH of 99 MB", b -> replaceLonger(b, "NBH=1024", "NBH=99999999")),
                m("ADCMAX=0", b -> replace(b, "ADCMAX=32677", "ADCMAX=00000")),
                m("channel position out of range", b -> replace(b, "YO0=0", "YO0=5")),
                m("zero gain", b -> replace(b, "YG0=0.0005", "YG0=0.0000")),
                m("DT not a number", b -> replace(b, "DT=0.001", "DT=0.0x1")),
                m("DT and record interval zero",
                        b -> BadFiles.withInt(replace(b, "DT=0.001", "DT=0.000"), 1024 + 20, 0, ByteOrder.LITTLE_ENDIAN)),
                m("NaN A/D range in record 4",
                        b -> BadFiles.withInt(b, 1024 + 3 * 2048 + 24, 0x7fc00000, ByteOrder.LITTLE_ENDIAN)));
    }

    private static Arguments m(String what, UnaryOperator<byte[]> mutation) {
        return Arguments.of(what, mutation);
    }

    /** Replaces header text by text of the same length, so nothing else moves. */
    private static byte[] replace(byte[] b, String old, String now) {
        assertThat(now).hasSameSizeAs(old);
        String s = new String(b, StandardCharsets.ISO_8859_1);
        int at = s.indexOf(old);
        assertThat(at).as("'%s' in the header", old).isNotNegative();
        return BadFiles.withText(b, at, now);
    }

    /** Replaces header text by longer text, overwriting what follows in the header. */
    private static byte[] replaceLonger(byte[] b, String old, String now) {
        int at = new String(b, StandardCharsets.ISO_8859_1).indexOf(old);
        return BadFiles.withText(b, at, now + "\r\n");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("mutants")
    void brokenCopiesOfTheRealFileAreRefusedCleanly(String what, UnaryOperator<byte[]> mutation) throws IOException {
        byte[] original = Files.readAllBytes(RealData.file("myokit_wcp-file.wcp"));
        BadFiles.assertRejected(tmp.resolve("broken.wcp"), mutation.apply(original));
    }
}
