package org.mepsc.events;

/**
 * One detected event, accepted or rejected. Amplitudes and baselines are in the channel's unit
 * (pA, or mV for a voltage channel); times are seconds from the start of the recording, durations
 * in ms. Values that could not be measured are NaN.
 *
 * @param sweep the sweep it was found in
 * @param onsetS onset: the 10–90 % rise line extrapolated to the baseline
 * @param peakS time of the peak
 * @param amplitude peak minus baseline, as a positive magnitude for the event's polarity
 * @param baseline local baseline before the onset
 * @param rise1090Ms 10–90 % rise time
 * @param decayTauMs time constant of a mono-exponential fitted from the peak
 * @param decayR2 R² of that fit
 * @param halfDecayMs time from the peak back to 50 % of the amplitude
 * @param halfWidthMs time spent beyond 50 % of the amplitude
 * @param charge integral of the event (fC for currents; NaN for voltages)
 * @param ieiMs interval from the previous accepted event's peak in the same sweep (NaN for the first)
 * @param score the detection statistic at the event, in noise SDs
 * @param overlap another accepted event lies close enough to disturb this one's kinetics
 * @param rejection why it was rejected, or null if accepted
 */
public record Event(
        int sweep,
        double onsetS,
        double peakS,
        double amplitude,
        double baseline,
        double rise1090Ms,
        double decayTauMs,
        double decayR2,
        double halfDecayMs,
        double halfWidthMs,
        double charge,
        double ieiMs,
        double score,
        boolean overlap,
        Rejection rejection) {

    public boolean accepted() {
        return rejection == null;
    }

    public Event withNeighbours(double iei, boolean overlapping) {
        return new Event(sweep, onsetS, peakS, amplitude, baseline, rise1090Ms, decayTauMs, decayR2,
                halfDecayMs, halfWidthMs, charge, iei, score, overlapping, rejection);
    }
}
