package org.mepsc.pipeline;

import java.util.Arrays;

/** A growable list of floats (no boxing). */
final class FloatList {

    private float[] values;
    private int size;

    FloatList() {
        this(1024);
    }

    /** A list with room for {@code capacity} values before it grows. */
    FloatList(int capacity) {
        values = new float[Math.max(1, capacity)];
    }

    void add(float v) {
        if (size == values.length) {
            values = Arrays.copyOf(values, size * 2);
        }
        values[size++] = v;
    }

    void addAll(FloatList other) {
        if (size + other.size > values.length) {
            values = Arrays.copyOf(values, Math.max(size + other.size, size * 2));
        }
        System.arraycopy(other.values, 0, values, size, other.size);
        size += other.size;
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
