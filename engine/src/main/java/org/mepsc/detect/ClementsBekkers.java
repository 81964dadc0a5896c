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

    @Override
    void values(float[] corr, int at, double[] s1, double[] s2, int n, float[] out, int outOffset) {
        double see = templateSquares();
        int dof = length() - 1;
        for (int i = 0; i < n; i++) {
            double correlation = corr[at + i];
            double scale = correlation / see;
            double sse = centredSquares(s1[i], s2[i]) - correlation * scale;
            out[outOffset + i] = sse > 0 ? (float) (scale / Math.sqrt(sse / dof)) : 0f;
        }
    }
}
