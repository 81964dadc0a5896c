package org.mepsc.report;

import java.util.Locale;

/** Escaping and number formatting for the report. */
final class Html {

    private Html() {
    }

    /** Text safe in HTML/SVG element content and in quoted attribute values. */
    static String escape(String s) {
        if (s == null) {
            return "";
        }
        StringBuilder b = new StringBuilder(s.length() + 16);
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '&' -> b.append("&amp;");
                case '<' -> b.append("&lt;");
                case '>' -> b.append("&gt;");
                case '"' -> b.append("&quot;");
                case '\'' -> b.append("&#39;");
                default -> {
                    // control characters are not allowed in HTML text
                    if (c < 0x20 && c != '\n' && c != '\t') {
                        b.append('\uFFFD');
                    } else {
                        b.append(c);
                    }
                }
            }
        }
        return b.toString();
    }

    /** A p-value: three decimals, or scientific below 0.001; "–" when missing. */
    static String p(double p) {
        if (Double.isNaN(p)) {
            return "–";
        }
        if (p < 0.001) {
            return p == 0 ? "0" : String.format(Locale.ROOT, "%.1e", p);
        }
        return String.format(Locale.ROOT, "%.3f", p);
    }

    /** Three significant digits, no exponent for ordinary sizes; "–" when missing. */
    static String num(double v) {
        if (!Double.isFinite(v)) {
            return "–";
        }
        double a = Math.abs(v);
        if (a != 0 && (a < 1e-3 || a >= 1e6)) {
            return String.format(Locale.ROOT, "%.2e", v);
        }
        int decimals = a == 0 ? 0 : Math.max(0, 2 - (int) Math.floor(Math.log10(a)));
        return String.format(Locale.ROOT, "%." + decimals + "f", v).replace('-', '−');
    }

    /** Two decimals (effect sizes). */
    static String fixed2(double v) {
        return Double.isFinite(v) ? String.format(Locale.ROOT, "%.2f", v).replace('-', '−') : "–";
    }

    /** A coordinate in SVG user units: one decimal is plenty. */
    static String coord(double v) {
        return String.format(Locale.ROOT, "%.1f", v);
    }
}
