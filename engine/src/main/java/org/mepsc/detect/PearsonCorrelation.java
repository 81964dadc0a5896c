package org.mepsc.detect;

import org.mepsc.events.Polarity;

/**
 * Jonas, Major & Sakmann (1993): the Pearson correlation r between the template and the data
 * under it, a pure shape criterion (pair it with an amplitude floor). It is reported through
 * Fisher's transform atanh(r), which is close to Gaussian in noise and not bounded at 1, so that a
 * threshold in noise SDs means the same as for the other statistics.
 */
public final class PearsonCorrelation extends TemplateMatching {

    public static final String NAME = "correlation";
    private static final double MAX_R = 1 - 1e-9;

    public PearsonCorrelation(double[] shape, int pre, Polarity polarity) {
        super(shape, pre, polarity);
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    void values(float[] corr, int at, double[] s1, double[] s2, int first, int n, float[] out, int outOffset,
            float floor) {
        double see = templateSquares();
        for (int i = 0; i < n; i++) {
            double correlation = corr[at + i];
            double denominator = see * centredSquares(s1[first + i], s2[first + i]);
            if (!(denominator > 0)) {
                out[outOffset + i] = 0f;
                continue;
            }
            double r = Math.max(-MAX_R, Math.min(MAX_R, correlation / Math.sqrt(denominator)));
            out[outOffset + i] = (float) (0.5 * Math.log((1 + r) / (1 - r)));
        }
    }
}
