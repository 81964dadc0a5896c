package org.mepsc.compare;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.DoubleStream;
import org.mepsc.json.Json;

/**
 * Reads a batch output directory. Only cells.csv is required; without events.csv there are no
 * distribution comparisons, and without waveforms.csv or examples.csv the report leaves those
 * panels out. Each absence is recorded in {@link Cohort#notes()}.
 */
public final class CohortReader {

    /** The grouping column of the batch contract. */
    public static final String DEFAULT_GROUP_BY = "group";

    private static final List<String> NUMERIC_CELL_COLUMNS = List.of("files", "event_count", "analysed_duration_s",
            "frequency_hz", "amplitude_median_pA", "amplitude_mean_pA", "rise_10_90_median_ms",
            "decay_tau_median_ms", "noise_sd_pA");

    private CohortReader() {
    }

    /**
     * @param groupBy a column of cells.csv whose values name the groups
     * @throws IllegalArgumentException if {@code groupBy} is not a column (a usage error)
     * @throws BatchFormatException if a file is missing or malformed
     */
    public static Cohort read(Path dir, String groupBy) throws IOException {
        if (!Files.isDirectory(dir)) {
            throw new BatchFormatException(dir, Files.exists(dir) ? "not a directory; give the output directory of mepsc batch"
                    : "no such directory");
        }
        Path cellsFile = dir.resolve(BatchFiles.CELLS);
        if (!Files.isRegularFile(cellsFile)) {
            throw new BatchFormatException(cellsFile, "no such file; compare reads the output directory of mepsc batch");
        }
        List<String> notes = new ArrayList<>();
        List<String> header = CsvRows.header(cellsFile);
        if (!header.contains(groupBy)) {
            String problem = "no column '" + groupBy + "' to group by in " + cellsFile + " (columns: "
                    + String.join(", ", header) + ")";
            if (groupBy.equals(DEFAULT_GROUP_BY)) {
                throw new BatchFormatException(cellsFile, "no column '" + groupBy + "'; the header is: " + String.join(",", header));
            }
            throw new IllegalArgumentException("--by: " + problem);
        }
        List<CellRecord> cells = readCells(cellsFile, header, groupBy, notes);
        List<String> groups = new ArrayList<>(new LinkedHashSet<>(cells.stream().map(CellRecord::group).toList()));

        Map<String, CellRecord> byName = new HashMap<>();
        cells.forEach(c -> byName.put(c.name(), c));
        Path eventsFile = dir.resolve(BatchFiles.EVENTS);
        boolean hasEvents = Files.isRegularFile(eventsFile);
        Map<String, CellEvents> events = hasEvents ? readEvents(eventsFile, byName, notes) : Map.of();
        if (!hasEvents) {
            notes.add(BatchFiles.EVENTS + " is absent: event distributions are not compared.");
        }
        Map<String, Trace> waveforms = optionalTraces(dir.resolve(BatchFiles.WAVEFORMS), "t_ms", byName, notes,
                "the report has no average waveforms");
        Map<String, Trace> exampleTraces = optionalTraces(dir.resolve(BatchFiles.EXAMPLES), "t_s", byName, notes,
                "the report has no example traces");
        Map<String, ExampleTrace> examples = withEvents(dir.resolve(BatchFiles.EXAMPLE_EVENTS), exampleTraces, notes);
        JsonNode run = readRun(dir.resolve(BatchFiles.RUN), notes);
        return new Cohort(dir, groupBy, List.copyOf(groups), List.copyOf(cells), hasEvents, events, waveforms,
                examples, run, List.copyOf(notes));
    }

    private static List<CellRecord> readCells(Path file, List<String> header, String groupBy, List<String> notes)
            throws IOException {
        boolean hasStatus = header.contains("status");
        if (!hasStatus) {
            notes.add(BatchFiles.CELLS + " has no status column: every cell is taken as ok.");
        }
        for (CellMeasure m : CellMeasure.values()) {
            if (!header.contains(m.column())) {
                notes.add(BatchFiles.CELLS + " has no column " + m.column() + ": that measure is not compared.");
            }
        }
        List<CellRecord> cells = new ArrayList<>();
        Map<String, Long> lines = new HashMap<>();
        CsvRows.read(file, List.of("cell", groupBy), row -> {
            String name = row.text("cell");
            if (name.isEmpty()) {
                throw new BatchFormatException(file, "line " + row.line() + ": empty cell name");
            }
            Long earlier = lines.putIfAbsent(name, row.line());
            if (earlier != null) {
                throw new BatchFormatException(file, "cell '" + name + "' appears twice (lines " + earlier + " and "
                        + row.line() + "); cell names must be unique");
            }
            String group = row.text(groupBy);
            String status = hasStatus ? row.text("status") : "ok";
            boolean ok = status.equalsIgnoreCase("ok");
            Map<String, Double> numbers = new LinkedHashMap<>();
            for (String column : NUMERIC_CELL_COLUMNS) {
                if (row.has(column)) {
                    numbers.put(column, ok ? row.number(column) : lenientNumber(row, column));
                }
            }
            cells.add(new CellRecord(name, group.isEmpty() ? "(no " + groupBy + ")" : group, status.isEmpty() ? "(no status)" : status,
                    Map.copyOf(withoutNaN(numbers))));
        });
        if (cells.isEmpty()) {
            throw new BatchFormatException(file, "no cells (the file has a header only)");
        }
        return cells;
    }

    /** Failed cells often have empty or odd values: never fail on them. */
    private static double lenientNumber(CsvRows.Row row, String column) {
        try {
            return row.number(column);
        } catch (BatchFormatException e) {
            return Double.NaN;
        }
    }

    private static Map<String, Double> withoutNaN(Map<String, Double> numbers) {
        numbers.values().removeIf(v -> v.isNaN());
        return numbers;
    }

    private static Map<String, CellEvents> readEvents(Path file, Map<String, CellRecord> cells, List<String> notes)
            throws IOException {
        Map<String, DoubleStream.Builder> amplitudes = new LinkedHashMap<>();
        Map<String, DoubleStream.Builder> intervals = new LinkedHashMap<>();
        long[] unknown = {0};
        Set<String> unknownNames = new LinkedHashSet<>();
        boolean[] hasIntervals = {false};
        CsvRows.read(file, List.of("cell", EventMeasure.AMPLITUDE.column()), row -> {
            String name = row.text("cell");
            CellRecord cell = cells.get(name);
            if (cell == null) {
                unknown[0]++;
                if (unknownNames.size() < 3) {
                    unknownNames.add(name);
                }
                return;
            }
            if (!cell.ok()) {
                return;
            }
            double amplitude = row.number(EventMeasure.AMPLITUDE.column());
            if (Double.isFinite(amplitude)) {
                amplitudes.computeIfAbsent(name, k -> DoubleStream.builder()).add(amplitude);
            }
            if (row.has(EventMeasure.INTERVAL.column())) {
                hasIntervals[0] = true;
                double iei = row.number(EventMeasure.INTERVAL.column());
                if (Double.isFinite(iei)) {
                    intervals.computeIfAbsent(name, k -> DoubleStream.builder()).add(iei);
                }
            }
        });
        if (unknown[0] > 0) {
            notes.add(BatchFiles.EVENTS + ": " + unknown[0] + " events of cells not in " + BatchFiles.CELLS
                    + " were ignored (e.g. " + String.join(", ", unknownNames) + ").");
        }
        if (!hasIntervals[0]) {
            notes.add(BatchFiles.EVENTS + " has no iei_ms values: inter-event intervals are not compared.");
        }
        Map<String, CellEvents> events = new HashMap<>();
        for (CellRecord c : cells.values()) {
            if (c.ok()) {
                events.put(c.name(), new CellEvents(build(amplitudes.get(c.name())), build(intervals.get(c.name()))));
            }
        }
        return events;
    }

    private static double[] build(DoubleStream.Builder b) {
        return b == null ? new double[0] : b.build().toArray();
    }

    private static Map<String, Trace> optionalTraces(Path file, String timeColumn, Map<String, CellRecord> cells,
            List<String> notes, String consequence) throws IOException {
        if (!Files.isRegularFile(file)) {
            notes.add(file.getFileName() + " is absent: " + consequence + ".");
            return Map.of();
        }
        Map<String, DoubleStream.Builder> xs = new LinkedHashMap<>();
        Map<String, DoubleStream.Builder> ys = new LinkedHashMap<>();
        CsvRows.read(file, List.of("cell", timeColumn, "current_pA"), row -> {
            String name = row.text("cell");
            if (cells.containsKey(name)) {
                xs.computeIfAbsent(name, k -> DoubleStream.builder()).add(row.number(timeColumn));
                ys.computeIfAbsent(name, k -> DoubleStream.builder()).add(row.number("current_pA"));
            }
        });
        Map<String, Trace> traces = new LinkedHashMap<>();
        for (String name : xs.keySet()) {
            traces.put(name, sorted(xs.get(name).build().toArray(), ys.get(name).build().toArray()));
        }
        return traces;
    }

    /** The trace with x ascending (rows may come in any order). */
    private static Trace sorted(double[] x, double[] y) {
        boolean ascending = true;
        for (int i = 1; i < x.length && ascending; i++) {
            ascending = x[i] >= x[i - 1];
        }
        if (ascending) {
            return new Trace(x, y);
        }
        Integer[] order = new Integer[x.length];
        for (int i = 0; i < order.length; i++) {
            order[i] = i;
        }
        java.util.Arrays.sort(order, (i, j) -> Double.compare(x[i], x[j]));
        double[] sx = new double[x.length];
        double[] sy = new double[x.length];
        for (int i = 0; i < order.length; i++) {
            sx[i] = x[order[i]];
            sy[i] = y[order[i]];
        }
        return new Trace(sx, sy);
    }

    private static Map<String, ExampleTrace> withEvents(Path file, Map<String, Trace> traces, List<String> notes)
            throws IOException {
        if (traces.isEmpty()) {
            return Map.of();
        }
        Map<String, DoubleStream.Builder> peaks = new HashMap<>();
        Map<String, DoubleStream.Builder> amps = new HashMap<>();
        if (Files.isRegularFile(file)) {
            CsvRows.read(file, List.of("cell", "peak_s", "amplitude_pA"), row -> {
                String name = row.text("cell");
                if (traces.containsKey(name)) {
                    peaks.computeIfAbsent(name, k -> DoubleStream.builder()).add(row.number("peak_s"));
                    amps.computeIfAbsent(name, k -> DoubleStream.builder()).add(row.number("amplitude_pA"));
                }
            });
        } else {
            notes.add(BatchFiles.EXAMPLE_EVENTS + " is absent: example traces are shown without event marks.");
        }
        Map<String, ExampleTrace> examples = new LinkedHashMap<>();
        traces.forEach((name, t) -> examples.put(name, new ExampleTrace(t, build(peaks.get(name)), build(amps.get(name)))));
        return examples;
    }

    private static JsonNode readRun(Path file, List<String> notes) {
        if (!Files.isRegularFile(file)) {
            notes.add(BatchFiles.RUN + " is absent: the report lists no run parameters.");
            return null;
        }
        try {
            return Json.mapper().readTree(file.toFile());
        } catch (IOException e) {
            notes.add(BatchFiles.RUN + " is not readable JSON (" + e.getMessage().lines().findFirst().orElse("")
                    + "): the report lists no run parameters.");
            return null;
        }
    }
}
