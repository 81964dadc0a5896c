package org.mepsc.pipeline;

import java.util.Arrays;

/** A growable list of floats (no boxing). */
final class FloatList {

    private float[] values = new float[1024];
    private int size;

    void add(float v) {
        if (size == values.length) {
            values = Arrays.copyOf(values, size * 2);
        }
        values[size++] = v;
    }

    void addAll(FloatList other) {
        for (int i = 0; i < other.size; i++) {
            add(other.values[i]);
        }
    }

    int size() {
        return size;
    }

    float get(int i) {
        return values[i];
    }

    /** The backing array; only the first {@link #size()} values are meaningful. */
    float[] array() {
        return values;
    }
}
