package org.mepsc.pipeline;

import java.util.Arrays;

/** Half-open intervals {@code [start, end)} of sample indices; merged on demand. */
final class Intervals {

    private long[] starts = new long[16];
    private long[] ends = new long[16];
    private int size;
    private boolean merged = true;

    void add(long start, long end) {
        if (end <= start) {
            return;
        }
        if (size > 0 && merged && start <= ends[size - 1] && start >= starts[size - 1]) {
            ends[size - 1] = Math.max(ends[size - 1], end);
            return;
        }
        if (size == starts.length) {
            starts = Arrays.copyOf(starts, size * 2);
            ends = Arrays.copyOf(ends, size * 2);
        }
        if (size > 0 && start < ends[size - 1]) {
            merged = false;
        } else if (size > 0 && start < starts[size - 1]) {
            merged = false;
        }
        starts[size] = start;
        ends[size] = end;
        size++;
    }

    /** Sorts and merges overlapping or touching intervals. */
    void merge() {
        if (merged) {
            return;
        }
        Integer[] order = new Integer[size];
        for (int i = 0; i < size; i++) {
            order[i] = i;
        }
        Arrays.sort(order, (a, b) -> Long.compare(starts[a], starts[b]));
        long[] s = new long[Math.max(16, size)];
        long[] e = new long[Math.max(16, size)];
        int n = 0;
        for (int k = 0; k < size; k++) {
            int i = order[k];
            if (n > 0 && starts[i] <= e[n - 1]) {
                e[n - 1] = Math.max(e[n - 1], ends[i]);
            } else {
                s[n] = starts[i];
                e[n] = ends[i];
                n++;
            }
        }
        starts = s;
        ends = e;
        size = n;
        merged = true;
    }

    /** Whether {@code index} lies in an interval (after {@link #merge()}). */
    boolean contains(long index) {
        int lo = 0;
        int hi = size - 1;
        while (lo <= hi) {
            int mid = (lo + hi) >>> 1;
            if (ends[mid] <= index) {
                lo = mid + 1;
            } else if (starts[mid] > index) {
                hi = mid - 1;
            } else {
                return true;
            }
        }
        return false;
    }

    /** Samples of {@code [from, to)} covered (after {@link #merge()}). */
    long covered(long from, long to) {
        long total = 0;
        for (int i = 0; i < size; i++) {
            long a = Math.max(from, starts[i]);
            long b = Math.min(to, ends[i]);
            if (b > a) {
                total += b - a;
            }
        }
        return total;
    }

    int size() {
        return size;
    }

    /** Start of the i-th interval (after {@link #merge()}: in order). */
    long start(int i) {
        return starts[i];
    }

    long end(int i) {
        return ends[i];
    }

    /** Whether an interval overlaps {@code [from, to)} (after {@link #merge()}). */
    boolean overlaps(long from, long to) {
        int k = firstEndingAfter(from);
        return k < size && starts[k] < to;
    }

    /** The index of the first interval that ends after {@code index} ({@link #size()} if none; after {@link #merge()}). */
    int firstEndingAfter(long index) {
        int lo = 0;
        int hi = size;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (ends[mid] <= index) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }
}
