package org.mepsc.pipeline;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorMask;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;

/** {@link QuietWalk} a vector of samples at a time; loaded by name ({@link org.mepsc.simd.Simd}). */
final class VectorQuietWalk implements QuietWalk {

    private static final VectorSpecies<Float> SPECIES = FloatVector.SPECIES_PREFERRED;
    private final QuietWalk plain = new QuietWalk.Plain();

    @Override
    public int stop(float[] raw, int from, int end, float threshold) {
        FloatVector limit = FloatVector.broadcast(SPECIES, threshold);
        FloatVector zero = FloatVector.zero(SPECIES);
        int step = SPECIES.length();
        int i = from;
        for (; i <= end - step; i += step) {
            FloatVector d = FloatVector.fromArray(SPECIES, raw, i).sub(FloatVector.fromArray(SPECIES, raw, i - 1));
            VectorMask<Float> quiet = d.abs().compare(VectorOperators.LE, limit).and(d.compare(VectorOperators.NE, zero));
            if (!quiet.allTrue()) {
                return i + quiet.not().firstTrue();
            }
        }
        return plain.stop(raw, i, end, threshold);
    }
}
