package org.mepsc.compare;

/** A per-cell measure of cells.csv compared between groups (the cell is the unit). */
public enum CellMeasure {
    FREQUENCY("frequency_hz", "Event frequency", "Hz"),
    AMPLITUDE("amplitude_median_pA", "Median amplitude", "pA"),
    RISE("rise_10_90_median_ms", "Median 10–90 % rise time", "ms"),
    DECAY("decay_tau_median_ms", "Median decay time constant", "ms");

    private final String column;
    private final String label;
    private final String unit;

    CellMeasure(String column, String label, String unit) {
        this.column = column;
        this.label = label;
        this.unit = unit;
    }

    /** The column of cells.csv, also the measure's name in comparison.csv. */
    public String column() {
        return column;
    }

    public String label() {
        return label;
    }

    public String unit() {
        return unit;
    }
}
