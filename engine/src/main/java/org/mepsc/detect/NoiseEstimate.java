package org.mepsc.detect;

/**
 * Location and spread of a signal's noise, for turning a statistic into z-units.
 *
 * @param mean centre of the noise distribution
 * @param sd its standard deviation
 */
public record NoiseEstimate(double mean, double sd) {

    /** {@code (value − mean) / sd}. */
    public double z(double value) {
        return (value - mean) / sd;
    }
}
