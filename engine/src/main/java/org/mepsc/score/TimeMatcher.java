package org.mepsc.score;

import java.util.Arrays;

/**
 * Optimal one-to-one matching of two sorted lists of times within a tolerance: the most pairs
 * with |a − b| ≤ tolerance, and among those the smallest total |a − b|.
 *
 * <p><b>Why a dynamic programme over the sorted lists is optimal.</b> Take two pairs that cross,
 * (a1, b2) and (a2, b1) with a1 ≤ a2 and b1 ≤ b2. Both uncrossed pairs are within the tolerance
 * too (b1 ≥ a2 − tol ≥ a1 − tol and b1 ≤ b2 ≤ a1 + tol, likewise for (a2, b2)), and for the convex
 * cost |x| uncrossing never increases the total. So some optimal matching is non-crossing, i.e.
 * monotone in both sorted lists, and an edit-distance-like recursion over prefixes finds it:
 * F(i, j) = best of F(i, j−1), F(i−1, j), F(i−1, j−1) + pair(i−1, j−1), comparing (more pairs,
 * then less cost).
 *
 * <p><b>Why it is fast.</b> Only cells next to a compatible pair change anything: the window of
 * b within tolerance of a[i] is contiguous and slides forward with i. One array holds the current
 * row; row i+1 rewrites only that window and everything beyond the window equals its last cell.
 * Time is O(n + m + E) and memory O(m + E), E being the number of compatible pairs (about
 * n·2·tol·rate of b: a few per event), so 100 000 events take milliseconds. Greedy matching
 * (nearest first, or first come) is not optimal: see the tests.
 */
final class TimeMatcher {

    /** A refusal rather than an out-of-memory error for absurd tolerances. */
    static final long MAX_COMPATIBLE_PAIRS = 200_000_000L;

    private static final byte SKIP_A = 0;
    private static final byte SKIP_B = 1;
    private static final byte PAIR = 2;

    private TimeMatcher() {
    }

    /**
     * Matches sorted {@code a} against sorted {@code b}.
     *
     * @return for each index of a, the index of its partner in b, or −1
     */
    static int[] match(long[] a, long[] b, long tolerance) {
        int n = a.length;
        int m = b.length;
        int[] lo = new int[n];
        int[] hi = new int[n];
        long pairs = 0;
        for (int i = 0, l = 0, h = 0; i < n; i++) {
            while (l < m && b[l] < a[i] - tolerance) {
                l++;
            }
            h = Math.max(h, l);
            while (h < m && b[h] <= a[i] + tolerance) {
                h++;
            }
            lo[i] = l;
            hi[i] = h;
            pairs += h - l;
        }
        if (pairs > MAX_COMPATIBLE_PAIRS) {
            throw new IllegalArgumentException("the tolerance allows " + pairs
                    + " candidate pairs; too many to match (use a smaller tolerance)");
        }
        long[] base = new long[n + 1];
        for (int i = 0; i < n; i++) {
            base[i + 1] = base[i] + (hi[i] - lo[i]);
        }
        byte[] choice = new byte[(int) base[n]];
        // count[j], cost[j]: best over a[0, i) and b[0, j) for the current row i, valid up to front
        int[] count = new int[m + 1];
        long[] cost = new long[m + 1];
        int front = 0;
        for (int i = 0; i < n; i++) {
            int l = lo[i];
            int h = hi[i];
            if (l == h) {
                continue;
            }
            for (int j = front + 1; j <= h; j++) {
                count[j] = count[front];
                cost[j] = cost[front];
            }
            front = Math.max(front, h);
            int prevOldCount = count[l];
            long prevOldCost = cost[l];
            for (int j = l + 1; j <= h; j++) {
                int oldCount = count[j];
                long oldCost = cost[j];
                int bestCount = oldCount; // a[i] left unmatched
                long bestCost = oldCost;
                byte best = SKIP_A;
                if (better(count[j - 1], cost[j - 1], bestCount, bestCost)) { // b[j−1] left unmatched
                    bestCount = count[j - 1];
                    bestCost = cost[j - 1];
                    best = SKIP_B;
                }
                int pairCount = prevOldCount + 1;
                long pairCost = prevOldCost + Math.abs(a[i] - b[j - 1]);
                if (better(pairCount, pairCost, bestCount, bestCost)) {
                    bestCount = pairCount;
                    bestCost = pairCost;
                    best = PAIR;
                }
                choice[(int) (base[i] + (j - 1 - l))] = best;
                count[j] = bestCount;
                cost[j] = bestCost;
                prevOldCount = oldCount;
                prevOldCost = oldCost;
            }
        }
        int[] partner = new int[n];
        Arrays.fill(partner, -1);
        int i = n;
        int j = Math.min(m, front);
        while (i > 0 && j > 0) {
            int r = i - 1; // the row that produced row i added a[r]
            int l = lo[r];
            int h = hi[r];
            if (l == h || j <= l) {
                i--;
            } else if (j > h) {
                j = h;
            } else {
                byte c = choice[(int) (base[r] + (j - 1 - l))];
                if (c == PAIR) {
                    partner[r] = j - 1;
                    i--;
                    j--;
                } else if (c == SKIP_A) {
                    i--;
                } else {
                    j--;
                }
            }
        }
        return partner;
    }

    private static boolean better(int count, long cost, int bestCount, long bestCost) {
        return count > bestCount || (count == bestCount && cost < bestCost);
    }
}
