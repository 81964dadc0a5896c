package org.mepsc.pipeline;

import java.util.List;
import org.mepsc.filter.Fir;

/**
 * How far a disturbance of a given size visibly rings through the filters: a jump of {@code J}
 * disturbs the outputs up to where {@code J} times the filters' tap envelope falls below the
 * {@code quiet} level. Large artefacts therefore exclude more around them than small ones (a mains
 * notch rings for a few hundred ms, faintly).
 *
 * @param before envelope of the taps at negative lags (outputs before the disturbance), index t = lag,
 *     relative to each filter's largest tap, non-increasing
 * @param after the same for positive lags
 * @param quiet the disturbance level that no longer matters (trace units)
 */
record Ringing(double[] before, double[] after, double quiet) {

    static Ringing of(List<Fir> filters, double quiet) {
        int maxBefore = 1;
        int maxAfter = 1;
        for (Fir f : filters) {
            maxBefore = Math.max(maxBefore, -Math.min(0, f.first()) + 1);
            maxAfter = Math.max(maxAfter, Math.max(0, f.last()) + 1);
        }
        double[] b = new double[maxBefore];
        double[] a = new double[maxAfter];
        for (Fir f : filters) {
            double max = 0;
            for (int j = f.first(); j <= f.last(); j++) {
                max = Math.max(max, Math.abs(f.tap(j)));
            }
            if (max == 0) {
                continue;
            }
            for (int j = f.first(); j <= f.last(); j++) {
                double v = Math.abs(f.tap(j)) / max;
                if (j <= 0) {
                    b[-j] = Math.max(b[-j], v);
                }
                if (j >= 0) {
                    a[j] = Math.max(a[j], v);
                }
            }
        }
        for (int t = b.length - 2; t >= 0; t--) {
            b[t] = Math.max(b[t], b[t + 1]);
        }
        for (int t = a.length - 2; t >= 0; t--) {
            a[t] = Math.max(a[t], a[t + 1]);
        }
        return new Ringing(b, a, quiet);
    }

    int maxBefore() {
        return before.length;
    }

    int maxAfter() {
        return after.length;
    }

    /** Samples before a jump of {@code size} that it disturbs. */
    int before(double size) {
        return reach(before, size);
    }

    /** Samples after a jump of {@code size} that it disturbs. */
    int after(double size) {
        return reach(after, size);
    }

    private int reach(double[] envelope, double size) {
        if (!(size * envelope[envelope.length - 1] < quiet)) {
            return envelope.length;
        }
        int lo = 0;
        int hi = envelope.length - 1;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (size * envelope[mid] < quiet) {
                hi = mid;
            } else {
                lo = mid + 1;
            }
        }
        return lo;
    }
}
