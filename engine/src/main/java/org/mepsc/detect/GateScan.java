package org.mepsc.detect;

import org.mepsc.simd.Simd;

/**
 * The peak picker's common case: finding the next sample that reaches the gate, past the many that
 * do not. {@link Plain} looks at one sample at a time; {@code VectorGateScan} at a vector of them,
 * stopping at the same sample.
 */
interface GateScan {

    /** The implementation the peak picker uses in this JVM (chosen when first needed). */
    GateScan FASTEST = Simd.choose(GateScan.class, "org.mepsc.detect.VectorGateScan", new Plain());

    /** The first {@code i} in {@code [from, to)} with {@code d[i] ≥ gate}, or {@code to}. */
    int first(float[] d, int from, int to, float gate);

    /**
     * The float {@code g} with {@code v ≥ g ⟺ v ≥ threshold} for every float {@code v}: the
     * smallest float not below the threshold.
     */
    static float gate(double threshold) {
        float g = (float) threshold;
        return g < threshold ? Math.nextUp(g) : g;
    }

    /** One sample at a time. */
    final class Plain implements GateScan {

        @Override
        public int first(float[] d, int from, int to, float gate) {
            int i = from;
            while (i < to && !(d[i] >= gate)) {
                i++;
            }
            return i;
        }
    }
}
