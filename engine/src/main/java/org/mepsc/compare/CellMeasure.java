package org.mepsc.compare;

/** A per-cell measure of cells.csv compared between groups (the cell is the unit). */
public enum CellMeasure {
    FREQUENCY("frequency_hz", "Event frequency", "Frequency", "Hz"),
    AMPLITUDE("amplitude_median_pA", "Median amplitude", "Amplitude", "pA"),
    RISE("rise_10_90_median_ms", "Median 10–90 % rise time", "Rise 10–90 %", "ms"),
    DECAY("decay_tau_median_ms", "Median decay time constant", "Decay τ", "ms");

    private final String column;
    private final String label;
    private final String shortLabel;
    private final String unit;

    CellMeasure(String column, String label, String shortLabel, String unit) {
        this.column = column;
        this.label = label;
        this.shortLabel = shortLabel;
        this.unit = unit;
    }

    /** The column of cells.csv, also the measure's name in comparison.csv. */
    public String column() {
        return column;
    }

    public String label() {
        return label;
    }

    /** For table rows (per-cell medians are implied there). */
    public String shortLabel() {
        return shortLabel;
    }

    public String unit() {
        return unit;
    }
}
