package org.mepsc.report;

/**
 * Colours and line patterns for groups: the Okabe–Ito palette, distinguishable with the common
 * colour-vision deficiencies, with a dash pattern per group so lines differ without colour too.
 */
final class Palette {

    private static final String[] COLOURS = {"#0072B2", "#D55E00", "#009E73", "#CC79A7", "#E69F00", "#56B4E9", "#000000"};
    private static final String[] DASHES = {"", "7 3", "2 2", "9 3 2 3", "4 4", "12 4", "1 3"};

    /** The colour of event marks in example traces. */
    static final String EVENT_MARK = "#D55E00";
    /** The colour of raw traces. */
    static final String TRACE = "#3a3a3a";

    private Palette() {
    }

    static String colour(int group) {
        return COLOURS[group % COLOURS.length];
    }

    /** An SVG stroke-dasharray ("" for solid). */
    static String dash(int group) {
        return DASHES[group % DASHES.length];
    }
}
