package org.mepsc.batch;

import org.mepsc.output.FixedDecimals;

/** Numbers in output tables: fixed decimals, no trailing zeros, empty when missing. */
public final class Decimals {

    private Decimals() {
    }

    /**
     * {@code v} with {@code decimals} decimals as {@link FixedDecimals} writes them (what
     * {@code String.format("%.nf")} writes on Java 17, without parsing a format for each number),
     * then without trailing zeros or a bare point; negative zero is "0".
     */
    public static String fixed(double v, int decimals) {
        if (!Double.isFinite(v)) {
            return "";
        }
        StringBuilder s = FixedDecimals.append(new StringBuilder(24), v, decimals);
        if (s.indexOf(".") >= 0) {
            int end = s.length();
            while (s.charAt(end - 1) == '0') {
                end--;
            }
            if (s.charAt(end - 1) == '.') {
                end--;
            }
            s.setLength(end);
        }
        return s.length() == 2 && s.charAt(0) == '-' && s.charAt(1) == '0' ? "0" : s.toString();
    }
}
