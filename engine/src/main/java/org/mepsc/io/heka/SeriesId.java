package org.mepsc.io.heka;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A group and series of a PatchMaster file, both numbered from 1 in file order, written "G.S".
 */
record SeriesId(int group, int series) {

    private static final Pattern FORM = Pattern.compile("\\s*(\\d{1,9})(?:\\.(\\d{1,9}))?\\s*");

    /**
     * Parses "G.S", or "G" for the first series of group G.
     *
     * @throws IllegalArgumentException if the text is not of that form
     */
    static SeriesId parse(String text) {
        Matcher m = FORM.matcher(text);
        if (!m.matches()) {
            throw new IllegalArgumentException("--series must be G.S, the group and series numbers from 1 (e.g. 1.2), not '"
                    + text + "'");
        }
        int g = Integer.parseInt(m.group(1));
        int s = m.group(2) == null ? 1 : Integer.parseInt(m.group(2));
        if (g < 1 || s < 1) {
            throw new IllegalArgumentException("--series numbers groups and series from 1, so '" + text
                    + "' names none");
        }
        return new SeriesId(g, s);
    }

    @Override
    public String toString() {
        return group + "." + series;
    }
}
