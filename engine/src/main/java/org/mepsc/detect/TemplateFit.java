package org.mepsc.detect;

import org.apache.commons.math3.fitting.leastsquares.LeastSquaresBuilder;
import org.apache.commons.math3.fitting.leastsquares.LeastSquaresOptimizer;
import org.apache.commons.math3.fitting.leastsquares.LevenbergMarquardtOptimizer;
import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.ArrayRealVector;
import org.apache.commons.math3.linear.RealVector;
import org.apache.commons.math3.util.Pair;

/**
 * Fits a biexponential event, {@code A·(e^{−(t−t0)/τd} − e^{−(t−t0)/τr})} (peak-normalised, zero
 * before {@code t0}), to a waveform such as an average of aligned events, by Levenberg–Marquardt.
 * The time constants are fitted as {@code log τr} and {@code log(τd − τr)}, which keeps them
 * positive and ordered. Two more terms absorb what the waveform carries besides the event: an
 * offset, and the tail of earlier events, {@code B·e^{−t/τd}} from the start of the waveform (an
 * average of "isolated" events still contains the tails of earlier ones that went undetected;
 * left in, they would bias τd short).
 *
 * @param template the fitted kinetics
 * @param amplitude peak of the fitted event (waveform units)
 * @param onsetMs fitted onset, ms on the waveform's time axis
 * @param r2 fraction of the waveform's variance the fit explains
 */
public record TemplateFit(Template template, double amplitude, double onsetMs, double r2) {

    /**
     * @param y the waveform, positive-going, baseline near 0
     * @param dtMs sample interval
     * @param guess starting kinetics
     * @param onsetGuessMs starting onset (ms from the first sample)
     */
    public static TemplateFit fit(double[] y, double dtMs, Template guess, double onsetGuessMs) {
        double peak = 0;
        for (double v : y) {
            peak = Math.max(peak, v);
        }
        double[] start = {peak, onsetGuessMs, Math.log(guess.riseMs()), Math.log(guess.decayMs() - guess.riseMs()), 0, 0};
        LeastSquaresBuilder b = new LeastSquaresBuilder()
                .start(start)
                .target(y)
                .model(p -> model(p.toArray(), y.length, dtMs))
                .parameterValidator(p -> {
                    RealVector v = p.copy();
                    v.setEntry(2, Math.max(Math.log(dtMs * 0.05), Math.min(Math.log(200), v.getEntry(2))));
                    v.setEntry(3, Math.max(Math.log(dtMs * 0.05), Math.min(Math.log(500), v.getEntry(3))));
                    v.setEntry(1, Math.max(-y.length * dtMs, Math.min(2 * y.length * dtMs, v.getEntry(1))));
                    return v;
                })
                .maxEvaluations(2000)
                .maxIterations(500);
        LeastSquaresOptimizer.Optimum o = new LevenbergMarquardtOptimizer().optimize(b.build());
        double[] p = o.getPoint().toArray();
        double rise = Math.exp(p[2]);
        double decay = rise + Math.exp(p[3]);
        double mean = 0;
        for (double v : y) {
            mean += v;
        }
        mean /= y.length;
        double sst = 0;
        for (double v : y) {
            sst += (v - mean) * (v - mean);
        }
        double sse = o.getResiduals().dotProduct(o.getResiduals());
        return new TemplateFit(new Template(rise, decay), p[0], p[1], sst > 0 ? 1 - sse / sst : Double.NaN);
    }

    private static Pair<RealVector, org.apache.commons.math3.linear.RealMatrix> model(double[] p, int n, double dtMs) {
        double[] value = values(p, n, dtMs);
        double[][] jac = new double[n][6];
        for (int k = 0; k < 6; k++) {
            double h = 1e-6 * Math.max(1, Math.abs(p[k]));
            double[] q = p.clone();
            q[k] += h;
            double[] up = values(q, n, dtMs);
            for (int i = 0; i < n; i++) {
                jac[i][k] = (up[i] - value[i]) / h;
            }
        }
        return new Pair<>(new ArrayRealVector(value, false), new Array2DRowRealMatrix(jac, false));
    }

    private static double[] values(double[] p, int n, double dtMs) {
        double a = p[0];
        double t0 = p[1];
        double rise = Math.exp(p[2]);
        double decay = rise + Math.exp(p[3]);
        double tPeak = Math.log(decay / rise) * rise * decay / (decay - rise);
        double norm = Math.exp(-tPeak / decay) - Math.exp(-tPeak / rise);
        double[] v = new double[n];
        for (int i = 0; i < n; i++) {
            double t = i * dtMs - t0;
            v[i] = (t <= 0 ? 0 : a * (Math.exp(-t / decay) - Math.exp(-t / rise)) / norm)
                    + p[4] * Math.exp(-i * dtMs / decay) + p[5];
        }
        return v;
    }
}
