package org.mepsc.pipeline;

import java.util.Arrays;

/** Detections in order: positions and z values, without boxing. */
final class PeakList {

    private long[] positions = new long[64];
    private float[] z = new float[64];
    private int size;

    void add(long position, float value) {
        if (size == positions.length) {
            positions = Arrays.copyOf(positions, size * 2);
            z = Arrays.copyOf(z, size * 2);
        }
        positions[size] = position;
        z[size] = value;
        size++;
    }

    int size() {
        return size;
    }

    long position(int i) {
        return positions[i];
    }

    float z(int i) {
        return z[i];
    }
}
