package org.mepsc.accuracy;

import org.mepsc.pipeline.Calibration;
import org.mepsc.score.Score;

/**
 * One detection run scored against the truth.
 *
 * @param score matching, precision, recall, F1 and per-event errors
 * @param medianAmplitudeErrorPct error of the recording's median amplitude (what a study reports
 *     per cell): (median detected − median true) / median true · 100; NaN without true amplitudes
 * @param frequencyErrorPct error of the event frequency as a user gets it, accepted events per
 *     analysed second (excluded stretches left out), against true events per second, in %
 * @param calibration what the run settled: template, threshold, noise
 * @param wallSeconds how long the run took
 */
public record Trial(Score score, double medianAmplitudeErrorPct, double frequencyErrorPct, Calibration calibration,
        double wallSeconds) {

    public double f1() {
        return score.f1();
    }
}
