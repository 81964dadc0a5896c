package org.mepsc.filter;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.jtransforms.fft.DoubleFFT_1D;

/**
 * Finds mains hum (50 or 60 Hz and harmonics) in a trace's spectrum: a Welch average of
 * Hann-windowed segments of about one second, in which a harmonic counts as hum when its peak
 * stands well above the median of the spectrum on either side of it. The margin demanded shrinks
 * as more segments are averaged (the average's scatter shrinks).
 */
public final class HumDetector {

    /** Harmonics above this are not examined (and never notched). */
    public static final double MAX_HZ = 1000;

    private final double sampleRateHz;
    private final int segment;
    private final double[] power;
    private final double[] window;
    private final double[] work;
    private final DoubleFFT_1D fft;
    private int segments;

    /**
     * @param mainsHz the mains frequency found (50 or 60), or 0 if no hum
     * @param harmonicsHz the harmonics that stand out, ascending
     * @param segments how many segments were averaged
     */
    public record Result(double mainsHz, List<Double> harmonicsHz, int segments) {
    }

    public HumDetector(double sampleRateHz) {
        this.sampleRateHz = sampleRateHz;
        this.segment = Fft.nextPowerOfTwo((long) Math.ceil(sampleRateHz));
        this.power = new double[segment / 2 + 1];
        this.window = new double[segment];
        for (int i = 0; i < segment; i++) {
            window[i] = 0.5 - 0.5 * Math.cos(2 * Math.PI * i / segment);
        }
        this.work = new double[segment];
        this.fft = Fft.real(segment);
    }

    /** Samples per segment (about one second). */
    public int segmentLength() {
        return segment;
    }

    /** Adds one segment of {@link #segmentLength()} finite samples starting at {@code offset}. */
    public void add(float[] x, int offset) {
        double mean = 0;
        for (int i = 0; i < segment; i++) {
            mean += x[offset + i];
        }
        mean /= segment;
        for (int i = 0; i < segment; i++) {
            work[i] = (x[offset + i] - mean) * window[i];
        }
        fft.realForward(work);
        power[0] += work[0] * work[0];
        power[segment / 2] += work[1] * work[1];
        for (int k = 1; k < segment / 2; k++) {
            power[k] += work[2 * k] * work[2 * k] + work[2 * k + 1] * work[2 * k + 1];
        }
        segments++;
    }

    public Result result() {
        if (segments == 0) {
            return new Result(0, List.of(), 0);
        }
        double margin = 1 + 20 / Math.sqrt(segments);
        List<Double> best = List.of();
        double bestScore = 0;
        double bestMains = 0;
        for (double mains : new double[] {50, 60}) {
            List<Double> found = new ArrayList<>();
            double score = 0;
            for (double f = mains; f <= Math.min(MAX_HZ, 0.8 * sampleRateHz / 2); f += mains) {
                double ratio = peakOverBackground(f);
                if (ratio > margin) {
                    found.add(f);
                    score += Math.log(ratio);
                }
            }
            if (score > bestScore) {
                bestScore = score;
                best = found;
                bestMains = mains;
            }
        }
        return new Result(bestMains, List.copyOf(best), segments);
    }

    private double peakOverBackground(double f) {
        double binHz = sampleRateHz / segment;
        int lo = (int) Math.floor((f - 1) / binHz);
        int hi = (int) Math.ceil((f + 1) / binHz);
        double peak = 0;
        for (int k = Math.max(1, lo); k <= Math.min(power.length - 1, hi); k++) {
            peak = Math.max(peak, power[k]);
        }
        List<Double> side = new ArrayList<>();
        for (int k = (int) Math.floor((f - 12) / binHz); k <= (int) Math.ceil((f + 12) / binHz); k++) {
            double fk = k * binHz;
            if (k >= 1 && k < power.length && Math.abs(fk - f) >= 3) {
                side.add(power[k]);
            }
        }
        if (side.isEmpty()) {
            return 0;
        }
        double[] s = side.stream().mapToDouble(Double::doubleValue).toArray();
        Arrays.sort(s);
        double median = s[s.length / 2];
        return median > 0 ? peak / median : 0;
    }
}
