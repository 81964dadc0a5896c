package org.mepsc.sim;

import java.util.SplittableRandom;

/**
 * White plus 1/f ("pink") noise, generated before the low-pass filter and scaled so that after
 * it the noise has the requested SD, with the requested share of its variance 1/f.
 *
 * <p>The 1/f part is Voss–McCartney noise: rows k = 0…K−1, row k holding one Gaussian value for
 * 2^k samples (each row with its own random phase). Equal variance per octave of hold length
 * gives a spectrum falling as 1/f from the sample rate down to about fs / 2^K; K is chosen so
 * the slowest row changes about eight times over the trace. Row k's value over sample n is a
 * hash of (seed, k, ⌊(n + phase_k) / 2^k⌋), so any stretch is generated on its own. Row 0 is
 * plain white noise and is generated with the white part.
 *
 * <p>Scaling: the filtered variance of a row holding for H samples is σ² Σ_m (1 − |m|/H)₊ r(m),
 * with r the autocorrelation of the filter's impulse response (its average over the phase);
 * white noise is the case H = 1, σ² r(0). What a user measures is the SD about the trace's own
 * mean, which misses the part of each slow row that the mean absorbs: the variance of an N-sample
 * mean of a hold-H process, σ²·S/N with S = Σ_{|m|<H} (1 − |m|/N)(1 − |m|/H). That is subtracted,
 * so the expected SD measured over the whole trace is the requested one. The pre-filter SDs
 * follow from those sums. (1/f noise varies from trace to trace more than white noise: with all
 * noise 1/f, the SD of one 30 s trace scatters by about 3 %.)
 */
final class NoiseModel {

    /** White noise is drawn in chunks of this many samples, each from its own seeded sequence. */
    private static final int WHITE_CHUNK = 256;

    private final long seed;
    private final double whiteSd;
    private final double rowSd;
    private final int rows;
    private final long[] rowPhase;

    NoiseModel(double sdPa, double pinkFraction, BesselLowPass filter, long totalSamples, long seed) {
        this.seed = seed;
        this.rows = rowCount(totalSamples);
        this.rowPhase = new long[rows];
        for (int k = 1; k < rows; k++) {
            rowPhase[k] = Math.floorMod(CounterRandom.key(seed, CounterRandom.PINK_OFFSET, k), 1L << k);
        }
        double[] r = filterAutocorrelation(filter);
        double whiteVariance = (1 - pinkFraction) * sdPa * sdPa / r[0];
        double rowGainSum = 0;
        for (int k = 0; k < rows; k++) {
            rowGainSum += holdGain(r, 1L << k) - meanVarianceShare(1L << k, totalSamples);
        }
        double rowVariance = pinkFraction * sdPa * sdPa / rowGainSum;
        this.rowSd = Math.sqrt(rowVariance);
        this.whiteSd = Math.sqrt(whiteVariance + rowVariance); // row 0 merged into the white part
    }

    /** Voss rows: the slowest changes about eight times over the trace (at least one row). */
    static int rowCount(long totalSamples) {
        int log2 = 63 - Long.numberOfLeadingZeros(Math.max(1, totalSamples));
        return Math.max(1, Math.min(40, log2 - 2));
    }

    int rows() {
        return rows;
    }

    /** The lowest frequency with a 1/f spectrum, about fs / 2^rows. */
    double pinkFloorHz(double sampleRateHz) {
        return sampleRateHz / Math.pow(2, rows);
    }

    /** r(m) = Σ h[i]·h[i+m] for the filter's impulse response h, m ≥ 0, until h has decayed. */
    private static double[] filterAutocorrelation(BesselLowPass filter) {
        if (filter.isNone()) {
            return new double[] {1};
        }
        double[] h = filter.impulseResponse(Math.max(1, filter.settleSamples(1e-9)));
        double[] r = new double[h.length];
        for (int m = 0; m < h.length; m++) {
            double s = 0;
            for (int i = 0; i + m < h.length; i++) {
                s += h[i] * h[i + m];
            }
            r[m] = s;
        }
        return r;
    }

    /** Filtered variance of a unit-variance process holding each value for {@code hold} samples. */
    private static double holdGain(double[] r, long hold) {
        double g = r[0];
        for (int m = 1; m < r.length && m < hold; m++) {
            g += 2 * (1 - (double) m / hold) * r[m];
        }
        return g;
    }

    /**
     * Var(mean of N samples) / σ² for a process holding each unit-variance value for H samples
     * (random phase, H ≤ N): S / N with S = Σ_{|m|<H} (1 − |m|/N)(1 − |m|/H), in closed form.
     */
    static double meanVarianceShare(long hold, long n) {
        double h = Math.min(hold, n);
        double big = n;
        double m = h - 1;
        double sumM = m * (m + 1) / 2;
        double sumM2 = m * (m + 1) * (2 * m + 1) / 6;
        double s = 1 + 2 * (m - (1 / big + 1 / h) * sumM + sumM2 / (big * h));
        return s / big;
    }

    /** Adds the pre-filter noise for samples {@code first … first + x.length − 1} (may be negative) to {@code x}. */
    void addTo(double[] x, long first) {
        if (whiteSd == 0 && rowSd == 0) {
            return;
        }
        int n = x.length;
        long end = first + n;
        for (long c = Math.floorDiv(first, WHITE_CHUNK); c * WHITE_CHUNK < end; c++) {
            SplittableRandom rng = CounterRandom.sequence(seed, CounterRandom.WHITE, c);
            long c0 = c * WHITE_CHUNK;
            for (int i = 0; i < WHITE_CHUNK; i++) {
                double g = rng.nextGaussian();
                long s = c0 + i;
                if (s >= first && s < end) {
                    x[(int) (s - first)] += whiteSd * g;
                }
            }
        }
        if (rowSd == 0) {
            return;
        }
        for (int k = 1; k < rows; k++) {
            long phase = rowPhase[k];
            long s = first;
            while (s < end) {
                long j = (s + phase) >> k; // floor division by 2^k, also for negative samples
                long segmentEnd = Math.min(end, ((j + 1) << k) - phase);
                double v = rowSd * CounterRandom.gaussian(CounterRandom.key(seed, CounterRandom.PINK, k, j));
                for (int i = (int) (s - first), e = (int) (segmentEnd - first); i < e; i++) {
                    x[i] += v;
                }
                s = segmentEnd;
            }
        }
    }
}
