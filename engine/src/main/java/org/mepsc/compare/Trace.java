package org.mepsc.compare;

/** Samples of a curve: x (time) ascending, y (current, pA). */
public record Trace(double[] x, double[] y) {

    public int size() {
        return x.length;
    }
}
