package org.mepsc.detect;

/**
 * The noise of a trace from its all-points histogram (Pernía-Andrade et al. 2012): a Gaussian is
 * fitted to the central peak, where noise dominates, so that events (which sit in one tail) do
 * not widen it. The fit is a weighted parabola through the logarithm of the bin counts, over the
 * bins from 2 SD below the centre to 1 SD above, on the side away from the events.
 */
public final class GaussianNoiseFit {

    private GaussianNoiseFit() {
    }

    /**
     * @param values samples of the signal (not changed)
     * @param count how many of {@code values} to use
     * @param eventsAbove true if events push the signal up (the upper tail is avoided)
     */
    public static NoiseEstimate fit(float[] values, int count, boolean eventsAbove) {
        if (count < 10) {
            throw new IllegalArgumentException("too few samples (" + count + ") to estimate the noise");
        }
        // sorted once (in linear time), the median, the deviations' median and every histogram
        // bin are found by searching: the same numbers as selecting and counting over the values
        float[] sorted = FloatSort.sorted(values, count);
        double median = median(sorted, count);
        double sd = 1.4826 * medianDeviation(sorted, count, (float) median);
        if (!(sd > 0)) {
            double mean = 0;
            for (int i = 0; i < count; i++) {
                mean += sorted[i];
            }
            mean /= count;
            double ss = 0;
            for (int i = 0; i < count; i++) {
                ss += (sorted[i] - mean) * (sorted[i] - mean);
            }
            return new NoiseEstimate(mean, Math.max(Math.sqrt(ss / count), Double.MIN_NORMAL));
        }
        double mu = median;
        for (int iteration = 0; iteration < 4; iteration++) {
            NoiseEstimate next = fitOnce(sorted, count, mu, sd, eventsAbove);
            if (next == null) {
                break;
            }
            boolean settled = Math.abs(next.mean() - mu) < 1e-3 * sd && Math.abs(next.sd() - sd) < 1e-3 * sd;
            mu = next.mean();
            sd = next.sd();
            if (settled) {
                break;
            }
        }
        return new NoiseEstimate(mu, sd);
    }

    /** The median of sorted values, interpolated as numpy's default quantile does. */
    static double median(float[] sorted, int count) {
        int k = middle(count);
        return interpolated(sorted[k], k + 1 < count ? sorted[k + 1] : sorted[k], count);
    }

    /** The index of the lower of the two values a median of {@code count} interpolates between. */
    private static int middle(int count) {
        return (int) Math.floor(0.5 * (count - 1));
    }

    /** The median of {@code count} values whose {@link #middle}-th and next in order are {@code a} and {@code b}. */
    private static double interpolated(float a, float b, int count) {
        double pos = 0.5 * (count - 1);
        return a + (pos - middle(count)) * (b - a);
    }

    /** How many of the sorted values come before the NaNs (which sort last). */
    private static int beforeNaN(float[] sorted, int count) {
        int n = count;
        while (n > 0 && Float.isNaN(sorted[n - 1])) {
            n--;
        }
        return n;
    }

    /**
     * The median (as {@link #median}) of {@code |x − m|} (in float) over sorted values {@code x}:
     * the deviations fall towards {@code m} and rise beyond it, so the two runs are merged from
     * {@code m} outwards up to the middle. NaNs (sorted last) deviate by NaN, which sorts last.
     */
    static double medianDeviation(float[] sorted, int count, float m) {
        if (!Float.isFinite(m)) {
            // every deviation is infinite or NaN: they need not be merged
            float[] dev = new float[count];
            for (int i = 0; i < count; i++) {
                dev[i] = Math.abs(sorted[i] - m);
            }
            return median(FloatSort.sorted(dev, count), count);
        }
        int finite = beforeNaN(sorted, count);
        int right = firstWhere(sorted, 0, finite, x -> x >= m);
        int left = right - 1;
        int k = middle(count);
        float a = Float.NaN;
        float b = Float.NaN;
        for (int taken = 0; taken <= Math.min(k + 1, count - 1); taken++) {
            float next;
            float below = left >= 0 ? Math.abs(sorted[left] - m) : Float.NaN;
            float above = right < finite ? Math.abs(sorted[right] - m) : Float.NaN;
            if (left >= 0 && !(below > above)) {
                next = below;
                left--;
            } else if (right < finite) {
                next = above;
                right++;
            } else {
                next = Float.NaN;
            }
            if (taken == k) {
                a = next;
            }
            b = next;
        }
        return interpolated(a, k + 1 < count ? b : a, count);
    }

    private static NoiseEstimate fitOnce(float[] sorted, int count, double mu, double sd, boolean eventsAbove) {
        double lo = eventsAbove ? mu - 2 * sd : mu - sd;
        double hi = eventsAbove ? mu + sd : mu + 2 * sd;
        int bins = 30;
        double width = (hi - lo) / bins;
        int[] counts = counts(sorted, count, lo, hi, bins);
        // weighted least squares of log(count) = c0 + c1·x + c2·x² (x centred on mu, in sd)
        double[][] a = new double[3][3];
        double[] r = new double[3];
        int used = 0;
        for (int b = 0; b < bins; b++) {
            if (counts[b] < 5) {
                continue;
            }
            used++;
            double x = (lo + (b + 0.5) * width - mu) / sd;
            double y = Math.log(counts[b]);
            double w = counts[b];
            double[] p = {1, x, x * x};
            for (int i = 0; i < 3; i++) {
                r[i] += w * p[i] * y;
                for (int j = 0; j < 3; j++) {
                    a[i][j] += w * p[i] * p[j];
                }
            }
        }
        if (used < 6) {
            return null;
        }
        double[] c = solve3(a, r);
        if (c == null || !(c[2] < 0)) {
            return null;
        }
        double sigmaX = Math.sqrt(-1 / (2 * c[2]));
        double meanX = -c[1] / (2 * c[2]);
        if (!(sigmaX > 0.2 && sigmaX < 5 && Math.abs(meanX) < 2)) {
            return null;
        }
        return new NoiseEstimate(mu + meanX * sd, sigmaX * sd);
    }

    /**
     * How many of the sorted values {@code sorted[0..count)} fall in each of {@code bins} equal
     * bins over {@code [lo, hi)} (bin {@code (int) ((x − lo) / width)}, for x from {@code (float)
     * lo}); the last element counts the rest. A value's bin never falls as the value rises, so each
     * bin is a run of the sorted values, found by binary search.
     */
    static int[] counts(float[] sorted, int count, double lo, double hi, int bins) {
        double width = (hi - lo) / bins;
        float from = (float) lo;
        int finite = beforeNaN(sorted, count);
        // the values inside: from the first at or above the range to the first beyond it
        int first = firstWhere(sorted, 0, finite, x -> x >= from && bin(x, lo, width) >= 0);
        int end = firstWhere(sorted, first, finite, x -> !(x < hi) || bin(x, lo, width) >= bins);
        int[] counts = new int[bins + 1];
        int start = first;
        for (int b = 0; b < bins; b++) {
            int next = b + 1 < bins ? firstWhere(sorted, start, end, reaches(b + 1, lo, width)) : end;
            counts[b] = next - start;
            start = next;
        }
        counts[bins] = count - (end - first);
        return counts;
    }

    private static int bin(float x, double lo, double width) {
        return (int) ((x - lo) / width);
    }

    /** Whether a value has reached bin {@code b}. */
    private static FloatTest reaches(int b, double lo, double width) {
        return x -> bin(x, lo, width) >= b;
    }

    private interface FloatTest {
        boolean test(float x);
    }

    /** The first index in {@code [from, to)} whose value passes {@code test}, which no value fails after one passes; else {@code to}. */
    private static int firstWhere(float[] sorted, int from, int to, FloatTest test) {
        int lo = from;
        int hi = to;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (test.test(sorted[mid])) {
                hi = mid;
            } else {
                lo = mid + 1;
            }
        }
        return lo;
    }

    private static double[] solve3(double[][] a, double[] b) {
        double[][] m = new double[3][4];
        for (int i = 0; i < 3; i++) {
            System.arraycopy(a[i], 0, m[i], 0, 3);
            m[i][3] = b[i];
        }
        for (int col = 0; col < 3; col++) {
            int pivot = col;
            for (int row = col + 1; row < 3; row++) {
                if (Math.abs(m[row][col]) > Math.abs(m[pivot][col])) {
                    pivot = row;
                }
            }
            if (Math.abs(m[pivot][col]) < 1e-300) {
                return null;
            }
            double[] t = m[col];
            m[col] = m[pivot];
            m[pivot] = t;
            for (int row = 0; row < 3; row++) {
                if (row != col) {
                    double f = m[row][col] / m[col][col];
                    for (int k = col; k < 4; k++) {
                        m[row][k] -= f * m[col][k];
                    }
                }
            }
        }
        return new double[] {m[0][3] / m[0][0], m[1][3] / m[1][1], m[2][3] / m[2][2]};
    }
}
