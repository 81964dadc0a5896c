package org.mepsc.sim;

/**
 * One simulated event, as the simulator placed it.
 *
 * @param onsetS start of the biexponential (t0), seconds from the start of the trace
 * @param peakS time of the extreme of the event's own waveform after the low-pass filter
 *     (sampled, refined by a parabola through the three samples around the extreme)
 * @param amplitudePa the size of that extreme from baseline, a positive magnitude whatever the polarity
 * @param riseTauMs the event's rise time constant (before filtering)
 * @param decayTauMs the event's decay time constant (before filtering)
 */
public record GroundTruthEvent(double onsetS, double peakS, double amplitudePa, double riseTauMs,
        double decayTauMs) {
}
