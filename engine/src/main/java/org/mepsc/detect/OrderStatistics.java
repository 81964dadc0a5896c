package org.mepsc.detect;

/**
 * The k-th smallest of many floats in linear time (radix selection), without sorting them all. The
 * order is that of {@link java.util.Arrays#sort(float[])} ({@link Float#compare}: −0.0 before
 * 0.0, NaN last), so every value returned is exactly the one a full sort would put at index k.
 */
public final class OrderStatistics {

    private static final int[] SHIFTS = {21, 10, 0};
    private static final int[] WIDTHS = {11, 11, 10};

    private final float[] values;
    private final int size;
    private final int[] counts = new int[(1 << 11) + 1];
    /** A second set of top-digit counts: alternate values count into each (see {@link #select}). */
    private final int[] alternate = new int[1 << 11];
    private int lastK = -1;
    private int lastKey;
    /** The keys of the top-digit bucket the last selection fell in, and how many keys lie below it. */
    private int[] bucket = new int[0];
    private int bucketSize;
    private int below;

    /**
     * Over {@code values[0..count)}, read where they lie (not copied, not changed): they must not
     * change while this is used.
     */
    public OrderStatistics(float[] values, int count) {
        this.values = values;
        size = count;
    }

    public int size() {
        return size;
    }

    /**
     * The value a sort would put at index {@code k}: a most-significant-digit radix selection over
     * the keys (three counting passes of 11, 11 and 10 bits), which beats partitioning because its
     * branches are predictable. After the first pass the keys of the bucket found are copied out, so
     * the later passes (and {@link #next}) read only those, usually a few per cent of the data.
     */
    public float select(int k) {
        if (k < 0 || k >= size) {
            throw new IndexOutOfBoundsException("order statistic " + k + " of " + size);
        }
        // digits of u = key ^ MIN_VALUE, whose unsigned order is the keys' signed order; the first
        // counted over all the values, the others over the keys of the bucket it finds
        int prefix = 0;
        int known = 0;
        int rank = k;
        for (int pass = 0; pass < 3; pass++) {
            int shift = SHIFTS[pass];
            int mask = (1 << WIDTHS[pass]) - 1;
            int other = mask + 1;
            if (pass == 0) {
                topCounts();
            } else {
                java.util.Arrays.fill(counts, 0, other + 1, 0);
                for (int i = 0; i < bucketSize; i++) {
                    int u = bucket[i] ^ Integer.MIN_VALUE;
                    // keys outside the bucket found so far all go to one spare counter (no branch)
                    counts[(u & known) == prefix ? (u >>> shift) & mask : other]++;
                }
            }
            int b = 0;
            while (rank >= counts[b]) {
                rank -= counts[b];
                b++;
            }
            prefix |= b << shift;
            known |= mask << shift;
            if (pass == 0) {
                gather(prefix, known, counts[b]);
                below = k - rank;
            }
        }
        lastK = k;
        lastKey = prefix ^ Integer.MIN_VALUE;
        return FloatSort.value(lastKey);
    }

    /**
     * The values' top digits counted into {@link #counts}: even values into it, odd ones into
     * {@link #alternate}, then added. Noise has few top digits, so most values add to one of a few
     * counters; one set would make each wait for the one before to be stored.
     */
    private void topCounts() {
        int shift = SHIFTS[0];
        java.util.Arrays.fill(counts, 0);
        java.util.Arrays.fill(alternate, 0);
        int i = 0;
        for (; i + 1 < size; i += 2) {
            counts[(FloatSort.key(values[i]) ^ Integer.MIN_VALUE) >>> shift]++;
            alternate[(FloatSort.key(values[i + 1]) ^ Integer.MIN_VALUE) >>> shift]++;
        }
        if (i < size) {
            counts[(FloatSort.key(values[i]) ^ Integer.MIN_VALUE) >>> shift]++;
        }
        for (int b = 0; b < alternate.length; b++) {
            counts[b] += alternate[b];
        }
    }

    /** Copies the keys whose digits under {@code known} are {@code prefix} (there are {@code count}) into {@link #bucket}. */
    private void gather(int prefix, int known, int count) {
        if (bucket.length < count + 1) {
            bucket = new int[count + 1];
        }
        int[] out = bucket;
        int j = 0;
        for (int i = 0; i < size; i++) {
            int x = FloatSort.key(values[i]);
            out[j] = x;
            // written every time, kept only on a match: no branch to mispredict
            j += ((x ^ Integer.MIN_VALUE) & known) == prefix ? 1 : 0;
        }
        bucketSize = j;
    }

    /** The value a sort would put at index {@code k + 1} (no pass over all the data when {@code select(k)} came just before). */
    public float next(int k) {
        if (k + 1 >= size) {
            throw new IndexOutOfBoundsException("order statistic " + (k + 1) + " of " + size);
        }
        if (lastK != k) {
            select(k);
        }
        int v = lastKey;
        // index k + 1 lies in the same bucket unless k is its last: then the smallest key above v is
        // in a higher bucket, and all the keys are searched
        boolean inBucket = k + 1 < below + bucketSize;
        int n = inBucket ? bucketSize : size;
        int notAbove = inBucket ? below : 0;
        int min = Integer.MAX_VALUE;
        for (int i = 0; i < n; i++) {
            int x = inBucket ? bucket[i] : FloatSort.key(values[i]);
            notAbove += x <= v ? 1 : 0;
            min = Math.min(min, x > v ? x : Integer.MAX_VALUE);
        }
        // the value at k is v; the next is v again while copies of it remain
        return FloatSort.value(notAbove > k + 1 ? v : min);
    }

    /** The linear interpolation between order statistics that numpy's default quantile uses. */
    public double quantile(double q) {
        double pos = q * (size - 1);
        int i = (int) Math.floor(pos);
        float a = select(i);
        float b = i + 1 < size ? next(i) : a;
        return a + (pos - i) * (b - a);
    }
}
