package org.mepsc.batch;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.mepsc.io.RecordingReaders;

/**
 * What a batch analyses: recordings, each assigned to a cell, each cell to a group.
 *
 * @param source the manifest or folder it was read from
 * @param root the folder file labels are relative to
 * @param entries the recordings, in the order given
 * @param cellColumns further columns of the manifest, which describe cells and are carried into cells.csv
 * @param cellProperties for each cell, its values of {@code cellColumns}
 * @param notes things the user should know about how the input was read
 */
public record BatchInput(Path source, Kind kind, Path root, List<BatchEntry> entries, List<String> cellColumns,
        Map<String, Map<String, String>> cellProperties, List<String> notes) {

    public enum Kind {
        MANIFEST, FOLDER, LIST
    }

    /** A cell and the entries that make it up. */
    public record Cell(String name, String group, List<BatchEntry> entries) {
    }

    public BatchInput {
        entries = List.copyOf(entries);
        cellColumns = List.copyOf(cellColumns);
        cellProperties = Map.copyOf(cellProperties);
        notes = List.copyOf(notes);
        Map<String, String> groups = new LinkedHashMap<>();
        for (BatchEntry e : entries) {
            String g = groups.putIfAbsent(e.cell(), e.group());
            if (g != null && !g.equals(e.group())) {
                throw new IllegalArgumentException("cell '" + e.cell() + "' is in two groups ('" + g + "' and '"
                        + e.group() + "')");
            }
        }
    }

    /**
     * A manifest (a CSV file) or a folder of recordings.
     *
     * @param output the batch's output folder, left out when scanning a folder that contains it
     * @throws ManifestException if the input cannot be used (a usage error)
     */
    public static BatchInput read(Path input, RecordingReaders readers, Path output) throws IOException {
        if (Files.isDirectory(input)) {
            if (output != null && output.toAbsolutePath().normalize().equals(input.toAbsolutePath().normalize())) {
                throw new IllegalArgumentException("--out must not be the input folder itself; give a new folder (e.g. "
                        + input.resolve("results") + ")");
            }
            return FolderScan.scan(input, readers, output);
        }
        if (!Files.exists(input)) {
            throw new ManifestException(input, "no such manifest or folder");
        }
        return Manifest.read(input);
    }

    /** Entries made in code (a pipeline that knows its files); labels relative to {@code root}. */
    public static BatchInput of(Path root, List<BatchEntry> entries) {
        Map<String, Map<String, String>> none = new LinkedHashMap<>();
        entries.forEach(e -> none.putIfAbsent(e.cell(), Map.of()));
        return new BatchInput(root, Kind.LIST, root.toAbsolutePath().normalize(), entries, List.of(), none, List.of());
    }

    /** Cells in order of first appearance, each with its entries in input order. */
    public List<Cell> cells() {
        Map<String, List<BatchEntry>> byCell = new LinkedHashMap<>();
        for (BatchEntry e : entries) {
            byCell.computeIfAbsent(e.cell(), k -> new ArrayList<>()).add(e);
        }
        List<Cell> cells = new ArrayList<>();
        byCell.forEach((name, list) -> cells.add(new Cell(name, list.get(0).group(), List.copyOf(list))));
        return cells;
    }

    /** Distinct groups in order of first appearance. */
    public List<String> groups() {
        return entries.stream().map(BatchEntry::group).distinct().toList();
    }

    /** A file's path relative to {@code root} with '/' separators, or its absolute path if outside it. */
    static String label(Path root, Path file) {
        Path abs = file.toAbsolutePath().normalize();
        if (!abs.startsWith(root)) {
            return abs.toString();
        }
        List<String> parts = new ArrayList<>();
        root.relativize(abs).forEach(p -> parts.add(p.toString()));
        return String.join("/", parts);
    }
}
