package org.mepsc.sim;

import java.util.Locale;
import org.mepsc.events.Polarity;

/**
 * Everything that defines a simulated voltage-clamp trace; with the same parameters (seed
 * included) the trace and its ground truth are identical, sample for sample.
 *
 * <p>Names in error messages are those of the {@code mepsc simulate} options. Each value is
 * checked when the record is made; {@link #validate()} (called by the {@link Simulator}) checks
 * the combinations, so {@code with…} copies can be chained in any order.
 *
 * @param durationS length of the trace
 * @param sampleRateHz samples per second
 * @param rateHz mean event rate (Poisson times; overlaps allowed); 0 for a noise-only trace
 * @param amplitudeMedianPa median event amplitude (log-normal), as a positive magnitude
 * @param amplitudeCv coefficient of variation of the amplitudes (0 gives equal amplitudes)
 * @param riseTauMs median rise time constant of the biexponential
 * @param decayTauMs median decay time constant; must exceed the rise time constant
 * @param kineticsCv coefficient of variation of both time constants (log-normal, independent)
 * @param noiseSdPa SD of the white + 1/f noise after the low-pass filter
 * @param pinkFraction share of the noise variance (after the filter) that is 1/f noise
 * @param humHz mains frequency (50 or 60; 0 for no hum)
 * @param humPa peak amplitude of the hum's fundamental (harmonics 2–5 are smaller)
 * @param driftPa RMS of the slow baseline drift (0 for none)
 * @param artefactRateHz mean rate of artefacts (spikes and steps), which are not events
 * @param lowpassHz −3 dB frequency of the amplifier's 4-pole Bessel low-pass (0 for none)
 * @param holdingPa constant holding current
 * @param polarity direction of the events (NEGATIVE for inward EPSCs)
 * @param seed the seed every random choice derives from
 */
public record SimulationParameters(
        double durationS,
        double sampleRateHz,
        double rateHz,
        double amplitudeMedianPa,
        double amplitudeCv,
        double riseTauMs,
        double decayTauMs,
        double kineticsCv,
        double noiseSdPa,
        double pinkFraction,
        double humHz,
        double humPa,
        double driftPa,
        double artefactRateHz,
        double lowpassHz,
        double holdingPa,
        Polarity polarity,
        long seed) {

    /** Limits that keep a simulation's ground truth small enough to hold in memory. */
    public static final double MAX_DURATION_S = 7 * 24 * 3600.0;
    public static final double MAX_EXPECTED_EVENTS = 5_000_000;

    /** Checks each value on its own; {@link #validate()} checks how they combine. */
    public SimulationParameters {
        between("fs-hz", sampleRateHz, 100, 1_000_000);
        between("duration-s", durationS, 0, MAX_DURATION_S);
        between("rate-hz", rateHz, 0, 1000);
        between("amplitude-median-pA", amplitudeMedianPa, 0, 100_000);
        if (!(amplitudeMedianPa > 0)) {
            throw new IllegalArgumentException("amplitude-median-pA must be positive (got " + fmt(amplitudeMedianPa) + ")");
        }
        between("amplitude-cv", amplitudeCv, 0, 5);
        between("rise-ms", riseTauMs, 0, 100);
        if (!(riseTauMs > 0)) {
            throw new IllegalArgumentException("rise-ms must be positive (got " + fmt(riseTauMs) + ")");
        }
        between("decay-ms", decayTauMs, 0, 1000);
        between("kinetics-cv", kineticsCv, 0, 1);
        between("noise-sd-pA", noiseSdPa, 0, 100_000);
        between("pink-fraction", pinkFraction, 0, 1);
        between("hum-hz", humHz, 0, 500_000);
        between("hum-pA", humPa, 0, 100_000);
        between("drift-pA", driftPa, 0, 100_000);
        between("artefact-rate-hz", artefactRateHz, 0, 100);
        between("lowpass-hz", lowpassHz, 0, 500_000);
        between("holding-pA", holdingPa, -100_000, 100_000);
        if (polarity == null) {
            throw new IllegalArgumentException("polarity must be given");
        }
    }

    /**
     * Checks that the values fit together (the simulator calls this; {@code with…} copies do not,
     * so they can be chained in any order): at least one sample, decay slower than rise, hum and
     * low-pass below Nyquist, and not more events or artefacts than a simulation can hold.
     *
     * @return this
     * @throws IllegalArgumentException naming the option to change
     */
    public SimulationParameters validate() {
        if (sampleCount() < 1) {
            throw new IllegalArgumentException("duration-s " + fmt(durationS) + " is shorter than one sample at "
                    + fmt(sampleRateHz) + " Hz");
        }
        if (!(decayTauMs > riseTauMs)) {
            throw new IllegalArgumentException("decay-ms (" + fmt(decayTauMs) + ") must be longer than rise-ms ("
                    + fmt(riseTauMs) + ")");
        }
        if (rateHz * durationS > MAX_EXPECTED_EVENTS) {
            throw new IllegalArgumentException("rate-hz × duration-s = " + fmt(rateHz * durationS)
                    + " events, more than the " + fmt(MAX_EXPECTED_EVENTS) + " a simulation can hold");
        }
        if (artefactRateHz * durationS > MAX_EXPECTED_EVENTS) {
            throw new IllegalArgumentException("artefact-rate-hz × duration-s = " + fmt(artefactRateHz * durationS)
                    + " artefacts, more than the " + fmt(MAX_EXPECTED_EVENTS) + " a simulation can hold");
        }
        if (!(humHz < sampleRateHz / 2)) {
            throw new IllegalArgumentException("hum-hz must be below half the sample rate (got " + fmt(humHz)
                    + " at " + fmt(sampleRateHz) + " Hz)");
        }
        double minLowpass = minLowpassHz(sampleRateHz);
        double maxLowpass = maxLowpassHz(sampleRateHz);
        if (!(lowpassHz == 0 || (lowpassHz >= minLowpass && lowpassHz <= maxLowpass))) {
            throw new IllegalArgumentException("lowpass-hz must be 0 (no filter) or between " + fmt(minLowpass)
                    + " and " + fmt(maxLowpass) + " Hz at " + fmt(sampleRateHz) + " Hz sampling (got "
                    + fmt(lowpassHz) + ")");
        }
        return this;
    }

    /**
     * Realistic defaults: 60 s at 20 kHz, 2 Hz, median 15 pA (CV 0.5), rise τ 0.5 ms, decay τ
     * 4 ms (CV 0.2), 2 pA noise of which 30 % 1/f, no hum, drift or artefacts, 2 kHz Bessel,
     * holding −50 pA, inward events, seed 1.
     */
    public static SimulationParameters defaults() {
        return new SimulationParameters(60, 20_000, 2, 15, 0.5, 0.5, 4, 0.2, 2, 0.3,
                0, 0, 0, 0, 2_000, -50, Polarity.NEGATIVE, 1);
    }

    /** The lowest low-pass cutoff allowed at a sample rate (the filter must settle in a few thousand samples). */
    public static double minLowpassHz(double sampleRateHz) {
        return Math.max(10, sampleRateHz / 2000);
    }

    /** The highest low-pass cutoff allowed at a sample rate (below Nyquist, where the digital Bessel still behaves). */
    public static double maxLowpassHz(double sampleRateHz) {
        return 0.45 * sampleRateHz;
    }

    /** Samples in the trace. */
    public long sampleCount() {
        return Math.round(durationS * sampleRateHz);
    }

    public SimulationParameters withDurationS(double v) {
        return new SimulationParameters(v, sampleRateHz, rateHz, amplitudeMedianPa, amplitudeCv, riseTauMs, decayTauMs, kineticsCv, noiseSdPa, pinkFraction, humHz, humPa, driftPa, artefactRateHz, lowpassHz, holdingPa, polarity, seed);
    }

    public SimulationParameters withSampleRateHz(double v) {
        return new SimulationParameters(durationS, v, rateHz, amplitudeMedianPa, amplitudeCv, riseTauMs, decayTauMs, kineticsCv, noiseSdPa, pinkFraction, humHz, humPa, driftPa, artefactRateHz, lowpassHz, holdingPa, polarity, seed);
    }

    public SimulationParameters withRateHz(double v) {
        return new SimulationParameters(durationS, sampleRateHz, v, amplitudeMedianPa, amplitudeCv, riseTauMs, decayTauMs, kineticsCv, noiseSdPa, pinkFraction, humHz, humPa, driftPa, artefactRateHz, lowpassHz, holdingPa, polarity, seed);
    }

    public SimulationParameters withAmplitudeMedianPa(double v) {
        return new SimulationParameters(durationS, sampleRateHz, rateHz, v, amplitudeCv, riseTauMs, decayTauMs, kineticsCv, noiseSdPa, pinkFraction, humHz, humPa, driftPa, artefactRateHz, lowpassHz, holdingPa, polarity, seed);
    }

    public SimulationParameters withAmplitudeCv(double v) {
        return new SimulationParameters(durationS, sampleRateHz, rateHz, amplitudeMedianPa, v, riseTauMs, decayTauMs, kineticsCv, noiseSdPa, pinkFraction, humHz, humPa, driftPa, artefactRateHz, lowpassHz, holdingPa, polarity, seed);
    }

    public SimulationParameters withRiseTauMs(double v) {
        return new SimulationParameters(durationS, sampleRateHz, rateHz, amplitudeMedianPa, amplitudeCv, v, decayTauMs, kineticsCv, noiseSdPa, pinkFraction, humHz, humPa, driftPa, artefactRateHz, lowpassHz, holdingPa, polarity, seed);
    }

    public SimulationParameters withDecayTauMs(double v) {
        return new SimulationParameters(durationS, sampleRateHz, rateHz, amplitudeMedianPa, amplitudeCv, riseTauMs, v, kineticsCv, noiseSdPa, pinkFraction, humHz, humPa, driftPa, artefactRateHz, lowpassHz, holdingPa, polarity, seed);
    }

    /** Both time constants at once. */
    public SimulationParameters withKineticsMs(double rise, double decay) {
        return new SimulationParameters(durationS, sampleRateHz, rateHz, amplitudeMedianPa, amplitudeCv, rise, decay, kineticsCv, noiseSdPa, pinkFraction, humHz, humPa, driftPa, artefactRateHz, lowpassHz, holdingPa, polarity, seed);
    }

    public SimulationParameters withKineticsCv(double v) {
        return new SimulationParameters(durationS, sampleRateHz, rateHz, amplitudeMedianPa, amplitudeCv, riseTauMs, decayTauMs, v, noiseSdPa, pinkFraction, humHz, humPa, driftPa, artefactRateHz, lowpassHz, holdingPa, polarity, seed);
    }

    public SimulationParameters withNoiseSdPa(double v) {
        return new SimulationParameters(durationS, sampleRateHz, rateHz, amplitudeMedianPa, amplitudeCv, riseTauMs, decayTauMs, kineticsCv, v, pinkFraction, humHz, humPa, driftPa, artefactRateHz, lowpassHz, holdingPa, polarity, seed);
    }

    public SimulationParameters withPinkFraction(double v) {
        return new SimulationParameters(durationS, sampleRateHz, rateHz, amplitudeMedianPa, amplitudeCv, riseTauMs, decayTauMs, kineticsCv, noiseSdPa, v, humHz, humPa, driftPa, artefactRateHz, lowpassHz, holdingPa, polarity, seed);
    }

    public SimulationParameters withHumHz(double v) {
        return new SimulationParameters(durationS, sampleRateHz, rateHz, amplitudeMedianPa, amplitudeCv, riseTauMs, decayTauMs, kineticsCv, noiseSdPa, pinkFraction, v, humPa, driftPa, artefactRateHz, lowpassHz, holdingPa, polarity, seed);
    }

    public SimulationParameters withHumPa(double v) {
        return new SimulationParameters(durationS, sampleRateHz, rateHz, amplitudeMedianPa, amplitudeCv, riseTauMs, decayTauMs, kineticsCv, noiseSdPa, pinkFraction, humHz, v, driftPa, artefactRateHz, lowpassHz, holdingPa, polarity, seed);
    }

    public SimulationParameters withDriftPa(double v) {
        return new SimulationParameters(durationS, sampleRateHz, rateHz, amplitudeMedianPa, amplitudeCv, riseTauMs, decayTauMs, kineticsCv, noiseSdPa, pinkFraction, humHz, humPa, v, artefactRateHz, lowpassHz, holdingPa, polarity, seed);
    }

    public SimulationParameters withArtefactRateHz(double v) {
        return new SimulationParameters(durationS, sampleRateHz, rateHz, amplitudeMedianPa, amplitudeCv, riseTauMs, decayTauMs, kineticsCv, noiseSdPa, pinkFraction, humHz, humPa, driftPa, v, lowpassHz, holdingPa, polarity, seed);
    }

    public SimulationParameters withLowpassHz(double v) {
        return new SimulationParameters(durationS, sampleRateHz, rateHz, amplitudeMedianPa, amplitudeCv, riseTauMs, decayTauMs, kineticsCv, noiseSdPa, pinkFraction, humHz, humPa, driftPa, artefactRateHz, v, holdingPa, polarity, seed);
    }

    public SimulationParameters withHoldingPa(double v) {
        return new SimulationParameters(durationS, sampleRateHz, rateHz, amplitudeMedianPa, amplitudeCv, riseTauMs, decayTauMs, kineticsCv, noiseSdPa, pinkFraction, humHz, humPa, driftPa, artefactRateHz, lowpassHz, v, polarity, seed);
    }

    public SimulationParameters withPolarity(Polarity v) {
        return new SimulationParameters(durationS, sampleRateHz, rateHz, amplitudeMedianPa, amplitudeCv, riseTauMs, decayTauMs, kineticsCv, noiseSdPa, pinkFraction, humHz, humPa, driftPa, artefactRateHz, lowpassHz, holdingPa, v, seed);
    }

    public SimulationParameters withSeed(long v) {
        return new SimulationParameters(durationS, sampleRateHz, rateHz, amplitudeMedianPa, amplitudeCv, riseTauMs, decayTauMs, kineticsCv, noiseSdPa, pinkFraction, humHz, humPa, driftPa, artefactRateHz, lowpassHz, holdingPa, polarity, v);
    }

    /** One line of {@code key=value} pairs, for the ground-truth header and the recording's comments. */
    public String describe() {
        return String.format(Locale.ROOT, "duration_s=%s sample_rate_hz=%s rate_hz=%s amplitude_median_pA=%s "
                        + "amplitude_cv=%s rise_tau_ms=%s decay_tau_ms=%s kinetics_cv=%s noise_sd_pA=%s "
                        + "pink_fraction=%s hum_hz=%s hum_pA=%s drift_pA=%s artefact_rate_hz=%s lowpass_hz=%s "
                        + "holding_pA=%s polarity=%s seed=%d",
                fmt(durationS), fmt(sampleRateHz), fmt(rateHz), fmt(amplitudeMedianPa), fmt(amplitudeCv),
                fmt(riseTauMs), fmt(decayTauMs), fmt(kineticsCv), fmt(noiseSdPa), fmt(pinkFraction), fmt(humHz),
                fmt(humPa), fmt(driftPa), fmt(artefactRateHz), fmt(lowpassHz), fmt(holdingPa),
                polarity.name().toLowerCase(Locale.ROOT), seed);
    }

    private static void between(String name, double v, double lo, double hi) {
        if (!(v >= lo && v <= hi)) {
            throw new IllegalArgumentException(name + " must be between " + fmt(lo) + " and " + fmt(hi)
                    + " (got " + fmt(v) + ")");
        }
    }

    static String fmt(double v) {
        if (v == Math.rint(v) && Math.abs(v) < 1e15) {
            return Long.toString((long) v);
        }
        return Double.toString(v);
    }
}
