package org.mepsc.events;

import org.mepsc.detect.Template;
import org.mepsc.detect.Window;

/**
 * Measures one event on the conditioned trace: baseline, peak, amplitude, 10–90 % rise, decay,
 * half-width and charge. Windows scale with the template's kinetics, and are cut short by the
 * neighbouring detections so that a measurement never reaches into the next event's rise or the
 * previous event's peak.
 */
public final class EventCharacteriser {

    private final double rateHz;
    private final double dtMs;
    private final int sign;
    private final int baselineLength;
    private final int baselineGap;
    private final int peakBefore;
    private final int peakAfter;
    private final int decayLength;
    private final int peakHalfWidth;
    private final double decayConstant;
    private final int tailReach;
    private final double tauMax;

    /**
     * @param template the kinetics the windows are scaled to
     * @param rateHz sample rate of the trace measured
     * @param polarity the direction events go
     * @param settings window lengths
     */
    public EventCharacteriser(Template template, double rateHz, Polarity polarity, CharacterisationSettings settings) {
        this.rateHz = rateHz;
        this.dtMs = 1000 / rateHz;
        this.sign = polarity.sign();
        double perMs = rateHz / 1000;
        double tPeak = template.peakTimeMs();
        this.baselineLength = Math.max(2, (int) Math.round(settings.baselineMs() * perMs));
        this.baselineGap = (int) Math.round(settings.baselineGapMs() * perMs);
        this.peakBefore = Math.max(1, (int) Math.round(0.5 * tPeak * perMs));
        this.peakAfter = Math.max(2, (int) Math.round((tPeak + settings.peakSearchExtraMs()) * perMs));
        this.decayLength = Math.max(4, (int) Math.round(settings.decayWindowTaus() * template.decayMs() * perMs));
        this.tauMax = 20 * template.decayMs() * perMs;
        this.decayConstant = template.decayMs() * perMs;
        this.tailReach = (int) Math.round(5 * template.decayMs() * perMs);
        this.peakHalfWidth = Math.max(1, (int) Math.round(settings.peakFitFraction() * tPeak * perMs));
    }

    /** Samples of baseline before an onset estimate an event needs. */
    public int baselineReach() {
        return baselineGap + baselineLength + 2;
    }

    /** Samples before an onset estimate this characteriser may read (a previous event's baseline included). */
    public int reachBefore() {
        return tailReach + baselineGap + baselineLength + 2;
    }

    /** Samples after an onset estimate this characteriser may read. */
    public int reachAfter() {
        return peakAfter + decayLength + 2;
    }

    /**
     * @param c the conditioned trace around the event
     * @param onsetEstimate the detector's onset position
     * @param previousOnset onset estimate of the previous detection (−∞ if none)
     * @param previousPeak position of the previous detection's peak estimate (−∞ if none)
     * @param nextOnset onset estimate of the next detection (+∞ if none)
     */
    public Measurement measure(Window c, double onsetEstimate, double previousOnset, double previousPeak, double nextOnset) {
        float[] d = c.data();
        long base = c.origin();
        int winLo = 0;
        int winHi = c.length() - 1;
        int o = (int) (Math.round(onsetEstimate) - base);
        int next = Double.isInfinite(nextOnset) ? Integer.MAX_VALUE : (int) (Math.floor(nextOnset) - base);
        int prev = Double.isInfinite(previousPeak) ? Integer.MIN_VALUE : (int) (Math.ceil(previousPeak) - base);

        int lo = Math.max(Math.max(winLo, o - peakBefore), prev + 1);
        int hi = Math.min(Math.min(winHi, o + peakAfter), next - 1);
        if (hi <= lo) {
            return Measurement.noPeak(onsetEstimate);
        }
        int ip = lo;
        double best = sign * d[lo];
        for (int i = lo + 1; i <= hi; i++) {
            double v = sign * d[i];
            if (v > best) {
                best = v;
                ip = i;
            }
        }
        // positions below are offsets from the sample ip, so that their rounding does not depend on
        // where the window starts (chunked and whole-trace runs agree to the last bit)
        double peakRel = 0;
        double peakValue = best;
        // the peak from a least-squares parabola over ±peakHalfWidth samples: averaging several
        // samples keeps noise from inflating the amplitude as the single largest sample would
        int a = Math.max(winLo, ip - peakHalfWidth);
        int b = Math.min(Math.min(winHi, ip + peakHalfWidth), next - 1);
        if (b - a >= 2) {
            double s0 = 0, s1 = 0, s2 = 0, s3 = 0, s4 = 0, t0 = 0, t1 = 0, t2 = 0;
            for (int i = a; i <= b; i++) {
                double x = i - ip;
                double y = sign * d[i];
                double x2 = x * x;
                s0 += 1;
                s1 += x;
                s2 += x2;
                s3 += x2 * x;
                s4 += x2 * x2;
                t0 += y;
                t1 += x * y;
                t2 += x2 * y;
            }
            double[] q = solve3(s0, s1, s2, s3, s4, t0, t1, t2);
            if (q != null && q[2] < 0) {
                double shift = -q[1] / (2 * q[2]);
                if (Math.abs(shift) <= Math.max(1, peakHalfWidth / 2.0)) {
                    peakRel = shift;
                    peakValue = q[0] - q[1] * q[1] / (4 * q[2]);
                }
            }
        }

        int bEnd = Math.min(o - baselineGap, ip);
        int bStart = Math.max(Math.max(winLo, bEnd - baselineLength), prev + 1);
        if (bEnd - bStart < 1) {
            bStart = Math.max(winLo, Math.min(bStart, bEnd - 1));
            if (bEnd - bStart < 1) {
                return Measurement.noPeak(onsetEstimate);
            }
        }
        double level = 0;
        for (int i = bStart; i < bEnd; i++) {
            level += sign * d[i];
        }
        level /= bEnd - bStart;
        // On the tail of the previous event the baseline is still falling back: model it as that
        // tail, decaying with the template's time constant from the level before this event
        // towards the level before the previous one.
        double tailFrom = Double.NaN;
        int twiceCentre = bStart + bEnd - 1;
        int prevOn = Double.isInfinite(previousOnset) ? Integer.MIN_VALUE : (int) (Math.round(previousOnset) - base);
        if (prevOn != Integer.MIN_VALUE && o - prevOn < tailReach) {
            int pEnd = prevOn - baselineGap;
            int pStart = Math.max(winLo, pEnd - baselineLength);
            if (pEnd - pStart >= 1) {
                double before = 0;
                for (int i = pStart; i < pEnd; i++) {
                    before += sign * d[i];
                }
                tailFrom = before / (pEnd - pStart);
            }
        }
        Baseline bl = new Baseline(level, tailFrom, twiceCentre, decayConstant);
        double peakAbs = (double) (base + ip) + peakRel;

        double amplitude = peakValue - bl.at(ip, peakRel);
        if (!(amplitude > 0)) {
            return new Measurement(onsetEstimate, peakAbs, amplitude, sign * bl.at(o, 0), Double.NaN,
                    Double.NaN, Double.NaN, Double.NaN, Double.NaN, Double.NaN, false);
        }

        int searchStart = Math.max(winLo, Math.max(bStart - baselineLength, prev + 1));
        int dEnd = Math.min(Math.min(winHi, ip + decayLength), next - 1);
        // the signed trace minus its baseline over everything measured below
        int from = Math.min(searchStart, ip);
        float[] y = new float[dEnd - from + 1];
        for (int i = from; i <= dEnd; i++) {
            y[i - from] = (float) (sign * d[i] - bl.at(i, 0));
        }
        int ipy = ip - from;
        double t90 = crossingBefore(y, ipy, searchStart - from, 0.9 * amplitude);
        double t50 = crossingBefore(y, ipy, searchStart - from, 0.5 * amplitude);
        double t10 = crossingBefore(y, ipy, searchStart - from, 0.1 * amplitude);
        double rise = (t90 - t10) * dtMs;
        double onset = Double.isNaN(rise) ? o - ip : t10 - (t90 - t10) / 8;

        int n = dEnd - ip + 1;
        ExponentialDecayFit.Result fit = ExponentialDecayFit.fit(y, ipy, n, 0, 1, 0.5, tauMax);
        double t50d = crossingAfter(y, ipy, dEnd - from, 0.5 * amplitude);
        double halfDecay = (t50d - peakRel) * dtMs;
        double halfWidth = (t50d - t50) * dtMs;

        double charge = Double.NaN;
        // an onset extrapolated from a noisy rise may fall before the measured stretch
        int qStart = Math.max(Math.max(ip + (int) Math.ceil(onset), bEnd), from);
        if (qStart <= dEnd) {
            double area = 0;
            for (int i = qStart; i <= dEnd; i++) {
                area += y[i - from];
            }
            if (!Double.isNaN(fit.tau())) {
                area += fit.alpha() * Math.exp(-n / fit.tau()) / (1 - Math.exp(-1 / fit.tau()));
            }
            charge = area * dtMs;
        }
        boolean decayMissing = Double.isNaN(fit.tau()) && n >= decayLength / 3;
        return new Measurement((double) (base + ip) + onset, peakAbs, amplitude, sign * bl.at(ip, onset), rise,
                fit.tau() * dtMs, fit.r2(), halfDecay, halfWidth, charge, decayMissing);
    }

    /**
     * The baseline under an event: flat at {@code level}, or, on a previous event's tail, falling
     * exponentially from {@code level} (at {@code centre}) towards {@code tailFrom}.
     */
    private record Baseline(double level, double tailFrom, int twiceCentre, double tau) {
        /** At sample {@code i} plus {@code fraction}. */
        double at(int i, double fraction) {
            if (Double.isNaN(tailFrom)) {
                return level;
            }
            return tailFrom + (level - tailFrom) * Math.exp(-((2 * i - twiceCentre) / 2.0 + fraction) / tau);
        }
    }

    /** Solves the 3×3 normal equations of a parabola fit (symmetric Hankel matrix), or null. */
    private static double[] solve3(double s0, double s1, double s2, double s3, double s4, double t0, double t1, double t2) {
        double det = s0 * (s2 * s4 - s3 * s3) - s1 * (s1 * s4 - s3 * s2) + s2 * (s1 * s3 - s2 * s2);
        if (Math.abs(det) < 1e-12) {
            return null;
        }
        double c0 = (t0 * (s2 * s4 - s3 * s3) - s1 * (t1 * s4 - s3 * t2) + s2 * (t1 * s3 - s2 * t2)) / det;
        double c1 = (s0 * (t1 * s4 - t2 * s3) - t0 * (s1 * s4 - s3 * s2) + s2 * (s1 * t2 - t1 * s2)) / det;
        double c2 = (s0 * (s2 * t2 - s3 * t1) - s1 * (s1 * t2 - s3 * t0) + t0 * (s1 * s3 - s2 * s2)) / det;
        return new double[] {c0, c1, c2};
    }

    /** Sample rate of the trace this characteriser measures. */
    public double rateHz() {
        return rateHz;
    }

    /** The last time before {@code from} that {@code y} was below {@code level}, interpolated, relative to {@code from}. */
    private static double crossingBefore(float[] y, int from, int limit, double level) {
        for (int j = from - 1; j >= Math.max(0, limit); j--) {
            double v = y[j];
            if (v < level) {
                return (j - from) + (level - v) / (y[j + 1] - v);
            }
        }
        return Double.NaN;
    }

    /** The first time after {@code from} that {@code y} fell below {@code level}, interpolated, relative to {@code from}. */
    private static double crossingAfter(float[] y, int from, int limit, double level) {
        for (int j = from + 1; j <= limit; j++) {
            double v = y[j];
            if (v < level) {
                double u = y[j - 1];
                return (j - 1 - from) + (u - level) / (u - v);
            }
        }
        return Double.NaN;
    }
}
