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
        for (int it = 0; it < 40 && hi - lo > 1e-4; it++) {
            if (f1 < f2) {
                hi = x2;
                x2 = x1;
                f2 = f1;
                x1 = hi - GOLDEN * (hi - lo);
                f1 = sse(y, offset, n, baseline, sign, Math.exp(x1), syy);
            } else {
                lo = x1;
                x1 = x2;
                f1 = f2;
                x2 = lo + GOLDEN * (hi - lo);
                f2 = sse(y, offset, n, baseline, sign, Math.exp(x2), syy);
            }
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
