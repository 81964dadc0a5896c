package org.mepsc.simd;

import java.util.function.IntSupplier;
import jdk.incubator.vector.FloatVector;

/** The preferred vector's width; loaded by name, only when the incubator module is present. */
final class VectorWidth implements IntSupplier {

    @Override
    public int getAsInt() {
        return FloatVector.SPECIES_PREFERRED.length();
    }
}
