package org.mepsc.score;

import java.util.Arrays;
import java.util.Comparator;
import java.util.stream.IntStream;
import org.apache.commons.statistics.descriptive.Quantile;

/**
 * Scores detections against true events: one-to-one matching in time within a tolerance
 * ({@link TimeMatcher}: the most matches, then the smallest total time difference), then
 * counts, precision, recall, F1, amplitude, frequency and timing errors.
 *
 * <p>A scorer holds one truth, sorted once; {@link #score} can then be called for many
 * detection lists (a threshold sweep) at O(n + m log m) each. Immutable and thread-safe.
 *
 * <p>Percentiles interpolate linearly between order statistics (Hyndman–Fan type 7, numpy's
 * default): the median of 1, 2, 3, 4 is 2.5 and their 90th percentile 3.7.
 */
public final class Scorer {

    private static final Quantile QUANTILE = Quantile.withDefaults().with(Quantile.EstimationMethod.HF7);

    private final EventList truth;
    private final double toleranceS;
    private final MatchOn matchOn;
    private final double durationS;
    /** The truth's times sorted once per key: original indices in time order, and the times in ns. */
    private final Sorted truthByPeak;
    private final Sorted truthByOnset;

    private record Sorted(int[] order, long[] nanos) {
        static Sorted of(double[] t) {
            int n = t.length;
            int[] order = new int[n];
            long[] ns = new long[n];
            boolean sorted = true;
            for (int i = 0; i < n; i++) {
                order[i] = i;
                ns[i] = Scorer.nanos(t[i]);
                sorted &= i == 0 || t[i - 1] <= t[i];
            }
            return sorted ? new Sorted(order, ns) : sortedCopy(t);
        }

        private static Sorted sortedCopy(double[] t) {
            Integer[] idx = IntStream.range(0, t.length).boxed().toArray(Integer[]::new);
            Arrays.sort(idx, Comparator.comparingDouble(i -> t[i]));
            int[] order = new int[t.length];
            long[] ns = new long[t.length];
            for (int i = 0; i < t.length; i++) {
                order[i] = idx[i];
                ns[i] = Scorer.nanos(t[idx[i]]);
            }
            return new Sorted(order, ns);
        }
    }

    /**
     * @param truth the true events (its duration, if any, gives frequencies in Hz)
     * @param toleranceS how far apart (s) a detection and a true event may be to match, inclusive
     * @param matchOn which times to match on
     */
    public Scorer(EventList truth, double toleranceS, MatchOn matchOn) {
        if (!(toleranceS >= 0) || toleranceS > 10) {
            throw new IllegalArgumentException("tolerance must be between 0 and 10 s (got " + toleranceS + " s)");
        }
        this.truth = truth;
        this.toleranceS = toleranceS;
        this.matchOn = matchOn;
        this.durationS = truth.durationS().orElse(Double.NaN);
        this.truthByPeak = truth.hasPeaks() ? Sorted.of(truth.times(MatchOn.PEAK)) : null;
        this.truthByOnset = truth.hasOnsets() ? Sorted.of(truth.times(MatchOn.ONSET)) : null;
    }

    public Scorer(EventList truth, double toleranceS) {
        this(truth, toleranceS, MatchOn.AUTO);
    }

    public EventList truth() {
        return truth;
    }

    /** The pairs found: for each true event, the index of its detection or −1; and the reverse. */
    public record Matching(MatchOn on, int[] detectionOfTruth, int[] truthOfDetection) {
        public int matches() {
            int n = 0;
            for (int d : detectionOfTruth) {
                n += d >= 0 ? 1 : 0;
            }
            return n;
        }
    }

    public Matching match(EventList detected) {
        MatchOn on = matchOn.resolve(truth, detected);
        Sorted t = on == MatchOn.PEAK ? truthByPeak : truthByOnset;
        Sorted d = Sorted.of(detected.times(on));
        int[] sortedPartner = TimeMatcher.match(t.nanos(), d.nanos(), nanos(toleranceS));
        int[] detOfTruth = new int[t.order().length];
        int[] truthOfDet = new int[d.order().length];
        Arrays.fill(truthOfDet, -1);
        for (int i = 0; i < detOfTruth.length; i++) {
            int p = sortedPartner[i];
            detOfTruth[t.order()[i]] = p < 0 ? -1 : d.order()[p];
            if (p >= 0) {
                truthOfDet[d.order()[p]] = t.order()[i];
            }
        }
        return new Matching(on, detOfTruth, truthOfDet);
    }

    /** Times are compared in whole nanoseconds, so a difference equal to the tolerance matches exactly. */
    private static long nanos(double s) {
        return Math.round(s * 1e9);
    }

    public Score score(EventList detected) {
        Matching m = match(detected);
        MatchOn on = m.on();
        int tp = m.matches();
        int nT = truth.size();
        int nD = detected.size();
        int fp = nD - tp;
        int fn = nT - tp;
        double[] timing = new double[tp];
        double[] timingSigned = new double[tp];
        boolean amplitudes = truth.hasAmplitudes() && detected.hasAmplitudes();
        double[] ampAbs = new double[amplitudes ? tp : 0];
        double[] ampPct = new double[amplitudes ? tp : 0];
        double[] ampSignedPct = new double[amplitudes ? tp : 0];
        int k = 0;
        double[] tt = truth.times(on);
        double[] dt = detected.times(on);
        for (int i = 0; i < nT; i++) {
            int d = m.detectionOfTruth()[i];
            if (d < 0) {
                continue;
            }
            double diffMs = (nanos(dt[d]) - nanos(tt[i])) * 1e-6;
            timing[k] = Math.abs(diffMs);
            timingSigned[k] = diffMs;
            if (amplitudes) {
                double trueAmp = truth.amplitudePa(i);
                double err = detected.amplitudePa(d) - trueAmp;
                ampAbs[k] = Math.abs(err);
                ampPct[k] = Math.abs(err) / trueAmp * 100;
                ampSignedPct[k] = err / trueAmp * 100;
            }
            k++;
        }
        double precision = ratio(tp, tp + fp);
        double recall = ratio(tp, tp + fn);
        double f1 = ratio(2.0 * tp, 2.0 * tp + fp + fn);
        return new Score(on.name().toLowerCase(java.util.Locale.ROOT), toleranceS * 1e3, nT, nD, tp, fp, fn,
                precision, recall, f1,
                quantile(ampAbs, 0.5), quantile(ampAbs, 0.9), quantile(ampPct, 0.5), quantile(ampPct, 0.9),
                quantile(ampSignedPct, 0.5),
                durationS, nT / durationS, nD / durationS, ratio(100.0 * (nD - nT), nT),
                quantile(timing, 0.5), quantile(timing, 0.9), quantile(timingSigned, 0.5));
    }

    private static double ratio(double a, double b) {
        return b == 0 ? Double.NaN : a / b;
    }

    static double quantile(double[] v, double p) {
        return v.length == 0 ? Double.NaN : QUANTILE.evaluate(v, p);
    }
}
