package org.mepsc.detect;

/**
 * The k-th smallest of many floats in linear time (quickselect), without sorting them all. The
 * order is that of {@link java.util.Arrays#sort(float[])} ({@link Float#compare}: −0.0 before
 * 0.0, NaN last), so every value returned is exactly the one a full sort would put at index k.
 */
public final class OrderStatistics {

    private final int[] keys;
    private final int size;

    /** Copies {@code values[0..count)}; the array is not changed. */
    public OrderStatistics(float[] values, int count) {
        keys = new int[count];
        for (int i = 0; i < count; i++) {
            keys[i] = key(values[i]);
        }
        size = count;
    }

    public int size() {
        return size;
    }

    /** The value a sort would put at index {@code k}. Reorders the copy: later calls stay exact. */
    public float select(int k) {
        if (k < 0 || k >= size) {
            throw new IndexOutOfBoundsException("order statistic " + k + " of " + size);
        }
        int lo = 0;
        int hi = size - 1;
        long state = 0x9E3779B97F4A7C15L ^ size;
        while (hi > lo) {
            state = state * 6364136223846793005L + 1442695040888963407L;
            int pivot = keys[lo + (int) Long.remainderUnsigned(state >>> 1, hi - lo + 1)];
            // three-way partition: [lo, lt) < pivot, [lt, gt] == pivot, (gt, hi] > pivot
            int lt = lo;
            int gt = hi;
            int i = lo;
            while (i <= gt) {
                int v = keys[i];
                if (v < pivot) {
                    keys[i++] = keys[lt];
                    keys[lt++] = v;
                } else if (v > pivot) {
                    keys[i] = keys[gt];
                    keys[gt--] = v;
                } else {
                    i++;
                }
            }
            if (k < lt) {
                hi = lt - 1;
            } else if (k > gt) {
                lo = gt + 1;
            } else {
                return value(pivot);
            }
        }
        return value(keys[k]);
    }

    /**
     * The smallest value above index {@code k} after {@link #select select(k)}: the value a sort
     * would put at index {@code k + 1}.
     */
    public float next(int k) {
        if (k + 1 >= size) {
            throw new IndexOutOfBoundsException("order statistic " + (k + 1) + " of " + size);
        }
        int min = Integer.MAX_VALUE;
        for (int i = k + 1; i < size; i++) {
            min = Math.min(min, keys[i]);
        }
        return value(min);
    }

    /** The linear interpolation between order statistics that numpy's default quantile uses. */
    public double quantile(double q) {
        double pos = q * (size - 1);
        int i = (int) Math.floor(pos);
        float a = select(i);
        float b = i + 1 < size ? next(i) : a;
        return a + (pos - i) * (b - a);
    }

    /** An int whose signed order is Float.compare's order of the float. */
    private static int key(float f) {
        int bits = Float.floatToIntBits(f);
        return bits ^ ((bits >> 31) & 0x7fffffff);
    }

    private static float value(int key) {
        return Float.intBitsToFloat(key ^ ((key >> 31) & 0x7fffffff));
    }
}
