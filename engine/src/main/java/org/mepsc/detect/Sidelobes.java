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
     * kernel of thousands of taps meets a few hundred samples, so only those are visited).
     */
    static double[] response(Fir kernel, double[] event) {
        double[] taps = kernel.taps();
        double[] r = new double[event.length + taps.length - 1];
        for (int i = 0; i < r.length; i++) {
            double s = 0;
            for (int k = Math.max(0, i - event.length + 1), last = Math.min(taps.length - 1, i); k <= last; k++) {
                s += taps[k] * event[i - k];
            }
            r[i] = s;
        }
        return r;
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
