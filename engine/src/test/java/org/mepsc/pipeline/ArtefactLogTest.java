package org.mepsc.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.mepsc.detect.Template;
import org.mepsc.recording.ArrayRecording;

/**
 * Calibration's scanners keep the artefacts they find ({@link ArtefactLog}): a scanner that takes
 * a window's artefacts from the log, found with another setup's margins, computes the statistic
 * and the excluded stretches a scanner without the log computes.
 */
class ArtefactLogTest {

    /** 20 kHz noise with jumps, runs of NaN and clipped stretches, the artefacts the scan looks for. */
    private static float[] trace(long seed, int n) {
        SplittableRandom r = new SplittableRandom(seed);
        float[] x = new float[n];
        for (int i = 0; i < n; i++) {
            x[i] = Math.round(r.nextGaussian() * 8) / 4f - 40;
        }
        for (int k = 0; k < 40; k++) {
            int at = r.nextInt(n - 400);
            int len = 1 + r.nextInt(300);
            float v = switch (k % 3) {
                case 0 -> Float.NaN;
                case 1 -> 300f;
                default -> x[at] + 150;
            };
            for (int j = 0; j < len; j++) {
                x[at + j] = k % 3 == 2 && j % 2 == 1 ? x[at + j] : v;
            }
        }
        return x;
    }

    /**
     * Also with a log too small for most windows' artefacts (a saturated stretch is an artefact a
     * sample): those windows are not kept, and are scanned again.
     */
    @ParameterizedTest
    @CsvSource({"1, 65536", "2, 65536", "3, 65536", "1, 300", "2, 300"})
    void aLoggedWindowGivesTheStatisticAndZonesOfAFreshScan(long seed, int capacity) throws IOException {
        int n = 400_000;
        double fs = 20_000;
        ArrayRecording recording = ArrayRecording.singleCurrent("I", fs, trace(seed, n));
        Conditioning c = Conditioning.design(fs, LowPassKind.GAUSSIAN, 2000, 0, List.of());
        RawNoise raw = new RawNoise(1, 1, 30);
        List<ScanSetup> setups = List.of(
                SetupFactory.forCalibration(c, DetectionParameters.defaults(), Method.TEMPLATE, new Template(0.5, 4), raw, n,
                        null),
                SetupFactory.forCalibration(c, DetectionParameters.defaults(), Method.TEMPLATE, new Template(2, 15), raw, n,
                        null));
        long[][] windows = {{0, 30_000}, {50_000, 90_000}, {150_000, 200_000}, {170_000, 200_000}};
        ArtefactLog log = new ArtefactLog(capacity);
        int logged = 0;
        for (ScanSetup setup : setups) {
            for (long[] w : windows) {
                ChunkStatistic kept = new ChunkScanner(recording, 0, setup, null, null, null, log).statistic(0, w[0], w[1]);
                ChunkStatistic fresh = new ChunkScanner(recording, 0, setup, null, null, null, null).statistic(0, w[0], w[1]);
                assertThat(kept.lo).isEqualTo(fresh.lo);
                assertThat(kept.values).isEqualTo(fresh.values);
                int excluded = 0;
                for (long p = kept.lo * 2 - 2000; p < kept.hi * 2 + 2000; p++) {
                    assertThat(kept.zones.contains(p)).as("window %d, sample %d", w[0], p).isEqualTo(fresh.zones.contains(p));
                    excluded += fresh.zones.contains(p) ? 1 : 0;
                }
                assertThat(excluded).as("window %d", w[0]).isPositive();
            }
            if (logged == 0) {
                logged = log.size();
            }
        }
        assertThat(log.held()).isLessThanOrEqualTo(capacity);
        if (capacity == ArtefactLog.DEFAULT_CAPACITY) {
            // the second setup found every window's artefacts in the log: nothing was scanned again
            assertThat(log.size()).isEqualTo(logged).isEqualTo(windows.length - 1);
        } else {
            // some windows did not fit: they were scanned again, and still not kept
            assertThat(log.size()).isLessThan(windows.length - 1);
        }
    }

    @org.junit.jupiter.api.Test
    void aStretchServesOnlyRangesInsideIt() {
        ArtefactRules.Finding finding = new ArtefactRules.Finding(true, 8, 10, 100, 4);
        ArtefactLog log = new ArtefactLog();
        log.add(new ArtefactLog.Stretch(1, -500, 1000, finding, List.of()));
        assertThat(log.covering(1, -500, 1000, finding)).isNotNull();
        assertThat(log.covering(1, 0, 10, finding)).isNotNull();
        assertThat(log.covering(1, -501, 1000, finding)).isNull();
        assertThat(log.covering(1, 0, 1001, finding)).isNull();
        assertThat(log.covering(0, 0, 10, finding)).isNull();
        assertThat(log.covering(1, 0, 10, new ArtefactRules.Finding(true, 9, 10, 100, 4))).isNull();
    }
}
