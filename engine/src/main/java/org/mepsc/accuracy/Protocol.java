package org.mepsc.accuracy;

import java.util.List;

/**
 * What an accuracy benchmark runs: an SNR grid × seeds × methods at default settings; the same
 * with the events' decay faster and slower than usual (without re-tuning anything); and a threshold
 * sweep around each method's default. {@link Scenario} says what each recording holds.
 *
 * @param snrs SNR levels (median amplitude / noise SD)
 * @param seeds recordings per SNR level; seed k uses noise variant (k−1) mod 3 ({@link Scenario})
 * @param durationS least length of a recording
 * @param minEvents recordings at low event rates are made long enough to hold this many events on average
 * @param methods the methods under test
 * @param decayFactors decay time constants to test, as factors of the default (0.5 = twice as fast)
 * @param kineticsSnrs SNR levels of the kinetics test (each one of {@code snrs})
 * @param thresholdPercents thresholds to test, in % of each method's default
 * @param thresholdSnr SNR level of the threshold sweep (one of {@code snrs})
 * @param toleranceMs largest time difference of a match between a detected and a true peak
 */
public record Protocol(List<Double> snrs, int seeds, double durationS, int minEvents, List<MethodUnderTest> methods,
        List<Double> decayFactors, List<Double> kineticsSnrs, List<Double> thresholdPercents, double thresholdSnr,
        double toleranceMs) {

    public Protocol {
        snrs = List.copyOf(snrs);
        methods = List.copyOf(methods);
        decayFactors = List.copyOf(decayFactors);
        kineticsSnrs = List.copyOf(kineticsSnrs);
        thresholdPercents = List.copyOf(thresholdPercents);
        if (snrs.isEmpty() || methods.isEmpty()) {
            throw new IllegalArgumentException("a benchmark needs at least one SNR level and one method");
        }
        for (double s : snrs) {
            if (!(s > 0 && s <= 1000)) {
                throw new IllegalArgumentException("SNR levels must be positive (got " + s + ")");
            }
        }
        if (seeds < 1 || seeds > 1000) {
            throw new IllegalArgumentException("seeds must be between 1 and 1000 (got " + seeds + ")");
        }
        if (!(durationS >= 1 && durationS <= 3600)) {
            throw new IllegalArgumentException("the duration must be between 1 and 3600 s (got " + durationS + ")");
        }
        if (minEvents < 0 || minEvents > 100_000) {
            throw new IllegalArgumentException("the least number of events must be between 0 and 100000 (got " + minEvents + ")");
        }
        if (methods.stream().map(MethodUnderTest::name).distinct().count() != methods.size()) {
            throw new IllegalArgumentException("two methods under test have the same name");
        }
        for (double f : decayFactors) {
            if (!(f > 0.2 && f <= 20)) {
                throw new IllegalArgumentException("decay factors must be between 0.2 and 20 (got " + f + ")");
            }
        }
        for (double s : kineticsSnrs) {
            if (!snrs.contains(s)) {
                throw new IllegalArgumentException("the kinetics test's SNR " + s + " is not one of the SNR levels " + snrs);
            }
        }
        for (double p : thresholdPercents) {
            if (!(p > 0 && p <= 1000)) {
                throw new IllegalArgumentException("threshold percentages must be positive (got " + p + ")");
            }
        }
        if (!thresholdPercents.isEmpty() && !snrs.contains(thresholdSnr)) {
            throw new IllegalArgumentException("the threshold sweep's SNR " + thresholdSnr + " is not one of the SNR levels "
                    + snrs);
        }
        if (!(toleranceMs > 0 && toleranceMs <= 100)) {
            throw new IllegalArgumentException("the tolerance must be between 0 and 100 ms (got " + toleranceMs + ")");
        }
    }

    /**
     * The standard protocol: SNR 1, 2, 3, 4, 5, 6, 8 and 10 (0–20 dB) × 3 seeds × every built-in
     * method, recordings of at least 60 s (and 100 events); decay 2× faster and 4.5× slower at SNR 5 and 8; threshold
     * at 5–195 % of the default at SNR 5; matching within 1.5 ms.
     */
    public static Protocol standard() {
        return new Protocol(List.of(1.0, 2.0, 3.0, 4.0, 5.0, 6.0, 8.0, 10.0), 3, 60, 100, MethodUnderTest.builtIn(),
                List.of(0.5, 4.5), List.of(5.0, 8.0), List.of(5.0, 25.0, 50.0, 75.0, 100.0, 125.0, 150.0, 175.0, 195.0),
                5, 1.5);
    }

    /** A small version for a first look (about a tenth of the work). */
    public static Protocol quick() {
        return new Protocol(List.of(2.0, 5.0, 10.0), 1, 30, 50, MethodUnderTest.builtIn(), List.of(0.5, 4.5), List.of(5.0),
                List.of(50.0, 100.0, 150.0), 5, 1.5);
    }

    public Protocol withSeeds(int n) {
        return new Protocol(snrs, n, durationS, minEvents, methods, decayFactors, kineticsSnrs, thresholdPercents, thresholdSnr, toleranceMs);
    }

    public Protocol withDurationS(double s) {
        return new Protocol(snrs, seeds, s, minEvents, methods, decayFactors, kineticsSnrs, thresholdPercents, thresholdSnr, toleranceMs);
    }

    public Protocol withMethods(List<MethodUnderTest> m) {
        return new Protocol(snrs, seeds, durationS, minEvents, m, decayFactors, kineticsSnrs, thresholdPercents, thresholdSnr, toleranceMs);
    }

    public Protocol withToleranceMs(double ms) {
        return new Protocol(snrs, seeds, durationS, minEvents, methods, decayFactors, kineticsSnrs, thresholdPercents, thresholdSnr, ms);
    }

    /** Every scenario, in the order results are reported. */
    public List<Scenario> scenarios() {
        List<Scenario> out = new java.util.ArrayList<>();
        for (MethodUnderTest m : methods) {
            for (double snr : snrs) {
                for (int seed = 1; seed <= seeds; seed++) {
                    out.add(Scenario.grid(m, snr, seed));
                }
            }
        }
        for (MethodUnderTest m : methods) {
            for (double f : decayFactors) {
                for (double snr : kineticsSnrs) {
                    for (int seed = 1; seed <= seeds; seed++) {
                        out.add(Scenario.kinetics(m, snr, seed, f));
                    }
                }
            }
        }
        for (MethodUnderTest m : methods) {
            for (double pct : thresholdPercents) {
                for (int seed = 1; seed <= seeds; seed++) {
                    out.add(Scenario.threshold(m, thresholdSnr, seed, pct));
                }
            }
        }
        return out;
    }
}
