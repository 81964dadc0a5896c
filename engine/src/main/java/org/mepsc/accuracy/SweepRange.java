package org.mepsc.accuracy;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/**
 * The values {@code from, from + step, …} up to {@code to} (inclusive), written {@code FROM:TO:STEP}
 * as in {@code --threshold 2:6:0.25}. Values are computed in decimal, so {@code 0.1:0.3:0.1}
 * gives exactly 0.1, 0.2 and 0.3.
 */
public record SweepRange(BigDecimal from, BigDecimal to, BigDecimal step) {

    /** More values than this is a typing error, not a sweep. */
    public static final int MAX_VALUES = 1000;

    public SweepRange {
        if (step.signum() <= 0) {
            throw new IllegalArgumentException("the step must be positive (got " + step.toPlainString() + ")");
        }
        if (to.compareTo(from) < 0) {
            throw new IllegalArgumentException("the range ends (" + to.toPlainString() + ") before it starts ("
                    + from.toPlainString() + ")");
        }
        BigDecimal count = to.subtract(from).divide(step, 0, java.math.RoundingMode.FLOOR).add(BigDecimal.ONE);
        if (count.compareTo(BigDecimal.valueOf(MAX_VALUES)) > 0) {
            throw new IllegalArgumentException("the range " + from.toPlainString() + ":" + to.toPlainString() + ":"
                    + step.toPlainString() + " has " + count.toPlainString() + " values; at most " + MAX_VALUES);
        }
    }

    /**
     * Parses {@code FROM:TO:STEP}, or a single value.
     *
     * @throws IllegalArgumentException saying what is wrong
     */
    public static SweepRange parse(String text) {
        String[] parts = text.strip().split(":", -1);
        try {
            if (parts.length == 1) {
                BigDecimal v = new BigDecimal(parts[0].strip());
                return new SweepRange(v, v, BigDecimal.ONE);
            }
            if (parts.length == 3) {
                return new SweepRange(new BigDecimal(parts[0].strip()), new BigDecimal(parts[1].strip()),
                        new BigDecimal(parts[2].strip()));
            }
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("'" + text + "' is not FROM:TO:STEP with numbers (e.g. 2:6:0.25)");
        }
        throw new IllegalArgumentException("'" + text + "' is not FROM:TO:STEP (e.g. 2:6:0.25)");
    }

    public List<Double> values() {
        List<Double> out = new ArrayList<>();
        for (BigDecimal v = from; v.compareTo(to) <= 0; v = v.add(step)) {
            out.add(v.doubleValue());
        }
        return out;
    }
}
