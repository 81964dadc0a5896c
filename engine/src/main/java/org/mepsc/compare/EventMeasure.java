package org.mepsc.compare;

/** A per-event column of events.csv whose distributions are compared between groups. */
public enum EventMeasure {
    AMPLITUDE("amplitude_pA", "Amplitude", "pA"),
    INTERVAL("iei_ms", "Inter-event interval", "ms");

    private final String column;
    private final String label;
    private final String unit;

    EventMeasure(String column, String label, String unit) {
        this.column = column;
        this.label = label;
        this.unit = unit;
    }

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
