package org.mepsc.events;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.SplittableRandom;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The decay fit evaluates two golden-section iterations per pass over the samples; its result is
 * that of the search one evaluation at a time, bit for bit.
 */
class ExponentialDecayFitTest {

    private static final double GOLDEN = (Math.sqrt(5) - 1) / 2;

    /** The residual of the best α·q^k at τ, summed one sample at a time. */
    private static double sse(float[] y, int offset, int n, double baseline, double sign, double tau, double syy) {
        double q = Math.exp(-1 / tau);
        double pk = 1;
        double syq = 0;
        for (int k = 0; k < n; k++) {
            syq += (sign * y[offset + k] - baseline) * pk;
            pk *= q;
        }
        return syy - syq * syq / ((1 - pk * pk) / (1 - q * q));
    }

    /** The golden-section search on log τ as written down: the interval the fit's τ comes from. */
    private static double[] searched(float[] y, int offset, int n, double baseline, double sign, double tauMin,
            double tauMax) {
        double syy = 0;
        for (int k = 0; k < n; k++) {
            double v = sign * y[offset + k] - baseline;
            syy += v * v;
        }
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
        return new double[] {lo, hi};
    }

    @ParameterizedTest
    @CsvSource({"1, 40, 0.5, 200", "2, 400, 0.5, 2000", "3, 12, 0.5, 50", "4, 160, 3, 30", "5, 90, 0.5, 1e6",
            "6, 250, 20, 21", "7, 5, 0.5, 400"})
    void twoIterationsAPassFindTheSearchsTau(long seed, int n, double tauMin, double tauMax) {
        SplittableRandom r = new SplittableRandom(seed);
        for (int trial = 0; trial < 40; trial++) {
            double tau = Math.exp(Math.log(tauMin) + r.nextDouble() * (Math.log(tauMax) - Math.log(tauMin)));
            double sign = trial % 2 == 0 ? 1 : -1;
            double baseline = r.nextGaussian();
            int offset = r.nextInt(5);
            float[] y = new float[offset + n];
            for (int k = 0; k < n; k++) {
                double clean = trial % 7 == 3 ? 0 : 10 * Math.exp(-k / tau);
                y[offset + k] = (float) (sign * (baseline + clean + r.nextGaussian() * (trial % 3)));
            }
            double[] interval = searched(y, offset, n, baseline, sign, tauMin, tauMax);
            ExponentialDecayFit.Result fit = ExponentialDecayFit.fit(y, offset, n, baseline, sign, tauMin, tauMax);
            double found = Math.exp((interval[0] + interval[1]) / 2);
            if (Double.isNaN(fit.tau())) {
                // at a search limit (or α ≤ 0): the same search, judged the same way
                boolean atLimit = Math.log(found) - Math.log(tauMin) < 1e-3 || Math.log(tauMax) - Math.log(found) < 1e-3;
                assertThat(atLimit || !(fit.alpha() > 0)).as("trial %d", trial).isTrue();
            } else {
                assertThat(fit.tau()).as("trial %d", trial).isEqualTo(found);
            }
        }
    }
}
