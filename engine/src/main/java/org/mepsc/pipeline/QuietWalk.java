package org.mepsc.pipeline;

import org.mepsc.simd.Simd;

/**
 * The artefact scan's common case: walking through samples that each change from the one before
 * by a nonzero amount no larger than the step threshold (such a stretch can end no flat run and
 * holds no jump). {@link Plain} compares one sample at a time; {@code VectorQuietWalk} a vector of
 * them, stopping at the same sample.
 */
interface QuietWalk {

    /** The implementation the artefact scan uses in this JVM (chosen when first needed). */
    QuietWalk FASTEST = Simd.choose(QuietWalk.class, "org.mepsc.pipeline.VectorQuietWalk", new Plain());

    /**
     * The first {@code i} in {@code [from, end)} where {@code d = raw[i] − raw[i − 1]} is zero or
     * not {@code |d| ≤ threshold} (NaN), or {@code end}; {@code from ≥ 1}.
     */
    int stop(float[] raw, int from, int end, float threshold);

    /**
     * The float {@code f} with {@code |d| ≤ f ⟺ |d| ≤ threshold} for every float {@code d}: the
     * largest float not above the threshold.
     */
    static float floatThreshold(double threshold) {
        float f = (float) threshold;
        return f > threshold ? Math.nextDown(f) : f;
    }

    /** One sample at a time. */
    final class Plain implements QuietWalk {

        @Override
        public int stop(float[] raw, int from, int end, float threshold) {
            int i = from;
            float prev = raw[i - 1];
            while (i < end) {
                float d = raw[i] - prev;
                if (d == 0 || !(Math.abs(d) <= threshold)) {
                    break;
                }
                prev = raw[i];
                i++;
            }
            return i;
        }
    }
}
