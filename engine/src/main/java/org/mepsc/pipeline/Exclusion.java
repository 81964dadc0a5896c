package org.mepsc.pipeline;

/**
 * A stretch left out of the analysis: no events are reported there and its length is removed
 * from the analysed duration.
 *
 * @param sweep the sweep it applies to, or −1 for every sweep
 * @param startS start, seconds from the start of the sweep
 * @param endS end, seconds from the start of the sweep
 */
public record Exclusion(int sweep, double startS, double endS) {

    public Exclusion {
        if (!(startS >= 0) || !(endS > startS)) {
            throw new IllegalArgumentException("exclusion " + startS + "-" + endS
                    + " s: need 0 <= start < end");
        }
        if (sweep < -1) {
            throw new IllegalArgumentException("exclusion sweep " + sweep);
        }
    }

    public boolean appliesTo(int s) {
        return sweep < 0 || sweep == s;
    }

    /**
     * Parses {@code START-END} (seconds from each sweep's start, e.g. {@code 0-0.25} for a seal
     * test) or {@code SWEEP:START-END} for one sweep; {@code END} may be {@code end}.
     */
    public static Exclusion parse(String text) {
        String t = text.trim();
        int sweep = -1;
        int colon = t.indexOf(':');
        try {
            if (colon >= 0) {
                sweep = Integer.parseInt(t.substring(0, colon).trim());
                t = t.substring(colon + 1).trim();
            }
            int dash = t.indexOf('-', 1);
            if (dash < 0) {
                throw new IllegalArgumentException();
            }
            double start = Double.parseDouble(t.substring(0, dash).trim());
            String e = t.substring(dash + 1).trim();
            double end = e.equalsIgnoreCase("end") ? Double.POSITIVE_INFINITY : Double.parseDouble(e);
            return new Exclusion(sweep, start, end);
        } catch (IllegalArgumentException ex) {
            if (ex.getMessage() != null && ex.getMessage().startsWith("exclusion")) {
                throw ex;
            }
            throw new IllegalArgumentException("cannot read exclusion '" + text
                    + "': write START-END in seconds from each sweep's start (e.g. 0-0.25), or SWEEP:START-END");
        }
    }

    @Override
    public String toString() {
        String range = startS + "-" + (Double.isInfinite(endS) ? "end" : Double.toString(endS));
        return sweep < 0 ? range : sweep + ":" + range;
    }
}
