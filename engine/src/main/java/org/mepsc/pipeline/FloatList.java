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

    /** Adds {@code x[from]}, {@code x[from + stride]}, … for {@code count} values. */
    void addEvery(float[] x, int from, int stride, int count) {
        if (size + count > values.length) {
            values = Arrays.copyOf(values, Math.max(size + count, size * 2));
        }
        if (stride == 1) {
            System.arraycopy(x, from, values, size, count);
        } else {
            for (int i = 0; i < count; i++) {
                values[size + i] = x[from + i * stride];
            }
        }
        size += count;
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
