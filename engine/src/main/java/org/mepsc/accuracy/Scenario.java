package org.mepsc.accuracy;

import org.mepsc.events.Polarity;
import org.mepsc.sim.SimulationParameters;

/**
 * One simulated recording and the method that analyses it.
 *
 * <p>Every recording has realistic noise: 2 pA of white + 1/f noise behind a 4-pole Bessel
 * low-pass, mains hum (1.5 pA at the fundamental, with harmonics), 3 pA RMS of slow baseline
 * drift, and artefacts (spikes and steps, 0.05 per second) that are not events; 20 kHz sampling.
 * Events are Poisson in time (so they overlap at high rates), with log-normal amplitudes of median
 * SNR × 2 pA (CV 0.5) and biexponential kinetics of rise τ 0.5 ms and decay τ 4 ms (CV 0.2) unless
 * the decay is varied. Seeds cycle through three variants of the rest:
 *
 * <pre>
 * variant  event rate  mains  low-pass  1/f share of the noise
 *   1        1 Hz      50 Hz   2 kHz     0.3
 *   2        4 Hz      60 Hz   3 kHz     0.5
 *   3       15 Hz      50 Hz   2.5 kHz   0.4
 * </pre>
 *
 * A recording lasts the protocol's duration, or long enough for the protocol's least number of
 * events on average. The seed is the same at every SNR, decay and threshold, so those comparisons are paired
 * (same event times and noise, only the varied property differs).
 *
 * @param kind which part of the protocol
 * @param method the method under test
 * @param snr median amplitude / noise SD
 * @param seed from 1
 * @param decayFactor decay time constant as a factor of the default 4 ms
 * @param thresholdPercent threshold in % of the method's default
 */
public record Scenario(Kind kind, MethodUnderTest method, double snr, int seed, double decayFactor,
        double thresholdPercent) {

    /** The parts of the protocol. */
    public enum Kind {
        /** Default settings over the SNR grid. */
        SNR,
        /** Events decaying faster or slower than the default. */
        KINETICS,
        /** Threshold away from the default. */
        THRESHOLD;

        public String label() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    public static final double NOISE_SD_PA = 2;
    public static final double RISE_MS = 0.5;
    public static final double DECAY_MS = 4;
    public static final double SAMPLE_RATE_HZ = 20_000;
    static final double[] RATES_HZ = {1, 4, 15};
    static final double[] MAINS_HZ = {50, 60, 50};
    static final double[] LOWPASS_HZ = {2000, 3000, 2500};
    static final double[] PINK = {0.3, 0.5, 0.4};

    public static Scenario grid(MethodUnderTest m, double snr, int seed) {
        return new Scenario(Kind.SNR, m, snr, seed, 1, 100);
    }

    public static Scenario kinetics(MethodUnderTest m, double snr, int seed, double decayFactor) {
        return new Scenario(Kind.KINETICS, m, snr, seed, decayFactor, 100);
    }

    public static Scenario threshold(MethodUnderTest m, double snr, int seed, double percent) {
        return new Scenario(Kind.THRESHOLD, m, snr, seed, 1, percent);
    }

    /** The noise variant, 0–2. */
    public int variant() {
        return (seed - 1) % RATES_HZ.length;
    }

    /** 20·log10(SNR). */
    public double snrDb() {
        return 20 * Math.log10(snr);
    }

    /** The recording's parameters; it depends on the SNR, seed and decay only, not on the method or threshold. */
    public SimulationParameters simulation(double minDurationS, int minEvents) {
        int v = variant();
        double rate = RATES_HZ[v];
        double duration = Math.max(minDurationS, Math.ceil(minEvents / rate));
        return SimulationParameters.defaults()
                .withSeed(7919L * seed)
                .withSampleRateHz(SAMPLE_RATE_HZ)
                .withDurationS(duration)
                .withRateHz(rate)
                .withAmplitudeMedianPa(snr * NOISE_SD_PA)
                .withAmplitudeCv(0.5)
                .withKineticsMs(RISE_MS, DECAY_MS * decayFactor)
                .withKineticsCv(0.2)
                .withNoiseSdPa(NOISE_SD_PA)
                .withPinkFraction(PINK[v])
                .withHumHz(MAINS_HZ[v])
                .withHumPa(1.5)
                .withDriftPa(3)
                .withArtefactRateHz(0.05)
                .withLowpassHz(LOWPASS_HZ[v])
                .withHoldingPa(-40)
                .withPolarity(Polarity.NEGATIVE);
    }
}
