package org.mepsc.detect;

import org.mepsc.filter.Fir;

/**
 * The positive side lobes of a linear detector's response to one event: a large event also
 * lifts the statistic a little way off its peak, and these bumps must not be taken for small
 * events of their own. {@code envelope[Δ]} is the largest response at a distance of at least
 * {@code Δ} samples from the peak, as a fraction of the peak.
 */
public final class Sidelobes {

    private static final Sidelobes NONE = new Sidelobes(new double[] {1});

    private final double[] envelope;

    private Sidelobes(double[] envelope) {
        this.envelope = envelope;
    }

    /** No side-lobe rule (for detectors whose response is not a fixed shape). */
    public static Sidelobes none() {
        return NONE;
    }

    /**
     * The response of {@code kernel} to {@code event} (both at the detection rate), reduced to
     * its envelope, and raised to at least {@code floor} within {@code floorReach} samples: real
     * events vary in their kinetics, and an event slower or faster than the template leaves bumps
     * in the response of a few per cent of its peak that no fixed shape predicts. The envelope
     * ends where it falls below 1 %.
     */
    public static Sidelobes of(Fir kernel, double[] event, double floor, int floorReach) {
        int n = event.length + kernel.length() - 1;
        double[] r = new double[n];
        int peak = 0;
        for (int i = 0; i < n; i++) {
            // r[i] ↔ output index i + kernel.first()
            double s = 0;
            for (int k = 0; k < kernel.length(); k++) {
                int e = i - k;
                if (e >= 0 && e < event.length) {
                    s += kernel.tap(kernel.first() + k) * event[e];
                }
            }
            r[i] = s;
            if (s > r[peak]) {
                peak = i;
            }
        }
        if (!(r[peak] > 0)) {
            return NONE;
        }
        int reach = Math.max(peak, n - 1 - peak);
        double[] env = new double[reach + 1];
        for (int d = reach; d >= 0; d--) {
            double v = 0;
            if (peak - d >= 0) {
                v = Math.max(v, r[peak - d]);
            }
            if (peak + d < n) {
                v = Math.max(v, r[peak + d]);
            }
            env[d] = Math.max(v / r[peak], d < reach ? env[d + 1] : 0);
        }
        if (env.length <= floorReach) {
            env = java.util.Arrays.copyOf(env, floorReach + 1);
        }
        for (int d = 0; d <= floorReach; d++) {
            env[d] = Math.max(env[d], floor);
        }
        int end = env.length;
        while (end > 1 && env[end - 1] < 0.01) {
            end--;
        }
        return new Sidelobes(java.util.Arrays.copyOf(env, end));
    }

    /** How far from a peak its side lobes matter. */
    public int reach() {
        return envelope.length - 1;
    }

    /**
     * Whether a detection of {@code z} at {@code distance} from a detection of {@code zLarger}
     * can be that one's side lobe plus noise of {@code margin}.
     */
    public boolean explains(double zLarger, double z, long distance, double margin) {
        long d = Math.abs(distance);
        return d < envelope.length && z < zLarger * envelope[(int) d] + margin;
    }
}
