package org.mepsc.compare;

/** File names of a batch output directory: what {@code mepsc batch} writes and compare reads. */
public final class BatchFiles {

    /** One row per cell: per-cell measures and status ("ok" or why the cell failed). */
    public static final String CELLS = "cells.csv";
    /** One row per event, the detector's columns preceded by cell and group. */
    public static final String EVENTS = "events.csv";
    /** The average event of each cell (optional): cell, group, t_ms, current_pA. */
    public static final String WAVEFORMS = "waveforms.csv";
    /** A short stretch of trace per cell (optional): cell, group, t_s, current_pA. */
    public static final String EXAMPLES = "examples.csv";
    /** The events detected in those stretches (optional): cell, group, peak_s, amplitude_pA. */
    public static final String EXAMPLE_EVENTS = "example_events.csv";
    /** Parameters and version of the batch run (optional). */
    public static final String RUN = "run.json";

    public static final String COMPARISON_JSON = "comparison.json";
    public static final String COMPARISON_CSV = "comparison.csv";
    public static final String REPORT = "report.html";

    private BatchFiles() {
    }
}
