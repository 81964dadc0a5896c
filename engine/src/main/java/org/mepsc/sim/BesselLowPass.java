package org.mepsc.sim;

import java.util.ArrayList;
import java.util.List;
import org.apache.commons.math3.analysis.solvers.LaguerreSolver;
import org.apache.commons.math3.complex.Complex;

/**
 * A digital Bessel low-pass like an amplifier's: the analog Bessel filter of the given order,
 * −3 dB at the cutoff, turned digital by the bilinear transform with pre-warping, and run as a
 * cascade of second-order sections (stable at low cutoffs, where one high-order recursion is not).
 *
 * <p>Instances are immutable; {@link #filter} keeps its state in local variables.
 */
public final class BesselLowPass {

    private final double cutoffHz;
    private final double sampleRateHz;
    /** Per section: b0, b1, b2, a1, a2 (a0 = 1). */
    private final double[][] sections;
    private final double slowestPoleRadius;

    private BesselLowPass(double cutoffHz, double sampleRateHz, double[][] sections, double slowestPoleRadius) {
        this.cutoffHz = cutoffHz;
        this.sampleRateHz = sampleRateHz;
        this.sections = sections;
        this.slowestPoleRadius = slowestPoleRadius;
    }

    /** A filter that passes everything unchanged. */
    public static BesselLowPass none(double sampleRateHz) {
        return new BesselLowPass(0, sampleRateHz, new double[0][], 0);
    }

    /**
     * Designs the filter.
     *
     * @param order number of poles, 1 to 10 (amplifiers use 4 or 8)
     * @param cutoffHz −3 dB frequency, below half the sample rate
     */
    public static BesselLowPass design(int order, double cutoffHz, double sampleRateHz) {
        if (order < 1 || order > 10) {
            throw new IllegalArgumentException("Bessel order must be 1..10 (got " + order + ")");
        }
        if (!(cutoffHz > 0 && cutoffHz < sampleRateHz / 2)) {
            throw new IllegalArgumentException("cutoff " + cutoffHz + " Hz must be between 0 and half the sample rate");
        }
        double[] poly = reverseBesselPolynomial(order);
        double w3 = minus3dbFrequency(poly);
        // Pre-warped analog cutoff, so the digital filter is −3 dB exactly at cutoffHz.
        double wc = 2 * sampleRateHz * Math.tan(Math.PI * cutoffHz / sampleRateHz);
        Complex[] roots = new LaguerreSolver(1e-14, 1e-14).solveAllComplex(poly, 0);
        List<double[]> secs = new ArrayList<>();
        double slowest = 0;
        for (Complex r : roots) {
            if (r.getImaginary() < -1e-9 * r.abs()) {
                continue; // the conjugate of a pole already taken
            }
            Complex p = r.multiply(wc / w3);
            Complex z = new Complex(2 * sampleRateHz).add(p).divide(new Complex(2 * sampleRateHz).subtract(p));
            slowest = Math.max(slowest, z.abs());
            if (Math.abs(r.getImaginary()) <= 1e-9 * r.abs()) {
                double a1 = -z.getReal();
                double g = (1 + a1) / 2;
                secs.add(new double[] {g, g, 0, a1, 0});
            } else {
                double a1 = -2 * z.getReal();
                double a2 = z.abs() * z.abs();
                double g = (1 + a1 + a2) / 4;
                secs.add(new double[] {g, 2 * g, g, a1, a2});
            }
        }
        return new BesselLowPass(cutoffHz, sampleRateHz, secs.toArray(new double[0][]), slowest);
    }

    /** Coefficients (ascending powers of s) of the reverse Bessel polynomial θn(s): a_k = (2n−k)! / (2^(n−k) k! (n−k)!). */
    static double[] reverseBesselPolynomial(int n) {
        double[] a = new double[n + 1];
        for (int k = 0; k <= n; k++) {
            a[k] = factorial(2 * n - k) / (Math.pow(2, n - k) * factorial(k) * factorial(n - k));
        }
        return a;
    }

    private static double factorial(int m) {
        double f = 1;
        for (int i = 2; i <= m; i++) {
            f *= i;
        }
        return f;
    }

    /** The angular frequency where |θn(0)/θn(jω)|² = 1/2, by bisection (|H| falls monotonically). */
    private static double minus3dbFrequency(double[] poly) {
        double lo = 1e-3;
        double hi = 100;
        for (int i = 0; i < 200; i++) {
            double mid = 0.5 * (lo + hi);
            if (gainSquared(poly, mid) > 0.5) {
                lo = mid;
            } else {
                hi = mid;
            }
        }
        return 0.5 * (lo + hi);
    }

    private static double gainSquared(double[] poly, double w) {
        Complex s = new Complex(0, w);
        Complex v = Complex.ZERO;
        for (int k = poly.length - 1; k >= 0; k--) {
            v = v.multiply(s).add(poly[k]);
        }
        double m = poly[0] / v.abs();
        return m * m;
    }

    public boolean isNone() {
        return sections.length == 0;
    }

    public double cutoffHz() {
        return cutoffHz;
    }

    public double sampleRateHz() {
        return sampleRateHz;
    }

    /** Filters {@code x} in place, starting from rest (zero state). */
    public void filter(double[] x) {
        filter(x, 0, x.length);
    }

    /** Filters {@code x[from, to)} in place, starting from rest. */
    public void filter(double[] x, int from, int to) {
        for (double[] c : sections) {
            double b0 = c[0];
            double b1 = c[1];
            double b2 = c[2];
            double a1 = c[3];
            double a2 = c[4];
            double s1 = 0;
            double s2 = 0;
            for (int i = from; i < to; i++) {
                // transposed direct form II
                double in = x[i];
                double out = b0 * in + s1;
                s1 = b1 * in - a1 * out + s2;
                s2 = b2 * in - a2 * out;
                x[i] = out;
            }
        }
    }

    /**
     * Samples after which anything the filter remembers has decayed by {@code factor} (for
     * example 1e-15): started that long before a stretch, the filter's output over the stretch
     * does not depend (to that factor) on how it was started.
     */
    public int settleSamples(double factor) {
        if (isNone()) {
            return 0;
        }
        // Impulse-response terms fall as r^n; the factor 2 margin covers their coefficients.
        return (int) Math.ceil(2 * Math.log(factor) / Math.log(slowestPoleRadius)) + 4;
    }

    /** The first {@code length} samples of the impulse response (sums to 1: unit DC gain). */
    public double[] impulseResponse(int length) {
        double[] h = new double[length];
        if (length > 0) {
            h[0] = 1;
        }
        filter(h);
        return h;
    }
}
