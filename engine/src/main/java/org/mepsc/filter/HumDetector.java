package org.mepsc.filter;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

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
    private final WelchSpectrum spectrum;

    /**
     * @param mainsHz the mains frequency found (50 or 60), or 0 if no hum
     * @param harmonicsHz the harmonics that stand out, ascending
     * @param segments how many segments were averaged
     */
    public record Result(double mainsHz, List<Double> harmonicsHz, int segments) {
    }

    public HumDetector(double sampleRateHz) {
        this.sampleRateHz = sampleRateHz;
        this.spectrum = new WelchSpectrum(sampleRateHz, Fft.nextPowerOfTwo((long) Math.ceil(sampleRateHz)));
    }

    /** Samples per segment (about one second). */
    public int segmentLength() {
        return spectrum.segmentLength();
    }

    /** Adds one segment of {@link #segmentLength()} finite samples starting at {@code offset}. */
    public void add(float[] x, int offset) {
        spectrum.add(x, offset);
    }

    /** One segment's periodogram, to be added later by {@link #add(double[])} (see {@link WelchSpectrum#periodogram}). */
    public double[] periodogram(float[] x, int offset) {
        return spectrum.periodogram(x, offset);
    }

    /** Adds a segment's periodogram from a detector of the same rate. */
    public void add(double[] periodogram) {
        spectrum.add(periodogram);
    }

    public Result result() {
        int segments = spectrum.segments();
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
        double binHz = spectrum.binHz();
        int bins = spectrum.bins();
        int lo = (int) Math.floor((f - 1) / binHz);
        int hi = (int) Math.ceil((f + 1) / binHz);
        double peak = 0;
        for (int k = Math.max(1, lo); k <= Math.min(bins - 1, hi); k++) {
            peak = Math.max(peak, spectrum.bin(k));
        }
        List<Double> side = new ArrayList<>();
        for (int k = (int) Math.floor((f - 12) / binHz); k <= (int) Math.ceil((f + 12) / binHz); k++) {
            double fk = k * binHz;
            if (k >= 1 && k < bins && Math.abs(fk - f) >= 3) {
                side.add(spectrum.bin(k));
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
