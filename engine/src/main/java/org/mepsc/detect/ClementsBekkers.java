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

    public ClementsBekkers(double[] shape, int pre, Polarity polarity) {
        super(shape, pre, polarity);
    }

    @Override
    public String name() {
        return NAME;
    }

    /**
     * In four passes over the segment, each without a branch but the last, so that the divisions and
     * square roots that bound it overlap from one position to the next (3.5–4.0 instead of 5.8 ns a
     * position in a micro test). The values are those of the one-pass form
     * {@code sse = max(0, Σx² − (Σx)²/N) − c·(c/Σe²); sse > 0 ? (c/Σe²)/√(sse/(N−1)) : 0}: the
     * {@code max} can be left out because {@code c·(c/Σe²)} is never negative, so where the centred
     * sum is below 0 the fit's error is not above 0 either way.
     */
    @Override
    void values(float[] corr, int at, double[] s1, double[] s2, int n, float[] out, int outOffset) {
        double see = templateSquares();
        double length = length();
        int dof = length() - 1;
        for (int i = 0; i < n; i++) {
            s2[i] = s2[i] - s1[i] * s1[i] / length;
        }
        for (int i = 0; i < n; i++) {
            s1[i] = corr[at + i];
        }
        for (int i = 0; i < n; i++) {
            double correlation = s1[i];
            double scale = correlation / see;
            double sse = s2[i] - correlation * scale;
            s2[i] = sse;
            s1[i] = scale / Math.sqrt(sse / dof);
        }
        for (int i = 0; i < n; i++) {
            out[outOffset + i] = s2[i] > 0 ? (float) s1[i] : 0f;
        }
    }
}
