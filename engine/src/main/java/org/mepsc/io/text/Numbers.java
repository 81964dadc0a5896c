package org.mepsc.io.text;

import java.nio.charset.StandardCharsets;

/** Decimal numbers as text tables write them: "1.5", "-2e-3", "NaN", and "1,5" where ',' is not the delimiter. */
final class Numbers {

    private Numbers() {
    }

    /** Whether bytes {@code [s, e)} spell a number (a quick check, without parsing). */
    static boolean isNumber(byte[] a, int s, int e, boolean decimalComma) {
        int i = s;
        if (i < e && (a[i] == '+' || a[i] == '-')) {
            i++;
        }
        if (word(a, i, e) != 0) {
            return true;
        }
        int digits = 0;
        while (i < e && isDigit(a[i])) {
            i++;
            digits++;
        }
        if (i < e && (a[i] == '.' || (decimalComma && a[i] == ','))) {
            i++;
            while (i < e && isDigit(a[i])) {
                i++;
                digits++;
            }
        }
        if (digits == 0) {
            return false;
        }
        if (i < e && (a[i] == 'e' || a[i] == 'E')) {
            i++;
            if (i < e && (a[i] == '+' || a[i] == '-')) {
                i++;
            }
            int exponent = 0;
            while (i < e && isDigit(a[i])) {
                i++;
                exponent++;
            }
            if (exponent == 0) {
                return false;
            }
        }
        return i == e;
    }

    /** Parses bytes {@code [s, e)} that {@link #isNumber} accepted. */
    static double parseDouble(byte[] a, int s, int e, boolean decimalComma) {
        Double special = special(a, s, e);
        return special != null ? special : Double.parseDouble(text(a, s, e, decimalComma));
    }

    /** As {@link #parseDouble}, rounded once, straight to float (exact for what Float.toString wrote). */
    static float parseFloat(byte[] a, int s, int e, boolean decimalComma) {
        Double special = special(a, s, e);
        return special != null ? special.floatValue() : Float.parseFloat(text(a, s, e, decimalComma));
    }

    private static Double special(byte[] a, int s, int e) {
        int i = s < e && (a[s] == '+' || a[s] == '-') ? s + 1 : s;
        int w = word(a, i, e);
        if (w == 0) {
            return null;
        }
        return w == 1 ? Double.NaN : a[s] == '-' ? Double.NEGATIVE_INFINITY : Double.POSITIVE_INFINITY;
    }

    /** 1 for "nan", 2 for "inf" or "infinity" (any case), else 0. */
    private static int word(byte[] a, int s, int e) {
        if ((e - s != 3 && e - s != 8) || ((a[s] | 0x20) != 'n' && (a[s] | 0x20) != 'i')) {
            return 0;
        }
        String w = new String(a, s, Math.min(e - s, 8), StandardCharsets.ISO_8859_1).toLowerCase(java.util.Locale.ROOT);
        if (e - s == 3 && w.equals("nan")) {
            return 1;
        }
        return (e - s == 3 && w.equals("inf")) || (e - s == 8 && w.equals("infinity")) ? 2 : 0;
    }

    private static String text(byte[] a, int s, int e, boolean decimalComma) {
        String t = new String(a, s, e - s, StandardCharsets.ISO_8859_1);
        return decimalComma ? t.replace(',', '.') : t;
    }

    private static boolean isDigit(byte b) {
        return b >= '0' && b <= '9';
    }
}
