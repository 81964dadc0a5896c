package org.mepsc.detect;

import org.mepsc.events.Polarity;

/**
 * Jonas, Major & Sakmann (1993): the Pearson correlation between the template and the data under
 * it. Insensitive to the event's size (a shape criterion); pair it with an amplitude floor.
 */
public final class PearsonCorrelation extends TemplateMatching {

    public static final String NAME = "correlation";

    public PearsonCorrelation(double[] shape, int pre, Polarity polarity) {
        super(shape, pre, polarity);
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    double value(double correlation, WindowSums sums) {
        double denominator = templateSquares() * sums.centredSquares();
        return denominator > 0 ? correlation / Math.sqrt(denominator) : 0;
    }
}
