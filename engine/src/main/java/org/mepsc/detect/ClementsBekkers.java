package org.mepsc.detect;

import org.mepsc.events.Polarity;

/**
 * Clements & Bekkers (1997) optimally scaled template: at each position, the least-squares scale
 * of the template divided by the standard error of the fit, {@code scale / sqrt(SSE/(N−1))}.
 * It grows with the event's size and falls with the local noise, so one threshold suits traces
 * of different noise.
 */
public final class ClementsBekkers extends TemplateMatching {

    public static final String NAME = "template";

    /** Floors below this are ignored (the margin's argument needs a normal float well above 0). */
    private static final float MIN_FLOOR = 1e-30f;

    public ClementsBekkers(double[] shape, int pre, Polarity polarity) {
        super(shape, pre, polarity);
    }

    @Override
    public String name() {
        return NAME;
    }

    /**
     * In four passes over the segment, each without a branch but the last, so that the division and
     * square root that bound it overlap from one position to the next. The values are those of the
     * one-pass form {@code sse = max(0, Σx² − (Σx)²·(1/N)) − c·c·(1/Σe²);
     * sse > 0 ? c·(√(N−1)/Σe²)/√sse : 0}, which is {@code (c/Σe²)/√(sse/(N−1))} with one division
     * per position instead of four (constants' reciprocals are taken once): 3.5 → 1.9 ns a position
     * in a micro test. The {@code max} can be left out because {@code c·c·(1/Σe²)} is never
     * negative, so where the centred sum is below 0 the fit's error is not above 0 either way.
     *
     * <p>With a floor (the pass's peak picking), the division and square root, which bound the loop
     * (1.4 of 2.4 ns a position), are taken only where the value can reach it:
     * {@code g = c·√(N−1)/Σe²} reaches the floor {@code F > 0} only if {@code g > 0} and
     * {@code g² ≥ F²·sse}. The test keeps a relative margin of 10⁻⁶, hundreds of times the rounding
     * of either side, so every value that reaches the floor is computed as without one; the others
     * are written as 0.
     */
    @Override
    void values(float[] corr, int at, double[] s1, double[] s2, int first, int n, float[] out, int outOffset,
            float floor) {
        double inverseSquares = 1 / templateSquares();
        double inverseLength = 1.0 / length();
        double gain = Math.sqrt(length() - 1) * inverseSquares;
        int end = first + n;
        for (int i = first; i < end; i++) {
            s2[i] = s2[i] - s1[i] * s1[i] * inverseLength;
        }
        int shift = at - first;
        for (int i = first; i < end; i++) {
            s1[i] = corr[shift + i];
        }
        int to = outOffset - first;
        if (!(floor >= MIN_FLOOR)) {
            for (int i = first; i < end; i++) {
                double correlation = s1[i];
                double sse = s2[i] - correlation * correlation * inverseSquares;
                s2[i] = sse;
                s1[i] = correlation * gain / Math.sqrt(sse);
            }
            for (int i = first; i < end; i++) {
                out[to + i] = s2[i] > 0 ? (float) s1[i] : 0f;
            }
            return;
        }
        for (int i = first; i < end; i++) {
            double correlation = s1[i];
            s2[i] = s2[i] - correlation * correlation * inverseSquares;
            s1[i] = correlation * gain;
        }
        double reach = (double) floor * floor * (1 - 1e-6);
        for (int i = first; i < end; i++) {
            double sse = s2[i];
            double g = s1[i];
            float v = 0f;
            if (sse > 0 && g > 0 && g * g >= reach * sse) {
                v = (float) (g / Math.sqrt(sse));
            }
            out[to + i] = v;
        }
    }
}
