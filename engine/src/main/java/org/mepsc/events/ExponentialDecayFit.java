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
        double lo = Math.log(tauMin);
        double hi = Math.log(tauMax);
        double x1 = hi - GOLDEN * (hi - lo);
        double x2 = lo + GOLDEN * (hi - lo);
        double f1 = sse(y, offset, n, baseline, sign, Math.exp(x1), syy);
        double f2 = sse(y, offset, n, baseline, sign, Math.exp(x2), syy);
        // Each iteration needs the value at one new point, and the next iteration's point is one of
        // two known ones, whichever way this value goes: the three are summed in one pass over the
        // samples, whose sums are chains of dependent additions with room beside them. Two
        // iterations per pass, each value from the same operations as alone.
        double[] value = new double[3];
        int it = 0;
        while (it < 40 && hi - lo > 1e-4) {
            boolean left = f1 < f2;
            double lo1 = left ? lo : x1;
            double hi1 = left ? x2 : hi;
            double p = left ? hi1 - GOLDEN * (hi1 - lo1) : lo1 + GOLDEN * (hi1 - lo1);
            double x1n = left ? p : x2;
            double x2n = left ? x1 : p;
            double nextLeft = x2n - GOLDEN * (x2n - lo1);
            double nextRight = x1n + GOLDEN * (hi1 - x1n);
            sse3(y, offset, n, baseline, sign, Math.exp(p), Math.exp(nextLeft), Math.exp(nextRight), syy, value);
            double f1n = left ? value[0] : f2;
            double f2n = left ? f1 : value[0];
            lo = lo1;
            hi = hi1;
            x1 = x1n;
            x2 = x2n;
            f1 = f1n;
            f2 = f2n;
            it++;
            if (!(it < 40 && hi - lo > 1e-4)) {
                break;
            }
            if (f1 < f2) {
                hi = x2;
                x2 = x1;
                f2 = f1;
                x1 = nextLeft;
                f1 = value[1];
            } else {
                lo = x1;
                x1 = x2;
                f1 = f2;
                x2 = nextRight;
                f2 = value[2];
            }
            it++;
        }
        double tau = Math.exp((lo + hi) / 2);
        double best = sse(y, offset, n, baseline, sign, tau, syy);
        double alpha = projection(y, offset, n, baseline, sign, tau);
        boolean atLimit = Math.log(tau) - Math.log(tauMin) < 1e-3 || Math.log(tauMax) - Math.log(tau) < 1e-3;
        if (atLimit || !(alpha > 0)) {
            return new Result(Double.NaN, alpha, Double.NaN);
        }
        double r2 = sst > 0 ? 1 - best / sst : Double.NaN;
        return new Result(tau, alpha, r2);
    }

    private static double sse(float[] y, int offset, int n, double baseline, double sign, double tau, double syy) {
        double q = Math.exp(-1 / tau);
        double pk = 1;
        double syq = 0;
        for (int k = 0; k < n; k++) {
            syq += (sign * y[offset + k] - baseline) * pk;
            pk *= q;
        }
        double sqq = (1 - pk * pk) / (1 - q * q);
        return syy - syq * syq / sqq;
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

    private static double projection(float[] y, int offset, int n, double baseline, double sign, double tau) {
        double q = Math.exp(-1 / tau);
        double pk = 1;
        double syq = 0;
        for (int k = 0; k < n; k++) {
            syq += (sign * y[offset + k] - baseline) * pk;
            pk *= q;
        }
        double sqq = (1 - pk * pk) / (1 - q * q);
        return syq / sqq;
    }
}
