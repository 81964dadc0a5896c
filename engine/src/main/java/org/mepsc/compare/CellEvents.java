package org.mepsc.compare;

/** The event values of one cell used for distribution comparisons (missing values left out). */
public record CellEvents(double[] amplitudes, double[] intervals) {

    public double[] values(EventMeasure measure) {
        return measure == EventMeasure.AMPLITUDE ? amplitudes : intervals;
    }
}
