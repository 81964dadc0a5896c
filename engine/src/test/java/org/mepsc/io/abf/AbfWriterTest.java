package org.mepsc.io.abf;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.mepsc.io.ChunkedReadContractTest;
import org.mepsc.io.RecordingReaders;
import org.mepsc.io.RecordingWriters;
import org.mepsc.output.OutputRefusedException;
import org.mepsc.recording.AcquisitionMode;
import org.mepsc.recording.ArrayRecording;
import org.mepsc.recording.Channel;
import org.mepsc.recording.Recording;
import org.mepsc.recording.Sweep;
import org.mepsc.testing.RealData;

class AbfWriterTest {

    @TempDir
    Path dir;

    static Stream<Arguments> shapes() {
        return Stream.of(
                Arguments.of(1L, 1, 1, 50_000, 20_000.0),
                Arguments.of(2L, 2, 1, 33_333, 10_000.0),
                Arguments.of(3L, 4, 1, 20_000, 25_000.0),
                Arguments.of(4L, 3, 5, 4_001, 50_000.0),
                Arguments.of(5L, 1, 8, 12_345, 44_100.0),
                Arguments.of(6L, 16, 2, 2_000, 5_000.0));
    }

    @ParameterizedTest(name = "seed {0}: {1} channels × {2} sweeps × {3} samples @ {4} Hz")
    @MethodSource("shapes")
    void syntheticDataComesBackWithinHalfAStep(long seed, int channels, int sweeps, int length, double rate)
            throws IOException {
        ArrayRecording source = AbfFixtures.synthetic(seed, channels, sweeps, length, rate);
        Path file = AbfFixtures.writeAbf(source, dir.resolve("synthetic.abf"));
        try (Recording back = RecordingReaders.openFile(file)) {
            assertSameShape(source, back);
            assertThat(back.metadata().format()).isEqualTo("ABF");
            assertThat(back.metadata().formatVersion()).isEqualTo("1.83");
            assertThat(back.metadata().acquisitionMode())
                    .isEqualTo(sweeps > 1 ? AcquisitionMode.EPISODIC : AcquisitionMode.GAP_FREE);
            assertThat(back.metadata().creationTime()).isEqualTo(source.metadata().creationTime());
            assertSamplesWithinHalfStep(source, back, AbfFixtures.bytes(file));
            ChunkedReadContractTest.assertSlicesMatch(back, seed);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("realAbfFiles")
    void realRecordingsSurviveReExport(Path real) throws IOException {
        Path copy = dir.resolve("copy.abf");
        try (Recording source = RecordingReaders.openFile(real)) {
            boolean oneLength = source.sweeps().stream().mapToLong(Sweep::length).distinct().count() == 1;
            if (!oneLength) {
                assertThatThrownBy(() -> new AbfWriter().write(source, source.channels(), source.sweeps(), copy,
                        List.of(real))).isInstanceOf(IllegalArgumentException.class)
                        .hasMessageContaining("one length").hasMessageContaining("--sweep");
                assertThat(copy).doesNotExist();
                return;
            }
            new AbfWriter().write(source, source.channels(), source.sweeps(), copy, List.of(real));
            try (Recording back = RecordingReaders.openFile(copy)) {
                assertSameShape(source, back);
                // one sweep is written gap-free, which starts at 0; episodic files keep their start times
                boolean gapFree = source.sweeps().size() == 1;
                assertThat(back.metadata().acquisitionMode())
                        .isEqualTo(gapFree ? AcquisitionMode.GAP_FREE : AcquisitionMode.EPISODIC);
                for (int s = 0; s < source.sweeps().size(); s++) {
                    assertThat(back.sweep(s).startTimeS()).as("start of sweep %d", s)
                            .isCloseTo(gapFree ? 0 : source.sweep(s).startTimeS(), within(2 / source.sampleRateHz()));
                }
                assertSamplesWithinHalfStep(source, back, AbfFixtures.bytes(copy));
            }
        }
    }

    static Stream<Path> realAbfFiles() {
        return RealData.withOracle("abf").stream();
    }

    @Test
    void headerFieldsAreThoseClampexWrites() throws IOException {
        Path real = RealData.file("05210017_vc_abf1.abf");
        ByteBuffer clampex = AbfFixtures.bytes(real);
        ByteBuffer ours = AbfFixtures.bytes(AbfFixtures.writeAbf(AbfFixtures.synthetic(9, 2, 1, 30_000, 20_000),
                dir.resolve("gapfree.abf")));
        // identical to Clampex's ABF 1.83 header
        assertThat(ours.getInt(0)).isEqualTo(clampex.getInt(0)); // "ABF "
        assertThat(ours.getFloat(4)).isEqualTo(clampex.getFloat(4)).isEqualTo(1.83f); // fFileVersionNumber
        assertThat(ours.getFloat(32)).isEqualTo(clampex.getFloat(32)); // fHeaderVersionNumber
        assertThat(ours.getShort(36)).isEqualTo(clampex.getShort(36)); // nFileType
        assertThat(ours.getShort(38)).isEqualTo(clampex.getShort(38)); // nMSBinFormat
        assertThat(ours.getShort(100)).isEqualTo(clampex.getShort(100)); // nDataFormat
        assertThat(ours.getShort(120)).isEqualTo(clampex.getShort(120)); // nADCNumChannels
        assertThat(ours.getFloat(122)).isEqualTo(clampex.getFloat(122)); // fADCSampleInterval, 25 µs
        assertThat(ours.getInt(150)).isEqualTo(clampex.getInt(150)); // lRunsPerTrial
        assertThat(ours.getInt(154)).isEqualTo(clampex.getInt(154)); // lNumberOfTrials
        for (int off : new int[] {244, 248, 252, 256}) { // fADCRange, fDACRange, lADCResolution, lDACResolution
            assertThat(ours.getInt(off)).as("field at %d", off).isEqualTo(clampex.getInt(off));
        }
        assertThat(ours.getShort(260)).isEqualTo(clampex.getShort(260)); // nExperimentType
        for (int a = 0; a < 16; a++) {
            assertThat(ours.getShort(378 + 2 * a)).as("nADCPtoLChannelMap").isEqualTo(clampex.getShort(378 + 2 * a));
            assertThat(ours.getShort(410 + 2 * a)).as("nADCSamplingSeq").isEqualTo(clampex.getShort(410 + 2 * a));
        }
        for (int a = 0; a < 2; a++) { // the recorded channels' gains and offsets
            for (int array : new int[] {730, 986, 1050, 1114}) {
                assertThat(ours.getFloat(array + 4 * a)).isEqualTo(clampex.getFloat(array + 4 * a));
            }
        }
        assertThat(ours.getShort(1410)).isEqualTo(clampex.getShort(1410)); // nSignalType
        assertThat(ours.getInt(2034)).isEqualTo(clampex.getInt(2034)).isEqualTo(6144); // lHeaderSize

        // the fields that describe this file
        assertThat(ours.getShort(8)).isEqualTo((short) 3); // nOperationMode: gap-free
        assertThat(ours.getInt(10)).isEqualTo(60_000); // lActualAcqLength: both channels
        assertThat(ours.getInt(40) * 512).isEqualTo(6144); // lDataSectionPtr
        assertThat(ours.getInt(96)).isZero(); // no synch array
        assertThat(text(ours, 442, 10)).isEqualTo("IN 0      ");
        assertThat(text(ours, 452, 10)).isEqualTo("IN 1      ");
        assertThat(text(ours, 602, 8)).isEqualTo("pA      ");
        assertThat(text(ours, 610, 8)).isEqualTo("mV      ");
        assertThat(ours.capacity() % 512).isZero();
        assertThat(ours.capacity()).isEqualTo(6144 + 512 * ((60_000 * 2 + 511) / 512));
        assertThat(ours.getInt(20)).isEqualTo(20240305); // lFileStartDate
        assertThat(ours.getInt(24)).isEqualTo(10 * 3600 + 11 * 60 + 12); // lFileStartTime
        assertThat(ours.getShort(366)).isEqualTo((short) 345); // nFileStartMillisecs
    }

    @Test
    void episodicFilesCarryASynchArrayOfStartsAndLengths() throws IOException {
        ArrayRecording source = AbfFixtures.synthetic(11, 2, 3, 1_000, 10_000);
        ByteBuffer b = AbfFixtures.bytes(AbfFixtures.writeAbf(source, dir.resolve("episodic.abf")));
        assertThat(b.getShort(8)).isEqualTo((short) 5);
        assertThat(b.getInt(16)).isEqualTo(3); // lActualEpisodes
        assertThat(b.getInt(138)).isEqualTo(2_000); // lNumSamplesPerEpisode, both channels
        assertThat(b.getFloat(178)).isCloseTo(0.1f, within(1e-6f)); // fEpisodeStartToStart
        int synch = b.getInt(92) * 512;
        assertThat(synch).isEqualTo(6144 + 512 * ((6_000 * 2 + 511) / 512));
        assertThat(b.getInt(96)).isEqualTo(3);
        double tick = b.getFloat(130) * 1e-6;
        for (int k = 0; k < 3; k++) {
            assertThat(b.getInt(synch + 8 * k) * tick).isCloseTo(k * 0.1, within(1e-9));
            assertThat(b.getInt(synch + 8 * k + 4)).isEqualTo(2_000);
        }
    }

    @Test
    void theScaleFactorUsesTheWholeRangeWithoutClipping() {
        for (double peak : new double[] {1e-4, 0.37, 1, 11630.5, 2.5e6}) {
            float isf = AbfWriter.scaleFactorFor(peak);
            double step = 10.0 / isf / 32768;
            assertThat(peak / step).as("peak %s", peak).isLessThanOrEqualTo(32767).isGreaterThan(32766.9);
            assertThat(AbfWriter.counts((float) peak, step)).isLessThanOrEqualTo((short) 32767);
            assertThat(AbfWriter.counts((float) -peak, step)).isGreaterThanOrEqualTo((short) -32767);
        }
    }

    @Test
    void refusesWhatAbf1CannotHold() {
        ArrayRecording nan = ArrayRecording.singleCurrent("Im", 10_000, new float[] {1, Float.NaN, 3});
        assertThatThrownBy(() -> AbfFixtures.writeAbf(nan, dir.resolve("nan.abf")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("NaN");
        ArrayRecording many = AbfFixtures.synthetic(3, 17, 1, 10, 1_000);
        assertThatThrownBy(() -> AbfFixtures.writeAbf(many, dir.resolve("many.abf")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("at most 16 channels");
        assertThat(dir.resolve("nan.abf")).doesNotExist();
        assertThat(dir.resolve("many.abf")).doesNotExist();
    }

    @Test
    void neverWritesOverAnInput() throws IOException {
        Path file = AbfFixtures.writeAbf(AbfFixtures.synthetic(1, 1, 1, 100, 1_000), dir.resolve("in.abf"));
        byte[] before = Files.readAllBytes(file);
        try (Recording r = RecordingReaders.openFile(file)) {
            assertThatThrownBy(() -> new AbfWriter().write(r, r.channels(), r.sweeps(), file, List.of(file)))
                    .isInstanceOf(OutputRefusedException.class);
        }
        assertThat(Files.readAllBytes(file)).isEqualTo(before);
    }

    @Test
    void isTheAbfWriterOfTheRegistry() {
        assertThat(RecordingWriters.standard().byName("abf")).isInstanceOf(AbfWriter.class);
        assertThat(RecordingWriters.standard().byExtension(Path.of("x.ABF"))).get().isInstanceOf(AbfWriter.class);
    }

    private static void assertSameShape(Recording source, Recording back) {
        assertThat(back.channels()).hasSameSizeAs(source.channels());
        for (int c = 0; c < source.channels().size(); c++) {
            Channel s = source.channel(c);
            Channel b = back.channel(c);
            assertThat(b.name()).isEqualTo(s.name().length() > 10 ? s.name().substring(0, 10).strip() : s.name());
            assertThat(b.declaredUnit()).isEqualTo(s.unit().symbol());
            assertThat(b.unit()).isEqualTo(s.unit().symbol().equals("pA") || s.unit().symbol().equals("mV")
                    ? b.unit() : s.unit());
        }
        assertThat(back.sampleRateHz()).isCloseTo(source.sampleRateHz(), within(1e-6 * source.sampleRateHz()));
        assertThat(back.sweeps()).hasSameSizeAs(source.sweeps());
        for (int s = 0; s < source.sweeps().size(); s++) {
            assertThat(back.sweep(s).length()).isEqualTo(source.sweep(s).length());
        }
    }

    /** Every sample within half the channel's step, the step computed from the header as a reader does. */
    private static void assertSamplesWithinHalfStep(Recording source, Recording back, ByteBuffer file)
            throws IOException {
        for (int c = 0; c < source.channels().size(); c++) {
            double step = file.getFloat(244) / file.getFloat(922 + 4 * c) / file.getInt(252);
            for (int s = 0; s < source.sweeps().size(); s++) {
                int n = (int) source.sweep(s).length();
                float[] a = new float[n];
                float[] b = new float[n];
                source.read(c, s, 0, n, a, 0);
                back.read(c, s, 0, n, b, 0);
                double worst = 0;
                for (int i = 0; i < n; i++) {
                    worst = Math.max(worst, Math.abs(a[i] - b[i]) - 1e-6 * Math.abs(a[i]));
                }
                assertThat(worst).as("channel %d sweep %d, step %s", c, s, step).isLessThanOrEqualTo(0.5 * step);
            }
        }
    }

    private static String text(ByteBuffer b, int offset, int length) {
        byte[] raw = new byte[length];
        b.get(offset, raw);
        return new String(raw, StandardCharsets.ISO_8859_1);
    }
}
