package org.mepsc.filter;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The {@link RowFft.Plan}s of one run, made once per shape and shared by its threads' banks.
 * Calibration builds new banks for every template it tries, on every thread, and each bank needs
 * two plans; their shapes repeat, so all but the first of each are looked up here. Thread-safe.
 */
public final class FftPlans {

    private record Shape(int rows, int lanes, boolean inverse) {
    }

    private final Map<Shape, RowFft.Plan> plans = new ConcurrentHashMap<>();

    /** The plan for a transform of {@code rows × lanes} points in the given direction. */
    public RowFft.Plan plan(int rows, int lanes, boolean inverse) {
        return plans.computeIfAbsent(new Shape(rows, lanes, inverse), s -> new RowFft.Plan(s.rows(), s.lanes(), s.inverse()));
    }
}
