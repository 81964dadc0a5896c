package org.mepsc.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.mepsc.detect.ClementsBekkers;
import org.mepsc.detect.DetectorFactory;
import org.mepsc.detect.Template;
import org.mepsc.recording.ArrayRecording;

/**
 * Calibration takes a window's statistic from an earlier evaluation of the same statistic instead
 * of scanning it again (the starting template's quarter of the learning windows; the learned
 * template's windows when the template detector then scans all of them). That rests on a window's
 * statistic not depending on what its scanner did before, and must give what scanning again gives.
 */
class ReusedWindowsTest {

    @ParameterizedTest
    @ValueSource(longs = {4, 5})
    void aWindowsStatisticDoesNotDependOnTheScannersHistory(long seed) throws IOException {
        TemplateScene scene = TemplateScene.of(seed, 600_000);
        SplittableRandom r = scene.random();
        ChunkScanner used = scene.scanner();
        used.statistic(0, 20_000, 60_000);
        used.statistic(0, 150_000 + r.nextInt(20_000), 200_000);
        long from = 90_000 + r.nextInt(10_000);
        ChunkStatistic after = used.statistic(0, from, from + 65_536);
        ChunkStatistic fresh = scene.scanner().statistic(0, from, from + 65_536);
        assertSame(after, fresh);
    }

    /**
     * The template method reuses the learned template's windows; the same Clements–Bekkers
     * statistic plugged in as a detector of its own is scanned on every window. Both must come to
     * the same noise and threshold (the recording is long enough for the template to be learned on
     * a quarter of the calibration windows).
     */
    @Test
    void theTemplateMethodsReusedWindowsGiveWhatScanningAgainGives() throws IOException {
        SplittableRandom r = new SplittableRandom(11);
        double fs = 20_000;
        float[] x = new float[10_000_000];
        Template shape = new Template(0.5, 4);
        double[] event = shape.sampled(fs, 0, 400);
        for (int i = 0; i < x.length; i++) {
            x[i] = (float) (3 * r.nextGaussian());
        }
        for (int at = 1_000; at + event.length < x.length; at += 2_000 + r.nextInt(20_000)) {
            double a = 8 + 20 * r.nextDouble();
            for (int k = 0; k < event.length; k++) {
                x[at + k] -= (float) (a * event[k]);
            }
        }
        ArrayRecording recording = ArrayRecording.singleCurrent("I", fs, x);
        Template given = new Template(0.45, 4.5);
        DetectionParameters method = DetectionParameters.defaults().withMethod(Method.TEMPLATE).withTemplate(given);
        DetectorFactory same = DetectorFactory.of("cb", SetupFactory.defaultThreshold(Method.TEMPLATE),
                c -> new ClementsBekkers(c.templateShape(), c.templatePre(), c.polarity()));
        Calibration reused = calibrate(recording, method);
        Calibration scanned = calibrate(recording, method.withDetector(same));

        assertThat(reused.templateSeconds()).isLessThan(reused.calibrationSeconds() / 2);
        assertThat(reused.statisticNoise()).isEqualTo(scanned.statisticNoise());
        assertThat(reused.threshold()).isEqualTo(scanned.threshold());
        assertThat(reused.noiseSd()).isEqualTo(scanned.noiseSd());
    }

    private static Calibration calibrate(ArrayRecording recording, DetectionParameters p) throws IOException {
        try (DetectionRun.Prepared run = DetectionRun.prepare(recording, 0, List.of(), p, new Execution(2, 1 << 16))) {
            return run.calibration();
        }
    }

    private static void assertSame(ChunkStatistic a, ChunkStatistic b) {
        assertThat(a.lo).isEqualTo(b.lo);
        assertThat(a.hi).isEqualTo(b.hi);
        assertThat(a.validHi).isEqualTo(b.validHi);
        assertThat(a.candLo).isEqualTo(b.candLo);
        assertThat(a.candHi).isEqualTo(b.candHi);
        for (long at = a.lo * 2; at < a.hi * 2; at += 1_000) {
            assertThat(a.zones.covered(at, at + 1_000)).isEqualTo(b.zones.covered(at, at + 1_000));
        }
        assertThat(java.util.Arrays.copyOf(a.values, a.length())).containsExactly(java.util.Arrays.copyOf(b.values, b.length()));
    }
}
