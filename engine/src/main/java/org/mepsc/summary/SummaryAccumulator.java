package org.mepsc.summary;

import java.util.Arrays;
import org.mepsc.events.Event;
import org.mepsc.events.EventSink;

/**
 * Gathers what the per-recording summary needs as events stream past: counts, and one number per
 * accepted event for the amplitude statistics and kinetic medians (events in overlaps are left out
 * of the kinetics). Memory grows with the number of events, never with the recording's length.
 */
public final class SummaryAccumulator implements EventSink {

    private double[] amplitudes = new double[256];
    private int amplitudeCount;
    private double[] rises = new double[256];
    private int riseCount;
    private double[] decays = new double[256];
    private int decayCount;
    private long rejected;

    @Override
    public void accept(Event e) {
        if (!e.accepted()) {
            rejected++;
            return;
        }
        amplitudes = add(amplitudes, amplitudeCount++, e.amplitude());
        if (!e.overlap()) {
            if (Double.isFinite(e.rise1090Ms())) {
                rises = add(rises, riseCount++, e.rise1090Ms());
            }
            if (Double.isFinite(e.decayTauMs())) {
                decays = add(decays, decayCount++, e.decayTauMs());
            }
        }
    }

    private static double[] add(double[] a, int i, double v) {
        double[] b = i < a.length ? a : Arrays.copyOf(a, a.length * 2);
        b[i] = v;
        return b;
    }

    public long accepted() {
        return amplitudeCount;
    }

    public long rejected() {
        return rejected;
    }

    public Stats amplitude() {
        return Stats.of(amplitudes, amplitudeCount);
    }

    public double riseMedian() {
        return Stats.of(rises, riseCount).median();
    }

    public double decayMedian() {
        return Stats.of(decays, decayCount).median();
    }

    /** Mean, median and sample SD (NaN when undefined). */
    public record Stats(double mean, double median, double sd) {

        static Stats of(double[] values, int n) {
            if (n == 0) {
                return new Stats(Double.NaN, Double.NaN, Double.NaN);
            }
            double[] v = Arrays.copyOf(values, n);
            Arrays.sort(v);
            double mean = 0;
            for (double x : v) {
                mean += x;
            }
            mean /= n;
            double ss = 0;
            for (double x : v) {
                ss += (x - mean) * (x - mean);
            }
            double median = n % 2 == 1 ? v[n / 2] : 0.5 * (v[n / 2 - 1] + v[n / 2]);
            return new Stats(mean, median, n > 1 ? Math.sqrt(ss / (n - 1)) : Double.NaN);
        }
    }
}
