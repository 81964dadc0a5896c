package org.mepsc.pipeline;

import java.util.Arrays;

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

    static RawNoise of(FloatList differences, FloatList lagged) {
        if (differences.size() < 10) {
            return new RawNoise(0, 0, Double.POSITIVE_INFINITY);
        }
        float[] d = sorted(differences);
        double differenceSd = robustSd(d);
        double noiseSd = robustSd(sorted(lagged)) / Math.sqrt(2);
        double step = STEP_SDS * differenceSd;
        return new RawNoise(differenceSd, noiseSd, step > 0 ? step : Double.POSITIVE_INFINITY);
    }

    /** The level disturbances are judged against: the larger noise estimate (never 0). */
    double quietScale() {
        return Math.max(Math.max(differenceSd, noiseSd), 1e-12);
    }

    private static float[] sorted(FloatList list) {
        float[] v = Arrays.copyOf(list.array(), list.size());
        Arrays.sort(v);
        return v;
    }

    /** 1.4826 × the median of absolute values; their RMS where more than half are 0 (coarse digitisation). */
    private static double robustSd(float[] sortedAbs) {
        double mad = 1.4826 * sortedAbs[sortedAbs.length / 2];
        if (mad > 0) {
            return mad;
        }
        double ss = 0;
        for (float x : sortedAbs) {
            ss += (double) x * x;
        }
        return Math.sqrt(ss / sortedAbs.length);
    }
}
