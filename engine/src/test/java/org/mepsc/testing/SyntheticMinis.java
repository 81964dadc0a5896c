package org.mepsc.testing;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.mepsc.recording.ArrayRecording;

/**
 * Small deterministic test signals: white plus slowly wandering noise with biexponential events
 * at random times (inward by default). For unit tests only; accuracy work uses the project's
 * simulator.
 */
public final class SyntheticMinis {

    public final float[] samples;
    public final List<Double> onsetsS = new ArrayList<>();
    public final List<Double> amplitudes = new ArrayList<>();
    public final double rateHz;

    private SyntheticMinis(float[] samples, double rateHz) {
        this.samples = samples;
        this.rateHz = rateHz;
    }

    /**
     * @param seconds length
     * @param rateHz sample rate
     * @param eventHz mean event rate (Poisson)
     * @param amplitude mean amplitude (pA); each event is amplitude × (0.7..1.3)
     * @param noiseSd white noise SD (pA)
     * @param riseMs rise time constant
     * @param decayMs decay time constant
     */
    public static SyntheticMinis make(long seed, double seconds, double rateHz, double eventHz, double amplitude,
            double noiseSd, double riseMs, double decayMs) {
        SplittableRandom r = new SplittableRandom(seed);
        int n = (int) Math.round(seconds * rateHz);
        float[] x = new float[n];
        double wander = 0;
        for (int i = 0; i < n; i++) {
            wander = 0.9995 * wander + 0.02 * noiseSd * r.nextGaussian();
            x[i] = (float) (-50 + noiseSd * r.nextGaussian() + wander);
        }
        SyntheticMinis s = new SyntheticMinis(x, rateHz);
        double tPeak = Math.log(decayMs / riseMs) * riseMs * decayMs / (decayMs - riseMs);
        double norm = Math.exp(-tPeak / decayMs) - Math.exp(-tPeak / riseMs);
        double t = 0.05 + r.nextExponential() / eventHz;
        while (t < seconds - 0.1) {
            double a = amplitude * (0.7 + 0.6 * r.nextDouble());
            s.onsetsS.add(t);
            s.amplitudes.add(a);
            int start = (int) Math.ceil(t * rateHz);
            for (int i = start; i < n; i++) {
                double dt = (i / rateHz - t) * 1000;
                if (dt > 8 * decayMs) {
                    break;
                }
                x[i] -= (float) (a * (Math.exp(-dt / decayMs) - Math.exp(-dt / riseMs)) / norm);
            }
            t += 0.004 + r.nextExponential() / eventHz;
        }
        return s;
    }

    public ArrayRecording recording() {
        return ArrayRecording.singleCurrent("IN0", rateHz, samples);
    }

    /** How many of the onsets have a detected onset within {@code toleranceS} (each used once). */
    public int matched(List<Double> detectedOnsetsS, double toleranceS) {
        boolean[] used = new boolean[detectedOnsetsS.size()];
        int hits = 0;
        for (double t : onsetsS) {
            int best = -1;
            double bestD = toleranceS;
            for (int j = 0; j < detectedOnsetsS.size(); j++) {
                double dd = Math.abs(detectedOnsetsS.get(j) - t);
                if (!used[j] && dd <= bestD) {
                    best = j;
                    bestD = dd;
                }
            }
            if (best >= 0) {
                used[best] = true;
                hits++;
            }
        }
        return hits;
    }
}
