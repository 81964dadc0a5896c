package org.mepsc.io.text;

import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.mepsc.recording.PhysicalUnit;

/**
 * A column title split into a name and a unit: "I (pA)", "Vm [mV]", "IN0_pA", "Trace #3 (pA)".
 *
 * @param name the title without its unit
 * @param unit the unit as written, or "" when the title gives none
 */
record ColumnTitle(String name, String unit) {

    private static final Pattern BRACKETED = Pattern.compile("^(.*?)\\s*[(\\[]\\s*([^()\\[\\]]*?)\\s*[)\\]]\\s*$");
    private static final Pattern TIME = Pattern.compile("(?i)^(t|time|times)$");

    static ColumnTitle parse(String title) {
        String t = title.strip();
        Matcher m = BRACKETED.matcher(t);
        if (m.matches()) {
            return new ColumnTitle(m.group(1).strip(), m.group(2));
        }
        int us = t.lastIndexOf('_');
        if (us > 0 && us < t.length() - 1) {
            String suffix = t.substring(us + 1);
            if (isUnit(suffix) || timeFactor(suffix).isPresent()) {
                return new ColumnTitle(t.substring(0, us), suffix);
            }
        }
        return new ColumnTitle(t, "");
    }

    /** Whether this titles a time column ("time", "t", "Time (s)", "time_ms", …). */
    boolean isTime() {
        return TIME.matcher(name).matches() && (unit.isEmpty() || timeFactor(unit).isPresent());
    }

    /** Seconds per unit of a time column. */
    double secondsPerUnit() {
        return unit.isEmpty() ? 1.0 : timeFactor(unit).orElse(1.0);
    }

    private static boolean isUnit(String s) {
        return PhysicalUnit.parse(s).quantity() != PhysicalUnit.Quantity.OTHER;
    }

    static Optional<Double> timeFactor(String unit) {
        switch (unit.strip().toLowerCase(Locale.ROOT)) {
            case "s": case "sec": case "secs": case "second": case "seconds":
                return Optional.of(1.0);
            case "ms": case "msec": case "millisecond": case "milliseconds":
                return Optional.of(1e-3);
            case "us": case "µs": case "μs": case "usec": case "microseconds":
                return Optional.of(1e-6);
            case "min": case "minutes":
                return Optional.of(60.0);
            default:
                return Optional.empty();
        }
    }
}
