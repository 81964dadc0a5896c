package org.mepsc.pipeline;

import java.util.Arrays;
import org.mepsc.detect.OrderStatistics;

/**
 * What the raw trace's sample-to-sample changes say, for finding artefacts.
 *
 * @param differenceSd SD of the differences between neighbouring samples (robust)
 * @param noiseSd SD of the noise, from differences 0.5 ms apart (robust)
 * @param stepThreshold a jump between two samples larger than this is an artefact: {@value #STEP_SDS}
 *     difference SDs (a synaptic current rises over several samples)
 */
record RawNoise(double differenceSd, double noiseSd, double stepThreshold) {

    static final double STEP_SDS = 15;
    /** Fewer differences than this say nothing about the noise ({@link #none}). */
    static final int MIN_DIFFERENCES = 10;

    static RawNoise of(FloatList differences, FloatList lagged) {
        return differences.size() < MIN_DIFFERENCES ? none() : of(robustSd(differences), robustSd(lagged));
    }

    /**
     * The same from the two lists' {@link #robustSd}s, worked out apart (calibration selects both
     * medians at once, one per worker).
     */
    static RawNoise of(double differencesSd, double laggedSd) {
        double step = STEP_SDS * differencesSd;
        return new RawNoise(differencesSd, laggedSd / Math.sqrt(2), step > 0 ? step : Double.POSITIVE_INFINITY);
    }

    /** Too few differences to say anything: no step is an artefact. */
    static RawNoise none() {
        return new RawNoise(0, 0, Double.POSITIVE_INFINITY);
    }

    /** The level disturbances are judged against: the larger noise estimate (never 0). */
    double quietScale() {
        return Math.max(Math.max(differenceSd, noiseSd), 1e-12);
    }

    /**
     * 1.4826 × the median of absolute values, found by selection (no sort); where more than half
     * are 0 (coarse digitisation), their RMS, summed in sorted order as it always was.
     */
    static double robustSd(FloatList abs) {
        int n = abs.size();
        double mad = 1.4826 * new OrderStatistics(abs.array(), n).select(n / 2);
        if (mad > 0) {
            return mad;
        }
        float[] sorted = Arrays.copyOf(abs.array(), n);
        Arrays.sort(sorted);
        double ss = 0;
        for (float x : sorted) {
            ss += (double) x * x;
        }
        return Math.sqrt(ss / n);
    }
}
