package org.mepsc.pipeline;

import java.io.IOException;
import java.util.Arrays;
import java.util.List;
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
    /** Fewer differences than this say nothing about the noise: then no step is an artefact. */
    static final int MIN_DIFFERENCES = 10;

    /** How the lists' {@link #robustSd}s are worked out: the results in the lists' order. */
    interface Selections {
        List<Double> robustSds(List<FloatList> lists) throws IOException;
    }

    /**
     * From sampled absolute differences of neighbouring samples and of samples 0.5 ms apart, their
     * two medians selected by {@code selections} (calibration: one per worker, at once).
     */
    static RawNoise of(FloatList differences, FloatList lagged, Selections selections) throws IOException {
        if (differences.size() < MIN_DIFFERENCES) {
            return new RawNoise(0, 0, Double.POSITIVE_INFINITY);
        }
        List<Double> sds = selections.robustSds(List.of(differences, lagged));
        return of(sds.get(0), sds.get(1));
    }

    /** From the two robust SDs: of the neighbouring differences, and of those 0.5 ms apart. */
    static RawNoise of(double differencesSd, double laggedSd) {
        double step = STEP_SDS * differencesSd;
        return new RawNoise(differencesSd, laggedSd / Math.sqrt(2), step > 0 ? step : Double.POSITIVE_INFINITY);
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
