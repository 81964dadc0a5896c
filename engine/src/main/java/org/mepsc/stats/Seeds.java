package org.mepsc.stats;

import java.util.SplittableRandom;

/**
 * Independent random streams derived from one user seed and a name, so that each analysis
 * (a measure and a pair of groups) gets the same numbers whatever else is analysed in the run.
 */
public final class Seeds {

    private Seeds() {
    }

    public static SplittableRandom stream(long seed, String... names) {
        long h = seed;
        for (String name : names) {
            // String.hashCode is specified by the JLS, so streams are stable across JVMs.
            h = h * 0x9E3779B97F4A7C15L + name.hashCode();
            h ^= h >>> 29;
        }
        return new SplittableRandom(h);
    }
}
