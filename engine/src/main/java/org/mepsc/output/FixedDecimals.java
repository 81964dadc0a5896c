package org.mepsc.output;

import java.util.Arrays;

/**
 * Numbers with a fixed count of decimals, as {@code String.format(Locale.ROOT, "%.nf", v)} writes
 * them on Java 17: the digits of {@link Double#toString} rounded half up, sign kept on zero. The
 * rounding is done on those decimal digits directly (no format string parsed, no BigDecimal made
 * per number), which mattered in the event tables of busy recordings.
 */
public final class FixedDecimals {

    private FixedDecimals() {
    }

    /** Appends {@code v} (finite) with {@code decimals} decimals to {@code out}. */
    public static StringBuilder append(StringBuilder out, double v, int decimals) {
        if (!Double.isFinite(v)) {
            throw new IllegalArgumentException("not a finite number: " + v);
        }
        if (decimals < 0) {
            throw new IllegalArgumentException("decimals must be at least 0, got " + decimals);
        }
        // Double.toString: "-"? digits "." digits ("E" exponent)?
        String s = Double.toString(v);
        boolean negative = s.charAt(0) == '-';
        char[] digits = new char[s.length()];
        int n = 0;
        int beforePoint = -1;
        int exponent = 0;
        for (int i = negative ? 1 : 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '.') {
                beforePoint = n;
            } else if (c == 'E') {
                exponent = Integer.parseInt(s, i + 1, s.length(), 10);
                break;
            } else {
                digits[n++] = c;
            }
        }
        if (beforePoint < 0) {
            beforePoint = n;
        }
        int lead = 0;
        while (lead < n && digits[lead] == '0') {
            lead++;
        }
        int significant = n - lead;
        // the value is 0.d1d2d3… × 10^magnitude, d1 the first significant digit
        int magnitude = beforePoint + exponent - lead;
        // the result is the integer N × 10^−decimals; N keeps this many significant digits
        int keep = magnitude + decimals;
        char[] number; // N's digits with a spare leading place for a carry
        if (significant == 0 || keep < 0) {
            number = new char[] {'0'};
        } else {
            number = new char[keep + 1];
            number[0] = '0';
            // the digits, then zeros: a choice per digit inside one loop was compiled on the
            // profile of the first numbers and recompiled each time a number took the other side
            int copied = Math.min(keep, significant);
            System.arraycopy(digits, lead, number, 1, copied);
            Arrays.fill(number, 1 + copied, keep + 1, '0');
            if (keep < significant && digits[lead + keep] >= '5') {
                int j = keep;
                while (number[j] == '9') {
                    number[j--] = '0';
                }
                number[j]++;
            }
        }
        int first = 0;
        while (first < number.length - 1 && number[first] == '0') {
            first++;
        }
        int length = number.length - first;
        if (negative) {
            out.append('-');
        }
        if (decimals == 0) {
            return out.append(number, first, length);
        }
        if (length <= decimals) {
            out.append("0.");
            for (int j = length; j < decimals; j++) {
                out.append('0');
            }
            return out.append(number, first, length);
        }
        int integer = length - decimals;
        return out.append(number, first, integer).append('.').append(number, first + integer, decimals);
    }
}
