package org.mepsc.io.heka;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;
import static org.mepsc.io.heka.HekaFileBuilder.series;
import static org.mepsc.io.heka.HekaFileBuilder.sweep;

import java.io.IOException;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.SplittableRandom;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.mepsc.io.ChunkedReadContractTest;
import org.mepsc.io.OpenOptions;
import org.mepsc.io.RecordingReaders;
import org.mepsc.io.heka.HekaFileBuilder.Trace;
import org.mepsc.recording.Recording;
import org.mepsc.recording.RecordingFormatException;

/** HEKA PatchMaster files written by the tests themselves, in every layout the reader handles. */
class HekaReaderTest {

    @TempDir
    Path tmp;

    private Recording open(byte[] bytes, String series) throws IOException {
        Path f = tmp.resolve("synthetic.dat");
        Files.write(f, bytes);
        return RecordingReaders.standard().open(f, OpenOptions.DEFAULT.withSeries(series));
    }

    private static double[] ramp(SplittableRandom rnd, int n, double range) {
        double[] v = new double[n];
        for (int i = 0; i < n; i++) {
            v[i] = Math.rint((rnd.nextDouble() * 2 - 1) * range);
        }
        return v;
    }

    static Stream<Arguments> layouts() {
        // tree byte order × data byte order × stored format
        Stream.Builder<Arguments> b = Stream.builder();
        for (ByteOrder tree : new ByteOrder[] {ByteOrder.LITTLE_ENDIAN, ByteOrder.BIG_ENDIAN}) {
            for (boolean dataLe : new boolean[] {true, false}) {
                for (int format = 0; format < 4; format++) {
                    b.add(Arguments.of(tree, dataLe, format));
                }
            }
        }
        return b.build();
    }

    @ParameterizedTest(name = "tree {0}, data little-endian {1}, format {2}")
    @MethodSource("layouts")
    void decodesEveryStorageFormatInEitherByteOrder(ByteOrder treeOrder, boolean dataLe, int format) throws IOException {
        SplittableRandom rnd = new SplittableRandom(31L * format + (dataLe ? 1 : 0) + treeOrder.hashCode());
        double[] current = ramp(rnd, 5003, 30000);
        double[] voltage = ramp(rnd, 5003, 30000);
        double scaler = format < 2 ? 3.125e-14 : 1e-12;
        byte[] file = new HekaFileBuilder().treeOrder(treeOrder)
                .group("cell 1", series("IV", Double.NaN,
                        sweep(0, Trace.of("Imon", "A", format, scaler, 5e-5, current).withDataOrder(dataLe),
                                Trace.of("Vmon", "V", format, 1e-5, 5e-5, voltage).withDataOrder(dataLe))))
                .bundle();
        try (Recording r = open(file, "1.1")) {
            assertThat(r.metadata().format()).isEqualTo("HEKA");
            assertThat(r.channels()).extracting(c -> c.name() + "/" + c.declaredUnit() + "/" + c.unit().symbol())
                    .containsExactly("Imon/A/pA", "Vmon/V/mV");
            assertThat(r.sampleRateHz()).isCloseTo(20000, within(1e-6));
            float[] x = new float[current.length];
            r.read(0, 0, 0, x.length, x, 0);
            for (int i = 0; i < x.length; i++) {
                assertThat((double) x[i]).isCloseTo(current[i] * scaler * 1e12, within(1e-6 * Math.abs(current[i] * scaler * 1e12) + 1e-9));
            }
            r.read(1, 0, 0, x.length, x, 0);
            for (int i = 0; i < x.length; i++) {
                assertThat((double) x[i]).isCloseTo(voltage[i] * 1e-5 * 1e3, within(1e-6 * Math.abs(voltage[i] * 1e-2) + 1e-9));
            }
            ChunkedReadContractTest.assertSlicesMatch(r, 7);
        }
    }

    @ParameterizedTest(name = "blocks of {0} bytes every {1}")
    @MethodSource("interleavings")
    void readsBlockInterleavedTraces(int size, int skip) throws IOException {
        double[] v = ramp(new SplittableRandom(size + skip), 1001, 20000);
        byte[] file = new HekaFileBuilder()
                .group("g", series("s", Double.NaN, sweep(0, Trace.of("Imon", "A", 0, 1e-12, 1e-4, v).interleaved(size, skip))))
                .bundle();
        try (Recording r = open(file, "1")) {
            float[] x = new float[v.length];
            r.read(0, 0, 0, v.length, x, 0);
            for (int i = 0; i < v.length; i++) {
                assertThat((double) x[i]).as("sample %d", i).isCloseTo(v[i], within(1e-3));
            }
            ChunkedReadContractTest.assertSlicesMatch(r, size);
        }
    }

    static Stream<Arguments> interleavings() {
        return Stream.of(Arguments.of(2, 6), Arguments.of(64, 200), Arguments.of(1000, 1000), Arguments.of(4096, 8192));
    }

    @ParameterizedTest(name = "record sizes {0}")
    @ValueSource(strings = {"640,144,1408,288,512", "544,128,1120,160,296", "700,200,1500,320,600", "640,144,1408,288,128"})
    void parsesRecordSizesOfOtherVersionsFromTheTreeHeader(String sizes) throws IOException {
        int[] s = java.util.Arrays.stream(sizes.split(",")).mapToInt(Integer::parseInt).toArray();
        double[] v = {1, -2, 3, -4};
        byte[] file = new HekaFileBuilder().recordSizes(s)
                .group("g", series("first", Double.NaN, sweep(0, Trace.of("I", "A", 0, 1e-12, 1e-3, v))),
                        series("second", Double.NaN, sweep(0, Trace.of("I", "A", 0, 2e-12, 1e-3, v))))
                .bundle();
        try (Recording r = open(file, "1.2")) {
            float[] x = new float[4];
            r.read(0, 0, 0, 4, x, 0);
            assertThat(x).containsExactly(2f, -4f, 6f, -8f);
            assertThat(r.metadata().protocol()).isEqualTo("second");
        }
    }

    @Test
    void dropsATraceMissingFromSomeSweepsAndSaysSo() throws IOException {
        double[] v = {1, 2, 3};
        byte[] file = new HekaFileBuilder()
                .group("g", series("s", Double.NaN,
                        sweep(0, Trace.of("Imon", "A", 0, 1e-12, 1e-3, v), Trace.of("Vmon", "V", 0, 1e-3, 1e-3, v)),
                        sweep(1, Trace.of("Imon", "A", 0, 1e-12, 1e-3, v)),
                        sweep(2, Trace.of("Vmon", "V", 0, 1e-3, 1e-3, v), Trace.of("Imon", "A", 0, 1e-12, 1e-3, v))))
                .bundle();
        try (Recording r = open(file, "1.1")) {
            assertThat(r.channels()).extracting(c -> c.name()).containsExactly("Imon");
            assertThat(r.sweeps()).hasSize(3);
            assertThat(r.metadata().comments()).anySatisfy(c -> assertThat(c)
                    .contains("Vmon is missing from 1 of 3 sweeps (first: sweep 2) and is left out"));
            float[] x = new float[3];
            r.read(0, 2, 0, 3, x, 0); // Imon is the second trace of sweep 3: matched by label
            assertThat(x).containsExactly(1f, 2f, 3f);
        }
    }

    @Test
    void readsTracesOfDifferentLengthUpToTheShortest() throws IOException {
        byte[] file = new HekaFileBuilder()
                .group("g", series("s", Double.NaN, sweep(0, Trace.of("I", "A", 0, 1e-12, 1e-3, new double[] {1, 2, 3, 4}),
                        Trace.of("V", "V", 0, 1e-3, 1e-3, new double[] {5, 6}))))
                .bundle();
        try (Recording r = open(file, "1.1")) {
            assertThat(r.sweep(0).length()).isEqualTo(2);
            assertThat(r.metadata().comments()).anySatisfy(c -> assertThat(c).contains("traces differ in length (2 to 4"));
        }
    }

    @Test
    void refusesTracesOfOneSweepWithDifferentSampleIntervals() throws IOException {
        byte[] file = new HekaFileBuilder()
                .group("g", series("s", Double.NaN, sweep(0, Trace.of("I", "A", 0, 1e-12, 1e-3, new double[] {1, 2}),
                        Trace.of("V", "V", 0, 1e-3, 2e-3, new double[] {5, 6}))))
                .bundle();
        Path f = tmp.resolve("rates.dat");
        Files.write(f, file);
        assertThatThrownBy(() -> RecordingReaders.openFile(f)).isInstanceOf(RecordingFormatException.class)
                .hasMessageContaining(f.toString()).hasMessageContaining("different sample intervals");
    }

    @Test
    void sweepsMayDifferInRateAndStartWhereTheirClockSays() throws IOException {
        double t0 = HekaFileBuilder.hekaTime(1_600_000_000);
        byte[] file = new HekaFileBuilder()
                .group("g", series("s", t0, sweep(t0, Trace.of("I", "A", 0, 1e-12, 1e-3, new double[] {1, 2, 3})),
                        sweep(t0 + 2.5, Trace.of("I", "A", 0, 1e-12, 5e-4, new double[] {1, 2, 3, 4, 5}))))
                .bundle();
        try (Recording r = open(file, "1.1")) {
            assertThat(r.sweep(0).sampleRateHz()).isCloseTo(1000, within(1e-9));
            assertThat(r.sweep(1).sampleRateHz()).isCloseTo(2000, within(1e-9));
            assertThat(r.sweep(1).startTimeS()).isCloseTo(2.5, within(1e-6));
            assertThat(r.sweep(1).length()).isEqualTo(5);
            assertThat(r.metadata().creationTime()).contains(Instant.ofEpochSecond(1_600_000_000));
        }
    }

    @Test
    void choosesSeriesByGroupAndNumberAndDefaultsToTheFirstWithATrace() throws IOException {
        double[] v = {7};
        byte[] file = new HekaFileBuilder()
                .group("empty group")
                .group("g2", series("no sweeps", Double.NaN), series("A", Double.NaN, sweep(0, Trace.of("I", "A", 0, 1e-12, 1e-3, v))))
                .group("g3", series("B", Double.NaN, sweep(0, Trace.of("I", "A", 0, 2e-12, 1e-3, v))))
                .bundle();
        Path f = tmp.resolve("choice.dat");
        Files.write(f, file);
        try (Recording r = RecordingReaders.openFile(f)) {
            assertThat(r.metadata().protocol()).isEqualTo("A");
            assertThat(r.metadata().comments().get(0)).startsWith("HEKA series 2.2 of 3");
            assertThat(r.metadata().comments()).contains("series 2.1: 'g2' / 'no sweeps', 0 sweeps",
                    "series 3.1: 'g3' / 'B', 1 sweep, traces I (A, 1 samples)");
        }
        try (Recording r = RecordingReaders.standard().open(f, OpenOptions.DEFAULT.withSeries("3"))) {
            assertThat(r.metadata().protocol()).isEqualTo("B");
        }
        assertThatThrownBy(() -> RecordingReaders.standard().open(f, OpenOptions.DEFAULT.withSeries("2.3")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage(f + ": no series 2.3 (series are 2.1 no sweeps, 2.2 A, 3.1 B)");
        assertThatThrownBy(() -> RecordingReaders.standard().open(f, OpenOptions.DEFAULT.withSeries("1.0")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("from 1");
        assertThatThrownBy(() -> RecordingReaders.standard().open(f, OpenOptions.DEFAULT.withSeries("second")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("G.S");
        assertThatThrownBy(() -> RecordingReaders.standard().open(f, OpenOptions.DEFAULT.withSeries("2.1")))
                .isInstanceOf(RecordingFormatException.class).hasMessageContaining("series 2.1 ('g2' / 'no sweeps') holds no sweeps");
    }

    @Test
    void reportsButDoesNotApplyTheZeroOffset() throws IOException {
        byte[] file = new HekaFileBuilder()
                .group("g", series("s", Double.NaN, sweep(0, Trace.of("I", "A", 0, 1e-12, 1e-3, new double[] {4}).withZeroData(2e-12))))
                .bundle();
        try (Recording r = open(file, "1.1")) {
            float[] x = new float[1];
            r.read(0, 0, 0, 1, x, 0);
            assertThat(x[0]).isEqualTo(4f);
            assertThat(r.metadata().comments()).anySatisfy(c -> assertThat(c).contains("ZeroData = 2.00000e-12 A) is not subtracted"));
        }
    }

    @Test
    void readsTheUnbundledLayoutFromTheTreeFileBesideIt() throws IOException {
        byte[][] pair = new HekaFileBuilder()
                .group("g", series("s", Double.NaN, sweep(0, Trace.of("I", "A", 1, 1e-12, 1e-3, new double[] {1, -2, 3}))))
                .unbundled();
        Path dat = tmp.resolve("old.dat");
        Files.write(dat, pair[0]);
        RecordingFormatException missing = org.mepsc.io.BadFiles.assertRejected(dat);
        assertThat(missing.getMessage()).contains("unbundled").contains("old.pul");
        Files.write(tmp.resolve("old.pul"), pair[1]);
        try (Recording r = RecordingReaders.openFile(dat)) {
            float[] x = new float[3];
            r.read(0, 0, 0, 3, x, 0);
            assertThat(x).containsExactly(1f, -2f, 3f);
        }
        // a tree file given in place of the data file is named as such
        assertThat(org.mepsc.io.BadFiles.assertRejected(tmp.resolve("old.pul")).getMessage())
                .contains("tree file, not data");
    }

    @Test
    void namesTheOldPulseLayout() throws IOException {
        byte[] bytes = new byte[600];
        System.arraycopy("DATA".getBytes(java.nio.charset.StandardCharsets.ISO_8859_1), 0, bytes, 0, 4);
        assertThat(org.mepsc.io.BadFiles.assertRejected(tmp.resolve("pulse.dat"), bytes).getMessage())
                .contains("old PULSE");
    }
}
