package org.mepsc.stats;

import java.util.SplittableRandom;

/** Uniform random indices for resampling, faster than {@code nextInt(bound)}. */
final class Draws {

    private Draws() {
    }

    /**
     * A uniform integer in [0, bound), unbiased, by Lemire's multiply-and-shift with rejection
     * (ACM TOMACS 2019): no division except in the rare rejection step.
     */
    static int index(SplittableRandom rng, int bound) {
        long m = (rng.nextInt() & 0xFFFFFFFFL) * bound;
        long low = m & 0xFFFFFFFFL;
        if (low < bound) {
            long threshold = (0x100000000L - bound) % bound;
            while (low < threshold) {
                m = (rng.nextInt() & 0xFFFFFFFFL) * bound;
                low = m & 0xFFFFFFFFL;
            }
        }
        return (int) (m >>> 32);
    }
}
