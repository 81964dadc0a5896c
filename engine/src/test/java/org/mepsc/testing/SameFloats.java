package org.mepsc.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;

/** Exact float-array equality, fast where AssertJ's element-by-element containsExactly is slow on long arrays. */
public final class SameFloats {

    private SameFloats() {
    }

    /**
     * Fails unless {@code actual} equals {@code expected} element by element, bit for bit (as
     * {@code containsExactly} compares boxed floats); AssertJ then explains the difference.
     */
    public static void assertSame(float[] actual, float[] expected, String description, Object... args) {
        if (!Arrays.equals(actual, expected)) {
            assertThat(actual).as(description, args).containsExactly(expected);
        }
    }
}
