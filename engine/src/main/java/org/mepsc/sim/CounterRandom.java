package org.mepsc.sim;

import java.util.SplittableRandom;

/**
 * Random numbers addressed by keys instead of drawn in sequence, so that any stretch of a
 * simulated trace can be generated on its own and always comes out the same.
 */
final class CounterRandom {

    /** Streams: independent sources derived from one seed, so switching one feature on leaves the others unchanged. */
    static final long EVENTS = 0x45564e54L;
    static final long WHITE = 0x57484954L;
    static final long PINK = 0x50494e4bL;
    static final long PINK_OFFSET = 0x504f4646L;
    static final long HUM = 0x48554d00L;
    static final long DRIFT = 0x44524654L;
    static final long ARTEFACTS = 0x41525446L;

    private CounterRandom() {
    }

    /** The splitmix64 finaliser: a bijective, well-mixed 64-bit hash. */
    static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xbf58476d1ce4e5b9L;
        z = (z ^ (z >>> 27)) * 0x94d049bb133111ebL;
        return z ^ (z >>> 31);
    }

    static long key(long seed, long stream, long a) {
        return mix(seed ^ mix(stream ^ mix(a + 0x9e3779b97f4a7c15L)));
    }

    static long key(long seed, long stream, long a, long b) {
        return mix(key(seed, stream, a) ^ mix(b + 0x632be59bd9b4e019L));
    }

    /** A sequential generator for one stream (and optional index) of a seed. */
    static SplittableRandom sequence(long seed, long stream, long index) {
        return new SplittableRandom(key(seed, stream, index));
    }

    /** A uniform number in [0, 1) addressed by a key. */
    static double uniform(long key) {
        return (mix(key) >>> 11) * 0x1.0p-53;
    }

    /** A standard normal number addressed by a key (Box–Muller on two hashed uniforms). */
    static double gaussian(long key) {
        long a = mix(key);
        long b = mix(a ^ 0xd1b54a32d192ed03L);
        double u1 = ((a >>> 11) + 1) * 0x1.0p-53; // (0, 1]
        double u2 = (b >>> 11) * 0x1.0p-53;
        return Math.sqrt(-2 * Math.log(u1)) * Math.cos(2 * Math.PI * u2);
    }
}
