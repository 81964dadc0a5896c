package org.mepsc.detect;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorMask;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;

/** {@link GateScan} a vector of samples at a time; loaded by name ({@link org.mepsc.simd.Simd}). */
final class VectorGateScan implements GateScan {

    private static final VectorSpecies<Float> SPECIES = FloatVector.SPECIES_PREFERRED;
    private final GateScan plain = new GateScan.Plain();

    @Override
    public int first(float[] d, int from, int to, float gate) {
        FloatVector limit = FloatVector.broadcast(SPECIES, gate);
        int step = SPECIES.length();
        int i = from;
        for (; i <= to - step; i += step) {
            VectorMask<Float> reaching = FloatVector.fromArray(SPECIES, d, i).compare(VectorOperators.GE, limit);
            if (reaching.anyTrue()) {
                return i + reaching.firstTrue();
            }
        }
        return plain.first(d, i, to, gate);
    }
}
