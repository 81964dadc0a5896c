package org.mepsc.sim;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;

/**
 * The simulated events: Poisson onsets, log-normal amplitudes and time constants, biexponential
 * shapes. Each event is scaled so that its own waveform, after the low-pass filter, peaks at the
 * drawn amplitude; that filtered peak (time and size) is the ground truth.
 */
final class EventTrain {

    /** An event's tail is dropped after this many decay time constants (e^−30 ≈ 1e−13). */
    private static final double TAIL_TAUS = 30;

    private final double sampleRateHz;
    private final double[] onsetS;
    private final double[] riseS;
    private final double[] decayS;
    /** Signed factor turning exp(−t/τd) − exp(−t/τr) into pA. */
    private final double[] factor;
    private final long[] firstSample;
    private final long[] endSample;
    private final long longestSpan;
    private final List<GroundTruthEvent> truth;

    private EventTrain(double sampleRateHz, double[] onsetS, double[] riseS, double[] decayS, double[] factor,
            long[] firstSample, long[] endSample, List<GroundTruthEvent> truth) {
        this.sampleRateHz = sampleRateHz;
        this.onsetS = onsetS;
        this.riseS = riseS;
        this.decayS = decayS;
        this.factor = factor;
        this.firstSample = firstSample;
        this.endSample = endSample;
        long span = 0;
        for (int i = 0; i < onsetS.length; i++) {
            span = Math.max(span, endSample[i] - firstSample[i]);
        }
        this.longestSpan = span;
        this.truth = List.copyOf(truth);
    }

    /**
     * Draws the events of a trace of {@code samples} samples. Events whose filtered peak would
     * fall after the last sample are left out (they could not be seen whole).
     */
    static EventTrain generate(SimulationParameters p, BesselLowPass filter, long samples) {
        double fs = p.sampleRateHz();
        double duration = samples / fs;
        double lastSampleS = (samples - 1) / fs;
        SplittableRandom rng = CounterRandom.sequence(p.seed(), CounterRandom.EVENTS, 0);
        double sigmaAmp = logSigma(p.amplitudeCv());
        double sigmaKin = logSigma(p.kineticsCv());
        int expected = (int) Math.min(Integer.MAX_VALUE - 8, p.rateHz() * duration * 1.1 + 16);
        Growing g = new Growing(Math.min(expected, 1 << 20));
        List<GroundTruthEvent> truth = new ArrayList<>();
        double t = 0;
        while (p.rateHz() > 0) {
            t += -Math.log(1 - rng.nextDouble()) / p.rateHz();
            if (t >= duration) {
                break;
            }
            double amplitude = p.amplitudeMedianPa() * Math.exp(sigmaAmp * rng.nextGaussian());
            double rise;
            double decay;
            do { // kinetics are redrawn in the rare case the rise would not be faster than the decay
                rise = p.riseTauMs() * 1e-3 * Math.exp(sigmaKin * rng.nextGaussian());
                decay = p.decayTauMs() * 1e-3 * Math.exp(sigmaKin * rng.nextGaussian());
            } while (!(decay > rise));
            long first = (long) Math.ceil(t * fs);
            FilteredPeak peak = filteredPeak(t, rise, decay, first, fs, filter);
            double peakS = (first + peak.sampleOffset()) / fs;
            if (peakS > lastSampleS) {
                continue;
            }
            double f = p.polarity().sign() * amplitude / peak.value();
            long end = first + (long) Math.ceil(TAIL_TAUS * decay * fs) + 1;
            g.add(t, rise, decay, f, first, end);
            truth.add(new GroundTruthEvent(t, peakS, amplitude, rise * 1e3, decay * 1e3));
        }
        return new EventTrain(fs, g.trim(g.onset), g.trim(g.rise), g.trim(g.decay), g.trim(g.factor),
                g.trim(g.first), g.trim(g.end), truth);
    }

    /** σ of log(X) for a log-normal X with coefficient of variation {@code cv}. */
    static double logSigma(double cv) {
        return Math.sqrt(Math.log1p(cv * cv));
    }

    /** Where the unit shape exp(−t/τd) − exp(−t/τr) peaks, after the filter, and how high. */
    record FilteredPeak(double sampleOffset, double value) {
    }

    private static FilteredPeak filteredPeak(double onset, double rise, double decay, long first, double fs,
            BesselLowPass filter) {
        double rawPeak = rise * decay / (decay - rise) * Math.log(decay / rise);
        int length = (int) Math.ceil((rawPeak + onset) * fs - first) + filter.settleSamples(1e-6) + 8;
        while (true) {
            double[] y = new double[length];
            for (int i = 0; i < length; i++) {
                double tt = (first + i) / fs - onset;
                y[i] = Math.exp(-tt / decay) - Math.exp(-tt / rise);
            }
            filter.filter(y);
            int best = 0;
            for (int i = 1; i < length; i++) {
                if (y[i] > y[best]) {
                    best = i;
                }
            }
            if (best < length - 1) {
                // a parabola through the three samples around the sampled maximum (zero before onset)
                double ym = best == 0 ? 0 : y[best - 1];
                double y0 = y[best];
                double yp = y[best + 1];
                double curvature = ym - 2 * y0 + yp;
                double delta = curvature < 0 ? 0.5 * (ym - yp) / curvature : 0;
                return new FilteredPeak(best + delta, y0 - 0.25 * (ym - yp) * delta);
            }
            length *= 2; // still rising at the end of the window: look further
        }
    }

    List<GroundTruthEvent> truth() {
        return truth;
    }

    /** Adds the (unfiltered) events over samples {@code first … first + x.length − 1} to {@code x}. */
    void addTo(double[] x, long first) {
        long end = first + x.length;
        int i = lowerBound(firstSample, first - longestSpan);
        for (; i < onsetS.length && firstSample[i] < end; i++) {
            if (endSample[i] <= first) {
                continue;
            }
            long s = Math.max(first, firstSample[i]);
            long e = Math.min(end, endSample[i]);
            double tt = s / sampleRateHz - onsetS[i];
            double d = Math.exp(-tt / decayS[i]);
            double r = Math.exp(-tt / riseS[i]);
            double dStep = Math.exp(-1 / (sampleRateHz * decayS[i]));
            double rStep = Math.exp(-1 / (sampleRateHz * riseS[i]));
            double f = factor[i];
            for (int k = (int) (s - first), stop = (int) (e - first); k < stop; k++) {
                x[k] += f * (d - r);
                d *= dStep;
                r *= rStep;
            }
        }
    }

    /** The first index whose value is ≥ key in a sorted array. */
    static int lowerBound(long[] a, long key) {
        int lo = 0;
        int hi = a.length;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (a[mid] < key) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }

    /** Column arrays that grow as events are drawn. */
    private static final class Growing {
        double[] onset;
        double[] rise;
        double[] decay;
        double[] factor;
        long[] first;
        long[] end;
        int n;

        Growing(int capacity) {
            int c = Math.max(16, capacity);
            onset = new double[c];
            rise = new double[c];
            decay = new double[c];
            factor = new double[c];
            first = new long[c];
            end = new long[c];
        }

        void add(double t, double r, double d, double f, long s, long e) {
            if (n == onset.length) {
                int c = n * 2;
                onset = Arrays.copyOf(onset, c);
                rise = Arrays.copyOf(rise, c);
                decay = Arrays.copyOf(decay, c);
                factor = Arrays.copyOf(factor, c);
                first = Arrays.copyOf(first, c);
                end = Arrays.copyOf(end, c);
            }
            onset[n] = t;
            rise[n] = r;
            decay[n] = d;
            factor[n] = f;
            first[n] = s;
            end[n] = e;
            n++;
        }

        double[] trim(double[] a) {
            return Arrays.copyOf(a, n);
        }

        long[] trim(long[] a) {
            return Arrays.copyOf(a, n);
        }
    }
}
