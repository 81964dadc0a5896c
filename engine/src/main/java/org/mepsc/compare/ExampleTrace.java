package org.mepsc.compare;

/**
 * A cell's example stretch of recording with the events detected in it.
 *
 * @param trace time in s, current in pA
 * @param peaksS peak times of the events in the stretch, s
 * @param amplitudesPa their amplitudes, pA
 */
public record ExampleTrace(Trace trace, double[] peaksS, double[] amplitudesPa) {
}
