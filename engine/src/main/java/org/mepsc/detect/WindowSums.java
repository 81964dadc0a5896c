package org.mepsc.detect;

/**
 * Sums of {@code x} and {@code x²} over a sliding window of {@code length} samples, for the
 * template detectors. Sliding is O(1) per step; to keep every value a function of its position
 * alone (not of where a run started), the sums are recomputed directly at every multiple of
 * {@link #SYNC}, and a run always starts at such a multiple.
 */
final class WindowSums {

    static final int SYNC = 512;

    private final int length;
    private double s1;
    private double s2;

    WindowSums(int length) {
        this.length = length;
    }

    /** Sums for the window starting at {@code pos}, which must be a multiple of {@link #SYNC}. */
    void resync(Window x, long pos) {
        double a = 0;
        double b = 0;
        int base = (int) (pos - x.origin());
        float[] d = x.data();
        for (int j = 0; j < length; j++) {
            double v = d[base + j];
            a += v;
            b += v * v;
        }
        s1 = a;
        s2 = b;
    }

    /** Moves the window from {@code pos} to {@code pos + 1}. */
    void slide(Window x, long pos) {
        float[] d = x.data();
        int i = (int) (pos - x.origin());
        double out = d[i];
        double in = d[i + length];
        s1 += in - out;
        s2 += in * in - out * out;
    }

    /**
     * Writes the sums of the windows starting at {@code pos … pos + n − 1} into {@code sums[0..n)}
     * and {@code squares[0..n)}, sliding as {@link #slide} does (the same additions, in locals, so the
     * loop is not a chain of field updates); the sums are then those of the last window.
     */
    void run(Window x, long pos, int n, double[] sums, double[] squares) {
        double a = s1;
        double b = s2;
        float[] d = x.data();
        int leaving = (int) (pos - x.origin());
        int entering = leaving + length;
        for (int i = 0; i < n - 1; i++) {
            sums[i] = a;
            squares[i] = b;
            double out = d[leaving + i];
            double in = d[entering + i];
            a += in - out;
            b += in * in - out * out;
        }
        sums[n - 1] = a;
        squares[n - 1] = b;
        s1 = a;
        s2 = b;
    }

    double sum() {
        return s1;
    }

    double sumOfSquares() {
        return s2;
    }

    /** Σ(x − mean)² over the window, never negative. */
    double centredSquares() {
        return Math.max(0, s2 - s1 * s1 / length);
    }
}
