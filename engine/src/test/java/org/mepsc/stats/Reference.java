package org.mepsc.stats;

import static org.assertj.core.api.Assertions.assertThat;

/** Fixed datasets and the agreement rule for values computed independently (scipy 1.17.1). */
final class Reference {

    /** Seven against eight values, no ties. */
    static final double[] A1 = {2.1, 3.4, 1.9, 5.6, 4.4, 2.8, 3.9};
    static final double[] B1 = {6.2, 4.8, 7.1, 5.9, 8.3, 6.6, 5.2, 7.7};
    /** Small integers with many ties. */
    static final double[] A2 = {1, 2, 2, 3, 4, 4, 4, 5};
    static final double[] B2 = {3, 4, 5, 5, 6, 6, 7};

    private Reference() {
    }

    /** 60 distinct values: (i·37 mod 101) / 10 (the same doubles in Python). */
    static double[] a3() {
        double[] a = new double[60];
        for (int i = 0; i < a.length; i++) {
            a[i] = (i * 37 % 101) / 10.0;
        }
        return a;
    }

    /** 55 distinct values: (i·53 mod 103) / 10 + 0.55, none equal to a value of a3. */
    static double[] b3() {
        double[] b = new double[55];
        for (int i = 0; i < b.length; i++) {
            b[i] = (i * 53 % 103) / 10.0 + 0.55;
        }
        return b;
    }

    /** Agreement to 1e-6, relative to the size of the expected value (absolute below 1). */
    static void assertAgrees(double actual, double expected) {
        assertThat(Math.abs(actual - expected))
                .as("%s vs reference %s", actual, expected)
                .isLessThanOrEqualTo(1e-6 * Math.max(1e-3, Math.abs(expected)));
    }
}
