package org.mepsc.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mepsc.io.RecordingReaders;
import org.mepsc.io.abf.AbfWriter;
import org.mepsc.recording.ArrayRecording;
import org.mepsc.recording.Recording;
import org.mepsc.testing.RealData;

/** {@code mepsc info} and {@code mepsc export --format abf} on ABF files, good and broken. */
class AbfCliTest {

    @TempDir
    Path dir;


    private static Run mepsc(String... args) {
        return Run.of(args);
    }

    @Test
    void infoOnABrokenAbfPrintsOneLineAndExits1() throws IOException {
        float[] pA = new float[20_000];
        Arrays.fill(pA, -42f);
        Path good = dir.resolve("good.abf");
        new AbfWriter().write(ArrayRecording.singleCurrent("Im", 10_000, pA),
                ArrayRecording.singleCurrent("Im", 10_000, pA).channels(),
                ArrayRecording.singleCurrent("Im", 10_000, pA).sweeps(), good, List.of());
        byte[] all = Files.readAllBytes(good);
        for (int cut : new int[] {1000, 7000}) {
            Path broken = Files.write(dir.resolve("broken-" + cut + ".abf"), Arrays.copyOf(all, cut));
            for (String[] args : new String[][] {{"info", broken.toString()}, {"info", "--json", broken.toString()}}) {
                Run r = mepsc(args);
                assertThat(r.code()).isEqualTo(1);
                assertThat(r.out()).isEmpty();
                assertThat(r.err().lines()).hasSize(1);
                assertThat(r.err()).startsWith("mepsc: " + broken).doesNotContain("Exception").doesNotContain("\tat ");
            }
        }
        Run ok = mepsc("info", good.toString());
        assertThat(ok.code()).isZero();
        assertThat(ok.out()).contains("ABF 1.83").contains("gap-free").contains("Im");
    }

    @Test
    void exportWritesAbfThatReadsBackAsTheSource() throws IOException {
        Path real = RealData.file("multichannelAbf1WithTags.abf");
        Path out = dir.resolve("copy.abf");
        Run r = mepsc("export", real.toString(), "--format", "abf", "--out", out.toString());
        assertThat(r.err()).isEmpty();
        assertThat(r.code()).isZero();
        Path byExtension = dir.resolve("by-extension.abf");
        assertThat(mepsc("export", real.toString(), "--sweep", "3", "--out", byExtension.toString()).code()).isZero();
        try (Recording source = RecordingReaders.openFile(real);
                Recording copy = RecordingReaders.openFile(out);
                Recording one = RecordingReaders.openFile(byExtension)) {
            assertThat(copy.metadata().formatVersion()).isEqualTo("1.83");
            assertThat(copy.channels()).hasSize(2);
            assertThat(copy.sweeps()).hasSize(187);
            assertThat(one.sweeps()).hasSize(1);
            for (int c = 0; c < 2; c++) {
                float[] a = new float[1653];
                float[] b = new float[1653];
                float[] d = new float[1653];
                source.read(c, 3, 0, a.length, a, 0);
                copy.read(c, 3, 0, b.length, b, 0);
                one.read(c, 0, 0, d.length, d, 0);
                for (int i = 0; i < a.length; i++) {
                    // half the source's own step (0.122 pA, 0.0061 mV) bounds the new one: same range, 16 bits
                    double tolerance = c == 0 ? 0.07 : 0.004;
                    assertThat((double) b[i]).isCloseTo(a[i], within(tolerance));
                    assertThat((double) d[i]).isCloseTo(a[i], within(tolerance));
                }
            }
        }
    }

    @Test
    void exportOfSweepsOfDifferentLengthsIsAUsageError() {
        Path real = RealData.file("2020_06_16_0000.abf");
        Path out = dir.resolve("variable.abf");
        Run r = mepsc("export", real.toString(), "--format", "abf", "--out", out.toString());
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err().lines()).hasSize(1);
        assertThat(r.err()).contains("--sweep");
        assertThat(out).doesNotExist();
        assertThat(mepsc("export", real.toString(), "--sweep", "1", "--format", "abf", "--out", out.toString()).code())
                .isZero();
        assertThat(out).exists();
    }
}
