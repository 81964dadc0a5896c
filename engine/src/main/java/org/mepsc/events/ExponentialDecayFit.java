package org.mepsc.events;

/**
 * Least-squares fit of {@code y[k] ≈ α·exp(−k/τ)} to equally spaced samples (baseline already
 * removed). For a given τ the best α is linear, so only τ is searched (variable projection), by
 * golden section on log τ. The powers {@code q^k} come by repeated multiplication: no exp() per
 * sample, no allocation.
 */
final class ExponentialDecayFit {

    private static final double GOLDEN = (Math.sqrt(5) - 1) / 2;

    /** τ (samples), α and R², or τ = NaN when the best τ sits at a search limit or α ≤ 0. */
    record Result(double tau, double alpha, double r2) {
    }

    private ExponentialDecayFit() {
    }

    static Result fit(float[] y, int offset, int n, double baseline, double sign, double tauMin, double tauMax) {
        if (n < 4 || !(tauMin < tauMax)) {
            return new Result(Double.NaN, Double.NaN, Double.NaN);
        }
        double sy = 0;
        double syy = 0;
        for (int k = 0; k < n; k++) {
            double v = sign * y[offset + k] - baseline;
            sy += v;
            syy += v * v;
        }
        double sst = syy - sy * sy / n;
        double[] value = new double[3];
        Search s = new Search(Math.log(tauMin), Math.log(tauMax));
        s.f1 = sse(y, offset, n, baseline, sign, Math.exp(s.x1), syy, value);
        s.f2 = sse(y, offset, n, baseline, sign, Math.exp(s.x2), syy, value);
        // Each iteration needs the value at one new point, and the next iteration's point is one of
        // two known ones, whichever way this value goes: the three are summed in one pass over the
        // samples, whose sums are chains of dependent additions with room beside them. Two
        // iterations per pass, each value from the same operations as alone.
        int it = 0;
        while (s.open(it)) {
            boolean left = s.left();
            s.narrow(left);
            sse3(y, offset, n, baseline, sign, Math.exp(s.newest(left)), Math.exp(s.point(true)),
                    Math.exp(s.point(false)), syy, value);
            s.valueOfNewest(left, value[0]);
            if (!s.open(++it)) {
                break;
            }
            boolean then = s.left();
            s.narrow(then);
            s.valueOfNewest(then, then ? value[1] : value[2]);
            it++;
        }
        double tau = Math.exp((s.lo + s.hi) / 2);
        // the residual and the amplitude at τ, from one pass's sums
        projectionSums(y, offset, n, baseline, sign, tau, value);
        double best = syy - value[0] * value[0] / value[1];
        double alpha = value[0] / value[1];
        boolean atLimit = Math.log(tau) - Math.log(tauMin) < 1e-3 || Math.log(tauMax) - Math.log(tau) < 1e-3;
        if (atLimit || !(alpha > 0)) {
            return new Result(Double.NaN, alpha, Double.NaN);
        }
        double r2 = sst > 0 ? 1 - best / sst : Double.NaN;
        return new Result(tau, alpha, r2);
    }

    /**
     * A golden-section search's state on log τ: the bracket, its two inner points and their values
     * ({@code x1 < x2}).
     */
    private static final class Search {
        double lo;
        double hi;
        double x1;
        double x2;
        double f1;
        double f2;

        Search(double lo, double hi) {
            this.lo = lo;
            this.hi = hi;
            x1 = hi - GOLDEN * (hi - lo);
            x2 = lo + GOLDEN * (hi - lo);
        }

        /** Whether iteration {@code it} is still to be done. */
        boolean open(int it) {
            return it < 40 && hi - lo > 1e-4;
        }

        /** Whether the minimum lies to the left, so that the bracket keeps {@code [lo, x2]}. */
        boolean left() {
            return f1 < f2;
        }

        /** The new inner point if the bracket narrows to the left (or the right). */
        double point(boolean left) {
            return left ? x2 - GOLDEN * (x2 - lo) : x1 + GOLDEN * (hi - x1);
        }

        /** Narrows the bracket; the new inner point's value is set by {@link #valueOfNewest}. */
        void narrow(boolean left) {
            double p = point(left);
            if (left) {
                hi = x2;
                x2 = x1;
                f2 = f1;
                x1 = p;
            } else {
                lo = x1;
                x1 = x2;
                f1 = f2;
                x2 = p;
            }
        }

        /** The inner point the last {@link #narrow} made. */
        double newest(boolean left) {
            return left ? x1 : x2;
        }

        void valueOfNewest(boolean left, double f) {
            if (left) {
                f1 = f;
            } else {
                f2 = f;
            }
        }
    }

    /** The residual of the best α·q^k at τ ({@code scratch} holds at least two values). */
    private static double sse(float[] y, int offset, int n, double baseline, double sign, double tau, double syy,
            double[] scratch) {
        projectionSums(y, offset, n, baseline, sign, tau, scratch);
        return syy - scratch[0] * scratch[0] / scratch[1];
    }

    /**
     * {@code out[0] = Σ v_k·q^k} and {@code out[1] = Σ q^2k} over the samples, for
     * {@code q = exp(−1/τ)} and {@code v_k = sign·y[k] − baseline}: the best α at τ is their ratio.
     */
    private static void projectionSums(float[] y, int offset, int n, double baseline, double sign, double tau,
            double[] out) {
        double q = Math.exp(-1 / tau);
        double pk = 1;
        double syq = 0;
        for (int k = 0; k < n; k++) {
            syq += (sign * y[offset + k] - baseline) * pk;
            pk *= q;
        }
        out[0] = syq;
        out[1] = (1 - pk * pk) / (1 - q * q);
    }

    /** {@link #sse} at three time constants at once (into {@code out}), each from the same operations as alone. */
    private static void sse3(float[] y, int offset, int n, double baseline, double sign, double tauA, double tauB,
            double tauC, double syy, double[] out) {
        double qa = Math.exp(-1 / tauA);
        double qb = Math.exp(-1 / tauB);
        double qc = Math.exp(-1 / tauC);
        double pa = 1;
        double pb = 1;
        double pc = 1;
        double sa = 0;
        double sb = 0;
        double sc = 0;
        for (int k = 0; k < n; k++) {
            double v = sign * y[offset + k] - baseline;
            sa += v * pa;
            pa *= qa;
            sb += v * pb;
            pb *= qb;
            sc += v * pc;
            pc *= qc;
        }
        out[0] = syy - sa * sa / ((1 - pa * pa) / (1 - qa * qa));
        out[1] = syy - sb * sb / ((1 - pb * pb) / (1 - qb * qb));
        out[2] = syy - sc * sc / ((1 - pc * pc) / (1 - qc * qc));
    }
}
