package org.mepsc.cli;

import java.util.List;
import java.util.TreeSet;

/** Parses sweep lists such as {@code 0-3,7}. */
final class SweepList {

    private SweepList() {
    }

    /** The sweeps, ascending; empty for null (meaning all). */
    static List<Integer> parse(String text, int sweepCount) {
        if (text == null || text.isBlank()) {
            return List.of();
        }
        TreeSet<Integer> out = new TreeSet<>();
        for (String part : text.split(",")) {
            String p = part.trim();
            try {
                int dash = p.indexOf('-', 1);
                int a = Integer.parseInt((dash < 0 ? p : p.substring(0, dash)).trim());
                int b = dash < 0 ? a : Integer.parseInt(p.substring(dash + 1).trim());
                if (a < 0 || b < a) {
                    throw new NumberFormatException();
                }
                for (int s = a; s <= b; s++) {
                    if (s >= sweepCount) {
                        throw new UsageError("no sweep " + s + " (sweeps are 0.." + (sweepCount - 1) + ")");
                    }
                    out.add(s);
                }
            } catch (NumberFormatException e) {
                throw new UsageError("cannot read sweep list '" + text + "': write e.g. 0-3,7");
            }
        }
        return List.copyOf(out);
    }
}
