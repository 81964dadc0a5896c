package org.mepsc.score;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.Arrays;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ScorerTest {

    private static final double TOL = 1.5e-3;

    /**
     * Five true events, six detections, tolerance 1.5 ms, duration 10 s (peak times, s; amplitudes, pA):
     * <pre>
     *  truth          detection        Δt        amplitude error
     *  T0 1.000 10    D0 1.0005 11     +0.5 ms   +1 pA  (+10 %)
     *  T1 2.000 20    D1 1.9990 18     −1.0 ms   −2 pA  (−10 %)
     *  T2 3.000 15    D2 3.0020 15     +2.0 ms > 1.5: no match → T2 missed, D2 false
     *  T3 4.000 30    D3 4.0015 36     +1.5 ms = tolerance: a match, +6 pA (+20 %)
     *  T4 5.000 12    —                missed
     *                 D4 6.000 5, D5 7.000 −9 (sign dropped): false
     * </pre>
     * tp = 3, fp = 6 − 3 = 3, fn = 5 − 3 = 2; precision 3/6 = 0.5, recall 3/5 = 0.6,
     * F1 = 2·3 / (2·3 + 3 + 2) = 6/11.
     * |amplitude errors| 1, 2, 6 pA: median 2; 90th percentile (type 7: position 0.9·(3−1) = 1.8)
     * = 2 + 0.8·(6 − 2) = 5.2 pA. In %: 10, 10, 20 → median 10, p90 10 + 0.8·10 = 18; signed
     * −10, 10, 20 → median bias +10 %.
     * |Δt| 0.5, 1.0, 1.5 ms: median 1.0, p90 1.0 + 0.8·0.5 = 1.4 ms; signed −1.0, 0.5, 1.5 → bias +0.5 ms.
     * Frequencies over 10 s: 5/10 = 0.5 Hz true, 6/10 = 0.6 Hz detected, error (6 − 5)/5 = +20 %.
     */
    @Test
    void handWorkedExample() {
        EventList truth = EventList.of(null, new double[] {1, 2, 3, 4, 5}, new double[] {10, 20, 15, 30, 12})
                .withDurationS(10);
        EventList detected = EventList.of(null, new double[] {1.0005, 1.999, 3.002, 4.0015, 6, 7},
                new double[] {11, 18, 15, 36, 5, -9});
        Score s = new Scorer(truth, TOL).score(detected);
        assertThat(s.matchedOn()).isEqualTo("peak");
        assertThat(s.tp()).isEqualTo(3);
        assertThat(s.fp()).isEqualTo(3);
        assertThat(s.fn()).isEqualTo(2);
        assertThat(s.precision()).isCloseTo(0.5, within(1e-12));
        assertThat(s.recall()).isCloseTo(0.6, within(1e-12));
        assertThat(s.f1()).isCloseTo(6.0 / 11, within(1e-12));
        assertThat(s.amplitudeErrorMedianPa()).isCloseTo(2, within(1e-9));
        assertThat(s.amplitudeErrorP90Pa()).isCloseTo(5.2, within(1e-9));
        assertThat(s.amplitudeErrorMedianPct()).isCloseTo(10, within(1e-9));
        assertThat(s.amplitudeErrorP90Pct()).isCloseTo(18, within(1e-9));
        assertThat(s.amplitudeBiasMedianPct()).isCloseTo(10, within(1e-9));
        assertThat(s.timingErrorMedianMs()).isCloseTo(1.0, within(1e-9));
        assertThat(s.timingErrorP90Ms()).isCloseTo(1.4, within(1e-9));
        assertThat(s.timingBiasMs()).isCloseTo(0.5, within(1e-9));
        assertThat(s.frequencyTrueHz()).isCloseTo(0.5, within(1e-12));
        assertThat(s.frequencyDetectedHz()).isCloseTo(0.6, within(1e-12));
        assertThat(s.frequencyErrorPct()).isCloseTo(20, within(1e-9));
        Scorer.Matching m = new Scorer(truth, TOL).match(detected);
        assertThat(m.detectionOfTruth()).containsExactly(0, 1, -1, 3, -1);
        assertThat(m.truthOfDetection()).containsExactly(0, 1, -1, 3, -1, -1);
    }

    @Test
    void jsonHasTheDocumentedKeysAndNullForUndefinedRatios() {
        Score s = new Scorer(EventList.ofOnsets(1, 2), TOL).score(EventList.ofOnsets());
        var json = s.toJson();
        for (String k : new String[] {"tp", "fp", "fn", "precision", "recall", "f1", "amplitude_error_median_pct",
            "frequency_error_pct", "timing_error_median_ms", "matched_on"}) {
            assertThat(json.has(k)).as(k).isTrue();
        }
        assertThat(json.get("precision").isNull()).isTrue(); // 0 / 0
        assertThat(json.get("recall").asDouble()).isZero();
        assertThat(json.get("frequency_error_pct").asDouble()).isEqualTo(-100);
        assertThat(s.toText()).contains("recall     0.000").contains("precision  n/a");
    }

    @ParameterizedTest
    @ValueSource(longs = {1, 2, 3, 4, 5, 6})
    void swappingTheTablesSwapsErrorsOfBothKindsAndKeepsF1(long seed) {
        SplittableRandom rng = new SplittableRandom(seed);
        EventList a = randomList(rng, 200, 20);
        // b: jittered copies of 60 % of a, and 40 random times
        double[] bt = new double[160];
        int k = 0;
        for (int i = 0; i < 200 && k < 120; i++) {
            if (rng.nextInt(10) < 6) {
                bt[k++] = a.onsetS(i) + (rng.nextDouble() * 2 - 1) * 2e-3;
            }
        }
        while (k < bt.length) {
            bt[k++] = rng.nextDouble() * 20;
        }
        EventList b = EventList.ofOnsets(bt).withDurationS(20);
        Score ab = new Scorer(a, TOL).score(b);
        Score ba = new Scorer(b, TOL).score(a);
        assertThat(ab.tp()).isEqualTo(ba.tp()).isGreaterThan(50);
        assertThat(ab.fp()).isEqualTo(ba.fn());
        assertThat(ab.fn()).isEqualTo(ba.fp());
        assertThat(ab.precision()).isEqualTo(ba.recall());
        assertThat(ab.recall()).isEqualTo(ba.precision());
        assertThat(ab.f1()).isEqualTo(ba.f1());
        assertThat(ab.timingErrorMedianMs()).isCloseTo(ba.timingErrorMedianMs(), within(1e-9));
        assertThat(ab.timingBiasMs()).isCloseTo(-ba.timingBiasMs(), within(1e-9));
    }

    private static EventList randomList(SplittableRandom rng, int n, double durationS) {
        double[] t = new double[n];
        for (int i = 0; i < n; i++) {
            t[i] = rng.nextDouble() * durationS;
        }
        return EventList.ofOnsets(t).withDurationS(durationS);
    }

    @Test
    void nearestFirstGreedyLosesAMatchTheOptimumKeeps() {
        // Nearest pair first takes (1.2, 1.0) and strands 0.0 and 2.5; the optimum pairs
        // (0.0, 1.0) and (1.2, 2.5).
        Score s = new Scorer(EventList.ofOnsets(0, 1.2e-3), TOL).score(EventList.ofOnsets(1.0e-3, 2.5e-3));
        assertThat(s.tp()).isEqualTo(2);
        assertThat(s.timingErrorMedianMs()).isCloseTo(1.15, within(1e-9));
    }

    @Test
    void aChainWhereEveryLocalChoiceIsWrong() {
        // Each detection is 0.1 ms from the next true event but 1.3 ms after its own:
        // nearest-first matches (1.4, 1.3) and (2.8, 2.7) only; the optimum matches all three.
        EventList truth = EventList.ofOnsets(0, 1.4e-3, 2.8e-3);
        EventList det = EventList.ofOnsets(1.3e-3, 2.7e-3, 4.1e-3);
        Scorer.Matching m = new Scorer(truth, TOL).match(det);
        assertThat(m.detectionOfTruth()).containsExactly(0, 1, 2);
    }

    @Test
    void amongMaximalMatchingsTheSmallestTotalTimeErrorWins() {
        // Both (0↔0.5, 1↔1.5) and (0↔1.5, 1↔0.5) match two; the first costs 1.0 ms, the second 2.0 ms.
        Scorer.Matching m = new Scorer(EventList.ofOnsets(0, 1e-3), TOL).match(EventList.ofOnsets(0.5e-3, 1.5e-3));
        assertThat(m.detectionOfTruth()).containsExactly(0, 1);
        // One true event, two candidates: the nearer one is taken.
        Scorer.Matching one = new Scorer(EventList.ofOnsets(1.0), TOL).match(EventList.ofOnsets(0.9990, 1.0002));
        assertThat(one.detectionOfTruth()).containsExactly(1);
    }

    @Test
    void toleranceEdgesAreExact() {
        Scorer s = new Scorer(EventList.ofOnsets(1.0, 2.0, 3.0), TOL);
        // exactly 1.5 ms away either side: matched (0.0015 is not exact in binary; times are compared in ns)
        assertThat(s.score(EventList.ofOnsets(1.0015, 1.9985)).tp()).isEqualTo(2);
        // one nanosecond further: not matched
        assertThat(s.score(EventList.ofOnsets(1.001500001, 1.998499999)).tp()).isZero();
        // zero tolerance matches only identical times
        Scorer exact = new Scorer(EventList.ofOnsets(1.0, 2.0), 0);
        assertThat(exact.score(EventList.ofOnsets(1.0, 2.000000001)).tp()).isEqualTo(1);
        // input order does not matter
        assertThat(s.score(EventList.ofOnsets(3.0001, 1.0015, 2.0)).tp()).isEqualTo(3);
    }

    @ParameterizedTest
    @ValueSource(longs = {1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16})
    void matchesTheExhaustiveOptimumOnSmallDenseCases(long seed) {
        SplittableRandom rng = new SplittableRandom(seed);
        for (int round = 0; round < 200; round++) {
            int n = rng.nextInt(8);
            int m = rng.nextInt(8);
            long[] a = new long[n];
            long[] b = new long[m];
            // times on a coarse grid within a few tolerances, so ties, overlaps and chains abound
            for (int i = 0; i < n; i++) {
                a[i] = rng.nextInt(12) * 500;
            }
            for (int j = 0; j < m; j++) {
                b[j] = rng.nextInt(12) * 500;
            }
            Arrays.sort(a);
            Arrays.sort(b);
            long tol = 1000 + 250L * rng.nextInt(3);
            int[] partner = TimeMatcher.match(a, b, tol);
            int count = 0;
            long cost = 0;
            boolean[] used = new boolean[m];
            for (int i = 0; i < n; i++) {
                if (partner[i] >= 0) {
                    assertThat(used[partner[i]]).isFalse();
                    used[partner[i]] = true;
                    long d = Math.abs(a[i] - b[partner[i]]);
                    assertThat(d).isLessThanOrEqualTo(tol);
                    count++;
                    cost += d;
                }
            }
            long[] best = exhaustive(a, b, tol, 0, new boolean[m]);
            assertThat(new long[] {count, cost}).as("a=%s b=%s tol=%d", Arrays.toString(a), Arrays.toString(b), tol)
                    .containsExactly(best);
        }
    }

    /** {max count, min cost among those} by trying every assignment. */
    private static long[] exhaustive(long[] a, long[] b, long tol, int i, boolean[] used) {
        if (i == a.length) {
            return new long[] {0, 0};
        }
        long[] best = exhaustive(a, b, tol, i + 1, used); // a[i] unmatched
        for (int j = 0; j < b.length; j++) {
            long d = Math.abs(a[i] - b[j]);
            if (!used[j] && d <= tol) {
                used[j] = true;
                long[] r = exhaustive(a, b, tol, i + 1, used);
                used[j] = false;
                long c = r[0] + 1;
                long k = r[1] + d;
                if (c > best[0] || (c == best[0] && k < best[1])) {
                    best = new long[] {c, k};
                }
            }
        }
        return best;
    }

    @Test
    void scoresAHundredThousandEventsAgainstJitteredCopies() {
        SplittableRandom rng = new SplittableRandom(42);
        int n = 100_000;
        double[] truth = new double[n];
        double t = 0;
        for (int i = 0; i < n; i++) {
            t += -Math.log(1 - rng.nextDouble()) / 20; // 20 Hz for ~5000 s
            truth[i] = t;
        }
        // detections: 90 % of events, with ±1 ms uniform jitter, plus 10 000 random false ones
        double[] det = new double[n * 9 / 10 + 10_000];
        int k = 0;
        int kept = 0;
        for (int i = 0; i < n; i++) {
            if (rng.nextInt(10) != 0 && k < n * 9 / 10) {
                det[k++] = truth[i] + (rng.nextDouble() * 2 - 1) * 1e-3;
                kept++;
            }
        }
        while (k < det.length) {
            det[k++] = rng.nextDouble() * t;
        }
        Score s = new Scorer(EventList.ofOnsets(truth), TOL).score(EventList.ofOnsets(det));
        // every kept event is matched (its detection is within 1 ms); the random ones add a few
        // chance matches of missed events (each has a 3 ms window: ≈ 10 000·10 000·3 ms / 5000 s ≈ 60)
        assertThat(s.tp()).isBetween(kept, kept + 200);
        assertThat(s.timingErrorMedianMs()).isCloseTo(0.5, within(0.02));
    }

    @Test
    void matchesOnOnsetsWhenATableHasNoPeaksAndRefusesWhenNothingIsShared() {
        EventList truth = EventList.of(new double[] {1.0}, new double[] {1.002}, new double[] {10});
        Score s = new Scorer(truth, TOL).score(EventList.ofOnsets(1.0001));
        assertThat(s.matchedOn()).isEqualTo("onset");
        assertThat(s.tp()).isEqualTo(1);
        assertThat(s.amplitudeErrorMedianPa()).isNaN();
        Score p = new Scorer(truth, TOL).score(EventList.ofPeaks(1.0021));
        assertThat(p.matchedOn()).isEqualTo("peak");
        assertThatThrownBy(() -> new Scorer(EventList.ofOnsets(1.0), TOL).score(EventList.ofPeaks(1.0)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("onset").hasMessageContaining("peak");
        assertThatThrownBy(() -> new Scorer(truth, TOL, MatchOn.PEAK).score(EventList.ofOnsets(1.0)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("peak");
    }
}
