package org.mepsc.io.text;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.io.IOException;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.mepsc.io.ChunkedReadContractTest;
import org.mepsc.io.RecordingReaders;
import org.mepsc.recording.AcquisitionMode;
import org.mepsc.recording.ArrayRecording;
import org.mepsc.recording.Channel;
import org.mepsc.recording.Recording;
import org.mepsc.recording.RecordingFormatException;
import org.mepsc.recording.RecordingMetadata;
import org.mepsc.testing.ConcurrentReads;
import org.mepsc.testing.SameFloats;

class CsvReaderTest {

    @TempDir
    Path dir;

    /** Two channels (pA, mV), sweeps of different lengths, random samples. */
    static ArrayRecording sample(long seed, int... lengths) {
        SplittableRandom rnd = new SplittableRandom(seed);
        float[][][] data = new float[lengths.length][2][];
        for (int s = 0; s < lengths.length; s++) {
            for (int c = 0; c < 2; c++) {
                data[s][c] = new float[lengths[s]];
                for (int i = 0; i < lengths[s]; i++) {
                    data[s][c][i] = (float) (rnd.nextGaussian() * (c == 0 ? 15 : 3) + (c == 0 ? -20 : -70));
                }
            }
        }
        RecordingMetadata md = new RecordingMetadata("SIMULATED", "", AcquisitionMode.EPISODIC, "", List.of(), List.of(),
                Optional.empty());
        return new ArrayRecording(md, List.of(Channel.of(0, "IN0", "pA"), Channel.of(1, "Vm", "mV")), 20000, data);
    }

    private Path export(ArrayRecording r, List<org.mepsc.recording.Sweep> sweeps, String name) throws IOException {
        Path f = dir.resolve(name);
        try (Writer w = Files.newBufferedWriter(f)) {
            new CsvExport(r, r.channels(), sweeps).write(w, 0, -1);
        }
        return f;
    }

    @ParameterizedTest(name = "seed {0}")
    @ValueSource(longs = {11, 12})
    void readsBackWhatExportWrites(long seed) throws Exception {
        ArrayRecording original = sample(seed, 5000, 3001, 2500);
        Path f = export(original, original.sweeps(), "all.csv");
        try (Recording r = RecordingReaders.openFile(f)) {
            assertThat(r.metadata().format()).isEqualTo("CSV");
            assertThat(r.metadata().acquisitionMode()).isEqualTo(AcquisitionMode.EPISODIC);
            assertThat(r.channels()).extracting(c -> c.name() + "|" + c.declaredUnit()).containsExactly("IN0|pA", "Vm|mV");
            assertThat(r.sweeps()).hasSize(3);
            for (int s = 0; s < 3; s++) {
                assertThat(r.sweep(s).length()).isEqualTo(original.sweep(s).length());
                assertThat(r.sweep(s).sampleRateHz()).isEqualTo(20000.0);
                assertThat(r.sweep(s).startTimeS()).isCloseTo(original.sweep(s).startTimeS(), within(1e-9));
                for (int c = 0; c < 2; c++) {
                    int n = (int) r.sweep(s).length();
                    float[] got = new float[n];
                    float[] want = new float[n];
                    r.read(c, s, 0, n, got, 0);
                    original.read(c, s, 0, n, want, 0);
                    SameFloats.assertSame(got, want, "channel %d sweep %d", c, s);
                }
            }
            ChunkedReadContractTest.assertSlicesMatch(r, seed);
            ConcurrentReads.assertMatch(r, original, seed);
        }
        // one sweep: no sweep column, a gap-free recording
        Path one = export(original, List.of(original.sweep(1)), "one.csv");
        try (Recording r = RecordingReaders.openFile(one)) {
            assertThat(r.sweeps()).hasSize(1);
            assertThat(r.metadata().acquisitionMode()).isEqualTo(AcquisitionMode.GAP_FREE);
            assertThat(r.sweep(0).startTimeS()).isCloseTo(original.sweep(1).startTimeS(), within(1e-9));
        }
    }

    @Test
    void tabsSemicolonsDecimalCommasAndUnitStyles() throws IOException {
        Path tsv = Files.writeString(dir.resolve("cells.tsv"),
                "# exported by hand\n\"Time (ms)\"\t\"I (pA)\"\tVm [mV]\n0\t1.5\t-70\n0.1\t2.5\t-71\n0.2\t-3\t-72\n\n");
        try (Recording r = RecordingReaders.openFile(tsv)) {
            assertThat(r.channels()).extracting(c -> c.name() + "|" + c.unit().symbol()).containsExactly("I|pA", "Vm|mV");
            assertThat(r.sampleRateHz()).isEqualTo(10000.0);
            float[] x = new float[3];
            r.read(1, 0, 0, 3, x, 0);
            assertThat(x).containsExactly(-70f, -71f, -72f);
        }
        Path semicolons = Files.writeString(dir.resolve("europe.txt"), "t;current_nA\n0;0,5\n0,001;-1,25\n0,002;1e-3\n");
        try (Recording r = RecordingReaders.openFile(semicolons)) {
            assertThat(r.channel(0).declaredUnit()).isEqualTo("nA");
            assertThat(r.sampleRateHz()).isEqualTo(1000.0);
            float[] x = new float[3];
            r.read(0, 0, 0, 3, x, 0);
            assertThat(x).containsExactly(500f, -1250f, 1f);
        }
    }

    @Test
    void recognisedByContentNotByExtension() throws IOException {
        CsvReader reader = new CsvReader();
        Path csvAsTxt = Files.writeString(dir.resolve("trace.txt"), "time_s,IN0_pA\n0,1\n0.5,2\n");
        assertThat(RecordingReaders.standard().detect(csvAsTxt)).get().isInstanceOf(CsvReader.class);
        Path prose = Files.writeString(dir.resolve("notes.csv"), "name,age\nann,3\n");
        assertThat(RecordingReaders.standard().detect(prose)).isEmpty();
        assertThat(reader.recognises(prose, java.nio.ByteBuffer.wrap(Files.readAllBytes(prose)))).isFalse();
    }

    private RecordingFormatException failure(String name, String content) throws IOException {
        Path f = Files.writeString(dir.resolve(name), content);
        Throwable t = org.assertj.core.api.Assertions.catchThrowable(() -> {
            try (Recording r = RecordingReaders.openFile(f)) {
                r.read(0, 0, 0, (int) r.sweep(0).length(), new float[(int) r.sweep(0).length()], 0);
            }
        });
        assertThat(t).isInstanceOf(RecordingFormatException.class);
        assertThat(t.getMessage()).startsWith(f.toString()).doesNotContain("\n");
        return (RecordingFormatException) t;
    }

    @Test
    void badTablesGiveOneLineErrors() throws IOException {
        assertThat(failure("cell.csv", "time_s,IN0_pA\n0,1\n0.1,abc\n0.2,3\n").problem())
                .isEqualTo("line 3, column 'IN0_pA': 'abc' is not a number");
        assertThat(failure("ragged.csv", "time_s,IN0_pA,Vm_mV\n0,1,2\n0.1,2\n").problem())
                .isEqualTo("line 3 has 2 cells where the header has 3 columns");
        assertThat(failure("gap.csv", "time_s,IN0_pA\n0,1\n0.1,1\n0.3,1\n0.4,1\n").problem())
                .contains("line 4: irregular time");
        assertThat(failure("header.csv", "time_s,IN0_pA\n").problem()).contains("no data rows");
        assertThat(failure("single.csv", "time_s,IN0_pA\n0,1\n").problem()).contains("too few to tell the sample rate");
        assertThat(failure("sweep.csv", "time_s,sweep,IN0_pA\n0,0,1\n0.1,0.5,1\n").problem()).contains("not a whole number");
        assertThat(failure("long.csv", "time_s,IN0_pA\n0," + "1".repeat(2_000_000) + "\n").problem()).contains("longer than");
        assertThat(failure("empty.csv", "").problem()).contains("empty");
        // whatever the format, a rate no recording has is refused when the file is opened
        assertThat(failure("hours.csv", "time_s,IN0_pA\n0,1\n3600,2\n7200,3\n").problem())
                .isEqualTo("sweep 0 is sampled at 2.777777777777778E-4 Hz, not a plausible rate (0.001 to 100000000 Hz)");
    }

    @Test
    void slowDriftIsIrregularToo() throws IOException {
        StringBuilder sb = new StringBuilder("time_s,IN0_pA\n");
        for (int i = 0; i < 5000; i++) {
            // each step 0.5 % longer than the last: every step looks regular next to the first few
            sb.append(i * 1e-3 * (1 + i * 2e-4)).append(",0\n");
        }
        assertThat(failure("drift.csv", sb.toString()).problem()).contains("irregular time");
    }
}
