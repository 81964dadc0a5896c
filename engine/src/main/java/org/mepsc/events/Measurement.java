package org.mepsc.events;

/**
 * What {@link EventCharacteriser} measures on one event, before it is placed in its recording.
 * Positions are fractional sample indices of the detection-rate trace; values in the trace's unit.
 *
 * @param onset onset position (10–90 % line extrapolated to the baseline)
 * @param peak peak position
 * @param amplitude peak minus baseline, positive for an event of the expected polarity
 * @param baseline local baseline (as recorded, not sign-flipped)
 * @param charge integral of the event, unit·ms (fC for pA)
 * @param decayMissing the decay window was long enough, yet no exponential decay fitted it
 */
public record Measurement(
        double onset,
        double peak,
        double amplitude,
        double baseline,
        double rise1090Ms,
        double decayTauMs,
        double decayR2,
        double halfDecayMs,
        double halfWidthMs,
        double charge,
        boolean decayMissing) {

    static Measurement noPeak(double onset) {
        return new Measurement(onset, Double.NaN, Double.NaN, Double.NaN, Double.NaN, Double.NaN,
                Double.NaN, Double.NaN, Double.NaN, Double.NaN, false);
    }
}
