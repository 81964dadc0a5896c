package org.mepsc.compare;

import java.util.Map;

/**
 * One row of cells.csv.
 *
 * @param group the value of the grouping column (normally "group")
 * @param status "ok", or why the cell failed
 * @param numbers the numeric columns that could be read (missing values absent or NaN)
 */
public record CellRecord(String name, String group, String status, Map<String, Double> numbers) {

    public boolean ok() {
        return status.equalsIgnoreCase("ok");
    }

    public double value(CellMeasure measure) {
        return numbers.getOrDefault(measure.column(), Double.NaN);
    }

    public double number(String column) {
        return numbers.getOrDefault(column, Double.NaN);
    }
}
