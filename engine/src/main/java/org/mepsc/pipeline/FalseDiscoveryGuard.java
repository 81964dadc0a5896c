package org.mepsc.pipeline;

import java.util.Arrays;

/**
 * Raises a threshold until the detections above it are at most a fraction {@code q} noise. Noise
 * alone makes as many dips below −z as peaks above +z (the statistics are symmetric in noise;
 * events only push up), so the dips counted on the calibration data estimate how many of the peaks
 * above each level are false; where dips get too rare to count, their number is extrapolated along
 * the Gaussian tail (the rate of level crossings of a Gaussian process falls as exp(−z²/2)).
 * Recordings with many events can then keep a low threshold, and sparse, noisy ones get a high
 * one, instead of one threshold for all.
 */
final class FalseDiscoveryGuard {

    /** Dips needed before their count is trusted rather than extrapolated. */
    static final int MIN_COUNT = 20;
    static final double STEP = 0.05;
    static final double CEILING = 12;

    private FalseDiscoveryGuard() {
    }

    /**
     * @param peaks z of the detections (at least the lowest level examined)
     * @param dips depths of the unexplained dips, same level
     * @param lowest the level both lists start at
     * @param minimum the threshold is never below this
     * @param q largest estimated share of false detections (0 turns the guard off)
     */
    static double threshold(FloatList peaks, FloatList dips, double lowest, double minimum, double q) {
        if (q <= 0) {
            return minimum;
        }
        float[] p = sorted(peaks);
        float[] d = sorted(dips);
        double anchor = lowest;
        for (double z = lowest; z < CEILING; z += STEP) {
            if (countAbove(d, z) >= MIN_COUNT) {
                anchor = z;
            }
        }
        double anchorCount = Math.max(countAbove(d, anchor), 1);
        for (double z = Math.max(minimum, lowest); z < CEILING; z += STEP) {
            double noise = z <= anchor ? countAbove(d, z) : anchorCount * Math.exp(-(z * z - anchor * anchor) / 2);
            int found = countAbove(p, z);
            if (found > 0 && noise <= q * found) {
                return z;
            }
        }
        return CEILING;
    }

    private static float[] sorted(FloatList list) {
        float[] v = Arrays.copyOf(list.array(), list.size());
        Arrays.sort(v);
        return v;
    }

    private static int countAbove(float[] sorted, double z) {
        int lo = 0;
        int hi = sorted.length;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (sorted[mid] < z) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return sorted.length - lo;
    }
}
