package org.mepsc.filter;

import java.util.Arrays;

/**
 * A finite impulse response: {@code y[n] = Σ_j h[j]·x[n−j]} for {@code j} in
 * {@code [first, last]}. Taps at negative {@code j} make it non-causal (zero-phase filters are
 * centred on 0, a template correlation lies entirely at {@code j ≤ 0}).
 */
public final class Fir {

    private final double[] taps;
    private final int first;

    public Fir(double[] taps, int first) {
        if (taps.length == 0) {
            throw new IllegalArgumentException("an FIR needs at least one tap");
        }
        this.taps = taps.clone();
        this.first = first;
    }

    public static Fir identity() {
        return new Fir(new double[] {1}, 0);
    }

    /** Index {@code j} of the first tap. */
    public int first() {
        return first;
    }

    /** Index {@code j} of the last tap. */
    public int last() {
        return first + taps.length - 1;
    }

    public int length() {
        return taps.length;
    }

    /** Tap {@code h[j]}, zero outside the support. */
    public double tap(int j) {
        int i = j - first;
        return i < 0 || i >= taps.length ? 0 : taps[i];
    }

    public double[] taps() {
        return taps.clone();
    }

    /** The cascade of this filter and another. */
    public Fir convolve(Fir other) {
        double[] a = taps;
        double[] b = other.taps;
        double[] c = new double[a.length + b.length - 1];
        if ((long) a.length * b.length <= 4_000_000L) {
            for (int i = 0; i < a.length; i++) {
                double ai = a[i];
                if (ai == 0) {
                    continue;
                }
                for (int k = 0; k < b.length; k++) {
                    c[i + k] += ai * b[k];
                }
            }
        } else {
            fftConvolve(a, b, c);
        }
        return new Fir(c, first + other.first);
    }

    /** The same response at {@code factor} times the sample rate: tap {@code j} moves to {@code j·factor}. */
    public Fir upsample(int factor) {
        if (factor == 1) {
            return this;
        }
        double[] u = new double[(taps.length - 1) * factor + 1];
        for (int i = 0; i < taps.length; i++) {
            u[i * factor] = taps[i];
        }
        return new Fir(u, first * factor);
    }

    public Fir scaled(double factor) {
        double[] s = taps.clone();
        for (int i = 0; i < s.length; i++) {
            s[i] *= factor;
        }
        return new Fir(s, first);
    }

    /** The response at {@code f} cycles per sample, as {re, im}. */
    public double[] responseAt(double cyclesPerSample) {
        double re = 0;
        double im = 0;
        for (int i = 0; i < taps.length; i++) {
            double ph = -2 * Math.PI * cyclesPerSample * (first + i);
            re += taps[i] * Math.cos(ph);
            im += taps[i] * Math.sin(ph);
        }
        return new double[] {re, im};
    }

    private static void fftConvolve(double[] a, double[] b, double[] c) {
        int n = Fft.nextPowerOfTwo(c.length);
        double[] fa = Arrays.copyOf(a, n);
        double[] fb = Arrays.copyOf(b, n);
        var fft = Fft.real(n);
        fft.realForward(fa);
        fft.realForward(fb);
        fa[0] *= fb[0];
        fa[1] *= fb[1];
        for (int k = 1; k < n / 2; k++) {
            double re = fa[2 * k] * fb[2 * k] - fa[2 * k + 1] * fb[2 * k + 1];
            double im = fa[2 * k] * fb[2 * k + 1] + fa[2 * k + 1] * fb[2 * k];
            fa[2 * k] = re;
            fa[2 * k + 1] = im;
        }
        fft.realInverse(fa, true);
        System.arraycopy(fa, 0, c, 0, c.length);
    }
}
