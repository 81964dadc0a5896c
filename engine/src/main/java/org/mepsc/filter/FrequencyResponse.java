package org.mepsc.filter;

/**
 * A filter described by its complex response at each frequency. Filters are designed this way
 * and turned into an {@link Fir} by {@link FirDesign}; evaluated only at design time.
 */
@FunctionalInterface
public interface FrequencyResponse {

    /** Writes the response at {@code fHz} (0 ≤ f ≤ Nyquist) as {@code out[0]} = real, {@code out[1]} = imaginary. */
    void at(double fHz, double[] out);

    /** This response followed by another. */
    default FrequencyResponse times(FrequencyResponse other) {
        return (f, out) -> {
            at(f, out);
            double re = out[0];
            double im = out[1];
            other.at(f, out);
            double re2 = out[0];
            double im2 = out[1];
            out[0] = re * re2 - im * im2;
            out[1] = re * im2 + im * re2;
        };
    }

    /** Passes everything unchanged. */
    static FrequencyResponse allPass() {
        return (f, out) -> {
            out[0] = 1;
            out[1] = 0;
        };
    }
}
