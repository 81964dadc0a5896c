package org.mepsc.events;

/**
 * Rules that turn a candidate down after it is measured; the reason is kept.
 *
 * @param amplitudeFloor smallest amplitude accepted (trace units)
 * @param minRiseMs fastest 10–90 % rise accepted (steps and electrical spikes rise faster than synaptic events)
 * @param maxRiseMs slowest 10–90 % rise accepted
 * @param minDecayMs fastest decay constant accepted
 * @param maxDecayMs slowest decay constant accepted
 * @param requireDecay reject when no decay could be fitted although the window was long enough
 */
public record RejectionRules(double amplitudeFloor, double minRiseMs, double maxRiseMs, double minDecayMs, double maxDecayMs, boolean requireDecay) {

    /** The first rule the measurement breaks, or null if it passes. */
    public Rejection judge(Measurement m) {
        if (Double.isNaN(m.amplitude()) || Double.isNaN(m.peak())) {
            return Rejection.NO_PEAK;
        }
        if (!(m.amplitude() >= amplitudeFloor)) {
            return m.amplitude() > 0 ? Rejection.AMPLITUDE_BELOW_FLOOR : Rejection.NO_PEAK;
        }
        if (!(m.rise1090Ms() <= maxRiseMs && m.rise1090Ms() >= minRiseMs)) {
            return Rejection.RISE_IMPLAUSIBLE;
        }
        double tau = m.decayTauMs();
        if (Double.isNaN(tau) ? requireDecay && m.decayMissing() : (tau < minDecayMs || tau > maxDecayMs)) {
            return Rejection.DECAY_IMPLAUSIBLE;
        }
        return null;
    }
}
