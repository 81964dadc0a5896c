package org.mepsc.io.axg;

import java.util.Optional;
import org.mepsc.io.SampleEncoding;

/**
 * One column of an AxoGraph file: either stored values ({@code encoding} present, at
 * {@code dataAt}, value = stored × scale + offset) or a series defined by a first value and an
 * increment (AxoGraph's usual time column).
 *
 * @param index position in the file, from 0
 * @param title the column title as stored ("Current (A)")
 * @param points number of values
 */
record AxgColumn(int index, String title, long points, Optional<SampleEncoding> encoding, long dataAt, double scale,
        double offset, double first, double increment) {

    static AxgColumn stored(int index, String title, long points, SampleEncoding encoding, long dataAt, double scale,
            double offset) {
        return new AxgColumn(index, title, points, Optional.of(encoding), dataAt, scale, offset, Double.NaN, Double.NaN);
    }

    static AxgColumn series(int index, String title, long points, double first, double increment) {
        return new AxgColumn(index, title, points, Optional.empty(), -1, 1, 0, first, increment);
    }

    boolean isSeries() {
        return encoding.isEmpty();
    }

    /** Bytes the stored values take. */
    long dataBytes() {
        return encoding.map(e -> points * e.bytes()).orElse(0L);
    }

    /** The name: the title without a trailing "(unit)". */
    String name() {
        return unit().isEmpty() ? title.strip() : title.substring(0, title.lastIndexOf('(')).strip();
    }

    /** The unit in the title's trailing parentheses ("A" of "Current (A)"), or "". */
    String unit() {
        String t = title.strip();
        int open = t.lastIndexOf('(');
        if (t.endsWith(")") && open >= 0 && (open == 0 || Character.isWhitespace(t.charAt(open - 1)))) {
            return t.substring(open + 1, t.length() - 1).strip();
        }
        return "";
    }
}
