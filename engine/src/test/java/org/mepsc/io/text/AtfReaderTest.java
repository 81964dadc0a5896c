package org.mepsc.io.text;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mepsc.io.ChunkedReadContractTest;
import org.mepsc.io.RecordingReaders;
import org.mepsc.recording.AcquisitionMode;
import org.mepsc.recording.Recording;
import org.mepsc.recording.RecordingFormatException;

/** ATF files written here as Clampfit writes them (checked against pyABF's sample 18702001-step.atf). */
class AtfReaderTest {

    @TempDir
    Path dir;

    /** An episodic two-signal ATF: traces × {IN 0 (pA), IN 1 (mV)}, 20 kHz, values i·0.25 + column. */
    static String episodic(int sweeps, int rows, char sep) {
        StringBuilder sb = new StringBuilder("ATF" + sep + "1.0\n8" + sep + (1 + 2 * sweeps) + "\n");
        sb.append("\"AcquisitionMode=Episodic Stimulation\"\n\"Comment=cell 3\"\n\"YTop=4000,10\"\n\"YBottom=-4000,-10\"\n");
        sb.append("\"SyncTimeUnits=6.25\"\n\"SweepStartTimesMS=");
        for (int s = 0; s < sweeps; s++) {
            sb.append(s == 0 ? "" : ",").append(String.format(Locale.ROOT, "%.3f", 1000.0 * s));
        }
        sb.append("\"\n\"SignalsExported=IN 0,IN 1\"\n\"Signals=\"");
        for (int s = 0; s < sweeps; s++) {
            sb.append(sep).append("\"IN 0\"").append(sep).append("\"IN 1\"");
        }
        sb.append("\n\"Time (s)\"");
        for (int s = 1; s <= sweeps; s++) {
            sb.append(sep).append("\"Trace #").append(s).append(" (pA)\"").append(sep).append("\"Trace #").append(s).append(" (mV)\"");
        }
        sb.append('\n');
        for (int i = 0; i < rows; i++) {
            sb.append(i * 5e-5);
            for (int c = 0; c < 2 * sweeps; c++) {
                sb.append(sep).append(i * 0.25 + c);
            }
            sb.append('\n');
        }
        return sb.toString();
    }

    @Test
    void episodicTracesBecomeSweepsAndSignalsChannels() throws IOException {
        Path f = Files.writeString(dir.resolve("steps.atf"), episodic(3, 3000, '\t'));
        try (Recording r = RecordingReaders.openFile(f)) {
            assertThat(r.metadata().format()).isEqualTo("ATF");
            assertThat(r.metadata().formatVersion()).isEqualTo("1.0");
            assertThat(r.metadata().acquisitionMode()).isEqualTo(AcquisitionMode.EPISODIC);
            assertThat(r.metadata().comments()).containsExactly("cell 3");
            assertThat(r.channels()).extracting(c -> c.name() + "|" + c.declaredUnit()).containsExactly("IN 0|pA", "IN 1|mV");
            assertThat(r.sweeps()).extracting(s -> s.startTimeS()).containsExactly(0.0, 1.0, 2.0);
            assertThat(r.sampleRateHz()).isEqualTo(20000.0);
            assertThat(r.sweep(2).length()).isEqualTo(3000);
            float[] x = new float[2];
            r.read(1, 2, 100, 2, x, 0);   // column 1 + 2·2 + 1 = 6 → 100·0.25 + 5
            assertThat(x).containsExactly(30f, 30.25f);
            ChunkedReadContractTest.assertSlicesMatch(r, 5);
        }
    }

    @Test
    void commaSeparatedGapFreeWithoutSignalsRecord() throws IOException {
        SplittableRandom rnd = new SplittableRandom(3);
        StringBuilder sb = new StringBuilder("ATF,1.0\n1,3\n\"AcquisitionMode=Gap Free\"\n\"Time (ms)\",\"IN 0 (nA)\",\"Vm (mV)\"\n");
        float[] expected = new float[500];
        for (int i = 0; i < 500; i++) {
            float nA = (float) rnd.nextGaussian();
            expected[i] = (float) (Double.parseDouble(Float.toString(nA)) * 1000);
            sb.append(i * 0.1).append(", ").append(nA).append(", ").append(-65).append('\n');
        }
        Path f = Files.writeString(dir.resolve("gapfree.atf"), sb.toString());
        try (Recording r = RecordingReaders.openFile(f)) {
            assertThat(r.metadata().acquisitionMode()).isEqualTo(AcquisitionMode.GAP_FREE);
            assertThat(r.sweeps()).hasSize(1);
            assertThat(r.sampleRateHz()).isEqualTo(10000.0);
            assertThat(r.channels()).extracting(c -> c.name() + "|" + c.unit().symbol()).containsExactly("IN 0|pA", "Vm|mV");
            float[] x = new float[500];
            r.read(0, 0, 0, 500, x, 0);
            assertThat(x).containsExactly(expected);
        }
    }

    private RecordingFormatException failure(String content) throws IOException {
        Path f = Files.writeString(dir.resolve("bad.atf"), content);
        Throwable t = catchThrowable(() -> RecordingReaders.openFile(f).close());
        assertThat(t).isInstanceOf(RecordingFormatException.class);
        assertThat(t.getMessage()).startsWith(f.toString()).doesNotContain("\n");
        return (RecordingFormatException) t;
    }

    @Test
    void brokenHeadersAndTables() throws IOException {
        assertThat(failure("ATF\t1.0\n8\t7\n\"Comment=\"\n").problem()).contains("ends in its header");
        assertThat(failure("ATF\t1.0\nx\ty\n").problem()).contains("line 2");
        // a fuzz finding: a trace number of more digits than a long holds ended in NumberFormatException
        assertThat(failure("ATF\t1.0\n0\t2\n\"Time (s)\"\t\"Trace #" + "4".repeat(40) + " (pA)\"\n0\t1\n1\t2\n")
                .problem()).contains("numbers a trace beyond 999999999");
        assertThat(failure("ATF\t1.0\n0\t3\n\"Time (s)\"\t\"Trace #1 (pA)\"\n0\t1\n").problem())
                .contains("2 column titles where line 2 announces 3");
        assertThat(failure("ATF\t1.0\n0\t2\n\"Volts (V)\"\t\"Trace #1 (pA)\"\n0\t1\n").problem()).contains("not a time column");
        assertThat(failure("ATF\t1.0\n0\t4\n\"Time (s)\"\t\"Trace #1 (pA)\"\t\"Trace #1 (mV)\"\t\"Trace #2 (pA)\"\n0\t1\t2\t3\n1\t1\t2\t3\n")
                .problem()).contains("trace #2 has no column for ch1");
        assertThat(failure("ATF\t1.0\n0\t2\n\"Time (s)\"\t\"Trace #1 (pA)\"\n0\t1\n1\t2\n3\t3\n").problem()).contains("irregular time");
        String truncated = episodic(2, 50, '\t');
        assertThat(failure(truncated.substring(0, truncated.length() - 9)).problem()).contains("cells where the header has 5 columns");
    }
}
