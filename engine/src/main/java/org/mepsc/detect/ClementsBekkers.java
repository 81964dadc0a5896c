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
    double value(double correlation, WindowSums sums) {
        double see = templateSquares();
        double scale = correlation / see;
        double sse = sums.centredSquares() - correlation * scale;
        if (!(sse > 0)) {
            return 0;
        }
        return scale / Math.sqrt(sse / (length() - 1));
    }
}
