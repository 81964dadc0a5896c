package org.mepsc.batch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.util.Locale;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The output tables' numbers: the same text as the String.format rule they were written with before. */
class DecimalsTest {

    /** The rule as it was: format, strip trailing zeros and a bare point, "-0" as "0". */
    private static String byFormat(double v, int decimals) {
        if (!Double.isFinite(v)) {
            return "";
        }
        String s = String.format(Locale.ROOT, "%." + decimals + "f", v);
        if (s.indexOf('.') >= 0) {
            s = s.replaceAll("0+$", "");
            s = s.endsWith(".") ? s.substring(0, s.length() - 1) : s;
        }
        return s.equals("-0") ? "0" : s;
    }

    @Test
    void trimsZerosAndThePointAndTheSignOfZero() {
        assertThat(Decimals.fixed(1.5000, 4)).isEqualTo("1.5");
        assertThat(Decimals.fixed(2.0, 3)).isEqualTo("2");
        assertThat(Decimals.fixed(100, 0)).isEqualTo("100");
        assertThat(Decimals.fixed(-0.00004, 4)).isEqualTo("0");
        assertThat(Decimals.fixed(-0.0, 2)).isEqualTo("0");
        assertThat(Decimals.fixed(-0.5, 2)).isEqualTo("-0.5");
        assertThat(Decimals.fixed(0.125, 2)).isEqualTo("0.13");
        assertThat(Decimals.fixed(10.10, 6)).isEqualTo("10.1");
        assertThat(Decimals.fixed(Double.NaN, 3)).isEmpty();
        assertThat(Decimals.fixed(Double.POSITIVE_INFINITY, 3)).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(longs = {11, 12})
    void writesWhatTheFormatRuleWroteOnJava17(long seed) {
        assumeTrue(Runtime.version().feature() < 19, "Formatter and Double.toString share their digits up to Java 18");
        SplittableRandom r = new SplittableRandom(seed);
        for (int i = 0; i < 100_000; i++) {
            double v = switch (i % 4) {
                case 0 -> r.nextGaussian() * Math.pow(10, r.nextInt(-8, 9));
                case 1 -> Math.round(r.nextGaussian() * 1e4) / 1e4; // trailing zeros to trim
                case 2 -> (r.nextInt(2_000) - 1_000) / 100.0 + 0.005; // ties at 2 decimals
                default -> r.nextInt(-3, 4) * Math.pow(10, -r.nextInt(9)); // zeros, signed zeros, round numbers
            };
            int decimals = r.nextInt(8);
            assertThat(Decimals.fixed(v, decimals)).as("%s to %d decimals", v, decimals).isEqualTo(byFormat(v, decimals));
        }
    }
}
