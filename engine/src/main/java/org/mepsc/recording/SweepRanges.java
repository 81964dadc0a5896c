package org.mepsc.recording;

import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;

/** Sweep lists as people write them: {@code 0-3,5} is sweeps 0, 1, 2, 3 and 5 (numbered from 0). */
public final class SweepRanges {

    /** More sweeps than any recording has; keeps a typo like {@code 0-99999999} from filling memory. */
    static final int MAX_SWEEP = 1_000_000;

    private SweepRanges() {
    }

    /**
     * The sweeps, ascending and each once; empty text means every sweep (an empty list).
     *
     * @throws IllegalArgumentException saying what is wrong with the text
     */
    public static List<Integer> parse(String text) {
        String t = text == null ? "" : text.strip();
        if (t.isEmpty()) {
            return List.of();
        }
        TreeSet<Integer> sweeps = new TreeSet<>();
        for (String part : t.split(",")) {
            String p = part.strip();
            int dash = p.indexOf('-', 1);
            int from = number(p.substring(0, dash < 0 ? p.length() : dash), text);
            int to = dash < 0 ? from : number(p.substring(dash + 1), text);
            if (to < from) {
                throw new IllegalArgumentException("sweeps '" + text + "': range " + p + " runs backwards");
            }
            for (int s = from; s <= to; s++) {
                sweeps.add(s);
            }
        }
        return List.copyOf(new ArrayList<>(sweeps));
    }

    /** The shortest text that {@link #parse} reads back as {@code sweeps} ("" for all). */
    public static String format(List<Integer> sweeps) {
        StringBuilder sb = new StringBuilder();
        int i = 0;
        while (i < sweeps.size()) {
            int j = i;
            while (j + 1 < sweeps.size() && sweeps.get(j + 1) == sweeps.get(j) + 1) {
                j++;
            }
            sb.append(sb.length() == 0 ? "" : ",").append(sweeps.get(i));
            if (j > i) {
                sb.append('-').append(sweeps.get(j));
            }
            i = j + 1;
        }
        return sb.toString();
    }

    private static int number(String s, String whole) {
        String n = s.strip();
        if (!n.matches("\\d{1,7}") || Integer.parseInt(n) > MAX_SWEEP) {
            throw new IllegalArgumentException("sweeps '" + whole
                    + "': write sweep numbers from 0 and ranges, e.g. 0-3,5");
        }
        return Integer.parseInt(n);
    }
}
