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
    }

    /** Samples before an onset estimate this characteriser may read. */
    public int reachBefore() {
        return baselineGap + baselineLength + 2;
    }

    /** Samples after an onset estimate this characteriser may read. */
    public int reachAfter() {
        return peakAfter + decayLength + 2;
    }

    /**
     * @param c the conditioned trace around the event
     * @param onsetEstimate the detector's onset position
     * @param previousPeak position of the previous detection's peak estimate (−∞ if none)
     * @param nextOnset onset estimate of the next detection (+∞ if none)
     */
    public Measurement measure(Window c, double onsetEstimate, double previousPeak, double nextOnset) {
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
        double peakPos = ip;
        double peakValue = best;
        if (ip > winLo && ip < winHi) {
            double ym = sign * d[ip - 1];
            double yp = sign * d[ip + 1];
            double curvature = ym - 2 * best + yp;
            if (curvature < 0) {
                double shift = 0.5 * (ym - yp) / curvature;
                if (Math.abs(shift) <= 1) {
                    peakPos = ip + shift;
                    peakValue = best - 0.25 * (ym - yp) * shift;
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
        double baseline = 0;
        for (int i = bStart; i < bEnd; i++) {
            baseline += sign * d[i];
        }
        baseline /= bEnd - bStart;
        double amplitude = peakValue - baseline;
        if (!(amplitude > 0)) {
            return new Measurement(onsetEstimate, base + peakPos, amplitude, sign * baseline, Double.NaN,
                    Double.NaN, Double.NaN, Double.NaN, Double.NaN, Double.NaN, false);
        }

        int searchStart = Math.max(winLo, Math.max(bStart - baselineLength, prev + 1));
        double t90 = crossingBefore(d, ip, searchStart, baseline + 0.9 * amplitude);
        double t50 = crossingBefore(d, ip, searchStart, baseline + 0.5 * amplitude);
        double t10 = crossingBefore(d, ip, searchStart, baseline + 0.1 * amplitude);
        double rise = (t90 - t10) * dtMs;
        double onset = Double.isNaN(rise) ? o : t10 - (t90 - t10) / 8;

        int dEnd = Math.min(Math.min(winHi, ip + decayLength), next - 1);
        int n = dEnd - ip + 1;
        ExponentialDecayFit.Result fit = ExponentialDecayFit.fit(d, ip, n, baseline, sign, 0.5, tauMax);
        double t50d = crossingAfter(d, ip, dEnd, baseline + 0.5 * amplitude);
        double halfDecay = (t50d - peakPos) * dtMs;
        double halfWidth = (t50d - t50) * dtMs;

        double charge = Double.NaN;
        int qStart = (int) Math.max(Math.ceil(onset), bEnd);
        if (qStart <= dEnd) {
            double area = 0;
            for (int i = qStart; i <= dEnd; i++) {
                area += sign * d[i] - baseline;
            }
            if (!Double.isNaN(fit.tau())) {
                area += fit.alpha() * Math.exp(-n / fit.tau()) / (1 - Math.exp(-1 / fit.tau()));
            }
            charge = area * dtMs;
        }
        boolean decayMissing = Double.isNaN(fit.tau()) && n >= decayLength / 3;
        return new Measurement(base + onset, base + peakPos, amplitude, sign * baseline, rise,
                fit.tau() * dtMs, fit.r2(), halfDecay, halfWidth, charge, decayMissing);
    }

    /** Sample rate of the trace this characteriser measures. */
    public double rateHz() {
        return rateHz;
    }

    /** The last time before {@code from} the signed trace was below {@code level}, interpolated. */
    private double crossingBefore(float[] d, int from, int limit, double level) {
        for (int j = from - 1; j >= limit; j--) {
            double v = sign * d[j];
            if (v < level) {
                double w = sign * d[j + 1];
                return j + (level - v) / (w - v);
            }
        }
        return Double.NaN;
    }

    /** The first time after {@code from} the signed trace fell below {@code level}, interpolated. */
    private double crossingAfter(float[] d, int from, int limit, double level) {
        for (int j = from + 1; j <= limit; j++) {
            double v = sign * d[j];
            if (v < level) {
                double u = sign * d[j - 1];
                return j - 1 + (u - level) / (u - v);
            }
        }
        return Double.NaN;
    }
}
