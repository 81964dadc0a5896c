package org.mepsc.events;

/**
 * Window lengths for measuring events.
 *
 * @param baselineMs length of the baseline window before the onset
 * @param baselineGapMs gap between the baseline window and the detector's onset estimate
 * @param peakSearchExtraMs the peak is sought up to the template's time to peak plus this
 * @param decayWindowTaus the decay is fitted over this many template decay constants
 * @param peakFitFraction the peak is a parabola fitted over ± this fraction of the template's time to peak
 */
public record CharacterisationSettings(double baselineMs, double baselineGapMs, double peakSearchExtraMs, double decayWindowTaus, double peakFitFraction) {

    public static final CharacterisationSettings DEFAULT = new CharacterisationSettings(2.0, 0.2, 1.0, 3.0, 0.35);
}
