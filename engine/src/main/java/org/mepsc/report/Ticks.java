package org.mepsc.report;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** "Nice" axis ticks (steps of 1, 2 or 5 times a power of ten). */
final class Ticks {

    private Ticks() {
    }

    /** About {@code target} tick values covering [min, max]. */
    static List<Double> of(double min, double max, int target) {
        double step = step(min, max, target);
        List<Double> ticks = new ArrayList<>();
        long first = (long) Math.ceil(min / step - 1e-9);
        long last = (long) Math.floor(max / step + 1e-9);
        for (long k = first; k <= last; k++) {
            ticks.add(k * step);
        }
        return ticks;
    }

    static double step(double min, double max, int target) {
        double range = max - min;
        if (!(range > 0)) {
            return 1;
        }
        double raw = range / Math.max(1, target);
        double power = Math.pow(10, Math.floor(Math.log10(raw)));
        double f = raw / power;
        // thresholds at the geometric means of 1, 2, 5, 10
        double nice = f < Math.sqrt(2) ? 1 : f < Math.sqrt(10) ? 2 : f < Math.sqrt(50) ? 5 : 10;
        return nice * power;
    }

    /** A tick label with as many decimals as the step needs. */
    static String label(double value, double step) {
        int decimals = Math.max(0, (int) -Math.floor(Math.log10(step) + 1e-9));
        return String.format(Locale.ROOT, "%." + decimals + "f", value).replace('-', '−');
    }

    /** [min, max] widened to whole steps. */
    static double[] niceRange(double min, double max, int target) {
        if (!(max > min)) {
            double pad = min == 0 ? 1 : Math.abs(min) * 0.1;
            min -= pad;
            max += pad;
        }
        double step = step(min, max, target);
        return new double[] {Math.floor(min / step + 1e-9) * step, Math.ceil(max / step - 1e-9) * step};
    }
}
