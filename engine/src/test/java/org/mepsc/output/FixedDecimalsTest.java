package org.mepsc.output;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.util.Locale;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class FixedDecimalsTest {

    private static String fixed(double v, int decimals) {
        return FixedDecimals.append(new StringBuilder("x"), v, decimals).substring(1);
    }

    @Test
    void roundsTheShortestDecimalHalfUpAndKeepsTheSignOfZero() {
        assertThat(fixed(0.125, 2)).isEqualTo("0.13");
        assertThat(fixed(-0.125, 2)).isEqualTo("-0.13");
        assertThat(fixed(1.0005, 3)).isEqualTo("1.001"); // 1.0005 is stored as 1.000499…; its shortest form is 1.0005
        assertThat(fixed(2.5, 0)).isEqualTo("3");
        assertThat(fixed(-0.0, 3)).isEqualTo("-0.000");
        assertThat(fixed(-0.0004, 3)).isEqualTo("-0.000");
        assertThat(fixed(0.0, 4)).isEqualTo("0.0000");
        assertThat(fixed(1e-10, 6)).isEqualTo("0.000000");
        assertThat(fixed(1.2345e15, 3)).isEqualTo("1234500000000000.000");
        assertThat(fixed(-42, 1)).isEqualTo("-42.0");
    }

    @Test
    void refusesNonFiniteNumbers() {
        assertThatThrownBy(() -> fixed(Double.NaN, 2)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> fixed(Double.NEGATIVE_INFINITY, 2)).isInstanceOf(IllegalArgumentException.class);
    }

    /**
     * The event tables were written with String.format before; on Java 17 and 18 both round the
     * same digits (from Java 19, Double.toString gives the shortest digits and the formatter does
     * not, so ties may round apart there).
     */
    @ParameterizedTest
    @ValueSource(longs = {1, 2, 3})
    void writesWhatStringFormatWritesOnJava17(long seed) {
        assumeTrue(Runtime.version().feature() < 19, "Formatter and Double.toString share their digits up to Java 18");
        SplittableRandom r = new SplittableRandom(seed);
        for (int i = 0; i < 200_000; i++) {
            double v = switch (i % 4) {
                case 0 -> r.nextGaussian() * Math.pow(10, r.nextInt(-8, 9));
                case 1 -> Math.round(r.nextGaussian() * 1e6) / 1e6 + 5e-7; // ties at 6 decimals
                case 2 -> (r.nextInt(200_000) - 100_000) / 10_000.0 + 0.00005; // ties at 4 decimals
                default -> Double.longBitsToDouble(r.nextLong());
            };
            if (!Double.isFinite(v)) {
                continue;
            }
            int decimals = r.nextInt(7);
            assertThat(fixed(v, decimals)).as("%s to %d decimals", v, decimals)
                    .isEqualTo(String.format(Locale.ROOT, "%." + decimals + "f", v));
        }
    }
}
