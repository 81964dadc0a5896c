package org.mepsc.io.text;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;
import org.mepsc.recording.RecordingFormatException;

/**
 * Checks, one time value at a time, that a time column advances at a constant rate, and gives
 * that rate. Each step must lie within half a step of the first step (no gaps, repeats or
 * reversals); every {@value DelimitedTable#CHECKPOINT_ROWS}th time is kept and, at the end,
 * checked against the line through the first and last times, which catches slow drift.
 */
final class RegularTime {

    private final Path file;
    private final String what;
    private final double toSeconds;
    private long count;
    private double first;
    private double previous;
    private double firstStep;
    private double[] kept = new double[8];
    private long[] keptLines = new long[8];

    /**
     * @param what the time column's place, for messages ("sweep 2")
     * @param toSeconds seconds per unit of the column
     */
    RegularTime(Path file, String what, double toSeconds) {
        this.file = file;
        this.what = what;
        this.toSeconds = toSeconds;
    }

    void add(long lineNumber, double value) throws RecordingFormatException {
        double t = value * toSeconds;
        if (!Double.isFinite(t)) {
            throw new RecordingFormatException(file, "line " + lineNumber + ": time " + value + " is not a finite number");
        }
        if (count == 0) {
            first = t;
        } else if (count == 1) {
            firstStep = t - first;
            if (!(firstStep > 0)) {
                throw new RecordingFormatException(file, "line " + lineNumber + ": time does not increase (" + what + ")");
            }
        } else {
            double step = t - previous;
            if (!(Math.abs(step - firstStep) <= 0.5 * firstStep)) {
                throw new RecordingFormatException(file, String.format(Locale.ROOT,
                        "line %d: irregular time (a step of %.6g s where the first step of %s is %.6g s); "
                                + "mepsc needs a constant sample rate", lineNumber, step, what, firstStep));
            }
        }
        if (count % DelimitedTable.CHECKPOINT_ROWS == 0) {
            int k = (int) (count / DelimitedTable.CHECKPOINT_ROWS);
            if (k == kept.length) {
                kept = Arrays.copyOf(kept, k * 2);
                keptLines = Arrays.copyOf(keptLines, k * 2);
            }
            kept[k] = t;
            keptLines[k] = lineNumber;
        }
        previous = t;
        count++;
    }

    long count() {
        return count;
    }

    /** The first time, in seconds. */
    double startS() {
        return first;
    }

    /** The sample rate, checked against the kept times; rounded to whole Hz when within 1 ppm. */
    double rateHz() throws RecordingFormatException {
        if (count < 2) {
            throw new RecordingFormatException(file, what + " has " + count + " row(s): too few to tell the sample rate");
        }
        double step = (previous - first) / (count - 1);
        for (int k = 0; k * (long) DelimitedTable.CHECKPOINT_ROWS < count; k++) {
            double expected = first + k * (double) DelimitedTable.CHECKPOINT_ROWS * step;
            if (!(Math.abs(kept[k] - expected) <= 0.5 * step)) {
                throw new RecordingFormatException(file, String.format(Locale.ROOT,
                        "line %d: irregular time (%.9g s where a constant rate over %s puts %.9g s); "
                                + "mepsc needs a constant sample rate", keptLines[k], kept[k], what, expected));
            }
        }
        double rate = 1 / step;
        double whole = Math.rint(rate);
        return Math.abs(rate - whole) <= 1e-6 * rate ? whole : rate;
    }
}
