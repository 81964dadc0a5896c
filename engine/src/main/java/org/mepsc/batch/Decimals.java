package org.mepsc.batch;

import java.util.Locale;

/** Numbers in output tables: fixed decimals, no trailing zeros, empty when missing. */
public final class Decimals {

    private Decimals() {
    }

    public static String fixed(double v, int decimals) {
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
}
