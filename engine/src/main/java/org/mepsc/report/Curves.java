package org.mepsc.report;

/** Resampling of curves onto a common grid. */
final class Curves {

    private Curves() {
    }

    /** y at {@code x} by linear interpolation of ascending xs; NaN outside [xs[0], xs[n-1]]. */
    static double interpolate(double[] xs, double[] ys, double x) {
        int n = xs.length;
        if (n == 0 || x < xs[0] || x > xs[n - 1]) {
            return Double.NaN;
        }
        int lo = 0;
        int hi = n - 1;
        while (hi - lo > 1) {
            int mid = (lo + hi) >>> 1;
            if (xs[mid] <= x) {
                lo = mid;
            } else {
                hi = mid;
            }
        }
        if (xs[hi] == xs[lo]) {
            return ys[lo];
        }
        double f = (x - xs[lo]) / (xs[hi] - xs[lo]);
        return ys[lo] + f * (ys[hi] - ys[lo]);
    }

    /** {@code n} evenly spaced points from {@code from} to {@code to}. */
    static double[] grid(double from, double to, int n) {
        double[] g = new double[n];
        for (int i = 0; i < n; i++) {
            g[i] = n == 1 ? from : from + (to - from) * i / (n - 1);
        }
        return g;
    }
}
