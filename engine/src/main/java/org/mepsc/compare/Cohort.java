package org.mepsc.compare;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * What a batch output directory holds, grouped for comparison.
 *
 * @param groupBy the cells.csv column that defines the groups
 * @param groups group names in order of first appearance in cells.csv
 * @param cells every cell of cells.csv, failed ones included
 * @param events event values per cell (cells with status ok only); empty without events.csv
 * @param waveforms average event per cell, t in ms; empty without waveforms.csv
 * @param examples example stretch per cell, t in s; empty without examples.csv
 * @param run the batch run's run.json, or null
 * @param notes what was missing or left out, for the report
 */
public record Cohort(Path dir, String groupBy, List<String> groups, List<CellRecord> cells, boolean hasEvents,
        Map<String, CellEvents> events, Map<String, Trace> waveforms, Map<String, ExampleTrace> examples,
        JsonNode run, List<String> notes) {

    public List<CellRecord> okCells(String group) {
        return cells.stream().filter(c -> c.ok() && c.group().equals(group)).toList();
    }

    public List<CellRecord> failedCells() {
        return cells.stream().filter(c -> !c.ok()).toList();
    }

    /** Finite values of a measure over the group's ok cells, in cells.csv order. */
    public double[] values(String group, CellMeasure measure) {
        return okCells(group).stream().mapToDouble(c -> c.value(measure)).filter(Double::isFinite).toArray();
    }

    /** For each ok cell of the group, its events' values (an empty array for a cell without events). */
    public List<double[]> eventValues(String group, EventMeasure measure) {
        double[] none = new double[0];
        return okCells(group).stream().map(c -> {
            CellEvents e = events.get(c.name());
            return e == null ? none : e.values(measure);
        }).toList();
    }

    /** Number of events of the group's ok cells. */
    public long eventCount(String group) {
        return eventValues(group, EventMeasure.AMPLITUDE).stream().mapToLong(a -> a.length).sum();
    }

    @Override
    public String toString() {
        return "Cohort[" + dir + ", by " + groupBy + ", groups " + groups + ", " + cells.size() + " cells]";
    }
}
