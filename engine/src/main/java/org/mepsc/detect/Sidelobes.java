package org.mepsc.detect;

import java.util.Arrays;
import org.mepsc.filter.Fir;

/**
 * The side lobes of a linear detector's response to one event. A large event also lifts the
 * statistic a little way off its peak (positive lobes, which must not be taken for small events of
 * their own) and pushes it below zero nearby (negative lobes, which must not be taken for noise
 * when the noise level is judged from the statistic's negative excursions).
 * {@code positive[Δ]} is the largest response at a distance of at least {@code Δ} samples from
 * the peak, as a fraction of the peak; {@code negative[Δ]} the same for the response's negative part.
 */
public final class Sidelobes {

    private static final Sidelobes NONE = new Sidelobes(new double[] {1}, new double[] {0});

    private final double[] positive;
    private final double[] negative;

    private Sidelobes(double[] positive, double[] negative) {
        this.positive = positive;
        this.negative = negative;
    }

    /** No side-lobe rule (for detectors whose response is not a fixed shape). */
    public static Sidelobes none() {
        return NONE;
    }

    /**
     * The response of {@code kernel} to {@code event} (both at the detection rate), reduced to
     * its envelopes, each raised to at least {@code floor} within {@code floorReach} samples: real
     * events vary in their kinetics, and an event slower or faster than the template leaves bumps
     * in the response of a few per cent of its peak that no fixed shape predicts. Each envelope
     * ends where it falls below 1 %.
     */
    public static Sidelobes of(Fir kernel, double[] event, double floor, int floorReach) {
        double[] r = response(kernel, event);
        int peak = 0;
        for (int i = 1; i < r.length; i++) {
            if (r[i] > r[peak]) {
                peak = i;
            }
        }
        if (!(r[peak] > 0)) {
            return NONE;
        }
        return new Sidelobes(envelope(r, peak, 1, floor, floorReach), envelope(r, peak, -1, floor, floorReach));
    }

    /**
     * The full convolution of {@code kernel}'s taps with {@code event}: entry {@code i} sums
     * {@code taps[k]·event[i − k]} over the taps that meet the event, in rising order of k (a
     * kernel of thousands of taps meets a few hundred samples, so only those are visited). Four
     * entries are summed side by side, each in its own order, so that their additions, which each
     * wait for the one before, overlap: the same sums, bit for bit, in about a third of the time.
     */
    static double[] response(Fir kernel, double[] event) {
        double[] taps = kernel.taps();
        double[] r = new double[event.length + taps.length - 1];
        int i = 0;
        for (; i + 3 < r.length; i += 4) {
            // the taps all four entries use: from the fourth's first to the first's last
            int from = first(i + 3, event.length);
            int to = last(i, taps.length);
            if (from > to) {
                for (int j = i; j < i + 4; j++) {
                    r[j] = sum(taps, event, j, first(j, event.length), last(j, taps.length), 0);
                }
                continue;
            }
            double s0 = sum(taps, event, i, first(i, event.length), from - 1, 0);
            double s1 = sum(taps, event, i + 1, first(i + 1, event.length), from - 1, 0);
            double s2 = sum(taps, event, i + 2, first(i + 2, event.length), from - 1, 0);
            double s3 = sum(taps, event, i + 3, first(i + 3, event.length), from - 1, 0);
            for (int k = from; k <= to; k++) {
                double w = taps[k];
                s0 += w * event[i - k];
                s1 += w * event[i + 1 - k];
                s2 += w * event[i + 2 - k];
                s3 += w * event[i + 3 - k];
            }
            r[i] = sum(taps, event, i, to + 1, last(i, taps.length), s0);
            r[i + 1] = sum(taps, event, i + 1, to + 1, last(i + 1, taps.length), s1);
            r[i + 2] = sum(taps, event, i + 2, to + 1, last(i + 2, taps.length), s2);
            r[i + 3] = sum(taps, event, i + 3, to + 1, last(i + 3, taps.length), s3);
        }
        for (; i < r.length; i++) {
            r[i] = sum(taps, event, i, first(i, event.length), last(i, taps.length), 0);
        }
        return r;
    }

    /** The first tap that meets the event in entry {@code i}. */
    private static int first(int i, int eventLength) {
        return Math.max(0, i - eventLength + 1);
    }

    /** The last tap that meets the event in entry {@code i}. */
    private static int last(int i, int taps) {
        return Math.min(taps - 1, i);
    }

    /** {@code s} plus entry {@code i}'s terms for taps {@code from..to}, in rising order. */
    private static double sum(double[] taps, double[] event, int i, int from, int to, double s) {
        for (int k = from; k <= to; k++) {
            s += taps[k] * event[i - k];
        }
        return s;
    }

    private static double[] envelope(double[] r, int peak, int sign, double floor, int floorReach) {
        int reach = Math.max(peak, r.length - 1 - peak);
        double[] env = new double[Math.max(reach, floorReach) + 1];
        for (int d = reach; d >= 0; d--) {
            double v = 0;
            if (peak - d >= 0) {
                v = Math.max(v, sign * r[peak - d]);
            }
            if (peak + d < r.length) {
                v = Math.max(v, sign * r[peak + d]);
            }
            env[d] = Math.max(v / r[peak], d < reach ? env[d + 1] : 0);
        }
        for (int d = 0; d <= floorReach; d++) {
            env[d] = Math.max(env[d], floor);
        }
        if (sign > 0) {
            env[0] = 1;
        }
        int end = env.length;
        while (end > 1 && env[end - 1] < 0.01) {
            end--;
        }
        return Arrays.copyOf(env, end);
    }

    /** How far from a peak its side lobes matter. */
    public int reach() {
        return Math.max(positive.length, negative.length) - 1;
    }

    /**
     * Whether a detection of {@code z} at {@code distance} from a detection of {@code zLarger}
     * can be that one's positive side lobe plus noise of {@code margin}.
     */
    public boolean explains(double zLarger, double z, long distance, double margin) {
        long d = Math.abs(distance);
        return d < positive.length && z < zLarger * positive[(int) d] + margin;
    }

    /**
     * Whether a dip to {@code −depth} at {@code distance} from a detection of {@code z} can be that
     * one's negative side lobe plus noise of {@code margin}.
     */
    public boolean explainsDip(double z, double depth, long distance, double margin) {
        long d = Math.abs(distance);
        return d < negative.length && depth < z * negative[(int) d] + margin;
    }
}
