package org.mepsc.batch;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.MalformedInputException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.mepsc.io.text.Utf8Text;
import org.mepsc.pipeline.Exclusion;
import org.mepsc.recording.SweepRanges;

/**
 * Reads a batch manifest: a CSV table with the columns {@code file,cell,group} and optionally
 * {@code channel,sweeps,exclude}; any other column is a property of the cell, carried into
 * cells.csv (so {@code compare --by} can group by it). Paths are relative to the manifest's
 * folder. Every problem is a {@link ManifestException} naming the manifest and the line.
 */
final class Manifest {

    static final String FILE = "file";
    static final String CELL = "cell";
    static final String GROUP = "group";
    static final String CHANNEL = "channel";
    static final String SWEEPS = "sweeps";
    static final String EXCLUDE = "exclude";
    private static final List<String> REQUIRED = List.of(FILE, CELL, GROUP);
    private static final List<String> KNOWN = List.of(FILE, CELL, GROUP, CHANNEL, SWEEPS, EXCLUDE);

    private static final CSVFormat FORMAT = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true)
            .setTrim(true).setIgnoreEmptyLines(true).setCommentMarker('#').setIgnoreSurroundingSpaces(true).get();

    private Manifest() {
    }

    static BatchInput read(Path manifest) throws IOException {
        Path root = manifest.toAbsolutePath().normalize().getParent();
        List<BatchEntry> entries = new ArrayList<>();
        Map<String, String> groupOfCell = new HashMap<>();
        Map<String, Long> lineOfCell = new HashMap<>();
        Map<String, Long> lineOfKey = new HashMap<>();
        Map<String, Map<String, String>> properties = new LinkedHashMap<>();
        List<String> extra = new ArrayList<>();
        List<String> notes = new ArrayList<>();
        try (Reader in = Utf8Text.reader(manifest); CSVParser parser = CSVParser.builder().setReader(in).setFormat(FORMAT).get()) {
            Map<String, String> columns = columns(manifest, parser.getHeaderNames(), extra);
            for (CSVRecord r : parser) {
                long line = r.getParser().getCurrentLineNumber();
                String where = "line " + line;
                if (r.size() < parser.getHeaderNames().size()) {
                    throw new ManifestException(manifest, where + " has " + r.size() + " fields, the header "
                            + parser.getHeaderNames().size());
                }
                String fileText = required(manifest, r, columns, FILE, where);
                String cell = required(manifest, r, columns, CELL, where);
                String group = required(manifest, r, columns, GROUP, where);
                Path file = root.resolve(fileText).normalize();
                if (!Files.exists(file)) {
                    throw new ManifestException(manifest, where + ": no such file '" + fileText + "' (looked for " + file + ")");
                }
                if (Files.isDirectory(file)) {
                    throw new ManifestException(manifest, where + ": '" + fileText + "' is a folder; name one recording per line");
                }
                String earlierGroup = groupOfCell.putIfAbsent(cell, group);
                if (earlierGroup != null && !earlierGroup.equals(group)) {
                    throw new ManifestException(manifest, where + ": cell '" + cell + "' is in group '" + group
                            + "' here but in group '" + earlierGroup + "' on line " + lineOfCell.get(cell));
                }
                lineOfCell.putIfAbsent(cell, line);
                String channel = optional(r, columns, CHANNEL);
                List<Integer> sweeps;
                List<Exclusion> exclusions;
                try {
                    sweeps = SweepRanges.parse(optional(r, columns, SWEEPS));
                    exclusions = exclusions(optional(r, columns, EXCLUDE));
                } catch (IllegalArgumentException e) {
                    throw new ManifestException(manifest, where + ": " + e.getMessage());
                }
                String key = file + "|" + (channel == null ? "" : channel.toLowerCase(Locale.ROOT)) + "|"
                        + SweepRanges.format(sweeps);
                Long repeated = lineOfKey.putIfAbsent(key, line);
                if (repeated != null) {
                    throw new ManifestException(manifest, where + " repeats line " + repeated
                            + " (the same file, channel and sweeps would be counted twice)");
                }
                carry(manifest, r, extra, cell, properties, where);
                entries.add(new BatchEntry(file, BatchInput.label(root, file), cell, group, channel, sweeps, exclusions,
                        manifest.getFileName() + " " + where));
            }
        } catch (NoSuchFileException e) {
            throw new ManifestException(manifest, "no such file");
        } catch (MalformedInputException e) {
            throw new ManifestException(manifest, "not UTF-8 text; save the manifest as CSV (UTF-8)");
        } catch (ManifestException e) {
            throw e;
        } catch (UncheckedIOException | IllegalStateException | IllegalArgumentException e) {
            // commons-csv reports malformed quoting and duplicate header names this way
            throw new ManifestException(manifest, "not readable CSV: " + oneLine(e));
        }
        if (entries.isEmpty()) {
            throw new ManifestException(manifest, "no files listed (the manifest has a header only)");
        }
        return new BatchInput(manifest, BatchInput.Kind.MANIFEST, root, entries, extra, properties, notes);
    }

    /** Header names, matched without regard to case; unknown names are properties of the cell. */
    private static Map<String, String> columns(Path manifest, List<String> header, List<String> extra) {
        Map<String, String> byName = new HashMap<>();
        for (String h : header) {
            String key = h.strip().toLowerCase(Locale.ROOT);
            if (KNOWN.contains(key)) {
                byName.put(key, h);
            } else if (BatchTables.CELL_COLUMNS.contains(h.strip())) {
                throw new ManifestException(manifest, "column '" + h + "' is a column of cells.csv, which mepsc "
                        + "fills in; rename it in the manifest");
            } else if (!h.isBlank()) {
                extra.add(h);
            }
        }
        for (String column : REQUIRED) {
            if (!byName.containsKey(column)) {
                throw new ManifestException(manifest, "no column '" + column + "'; a manifest needs the columns "
                        + "file,cell,group (optional: channel,sweeps,exclude); the header is: " + String.join(",", header));
            }
        }
        return byName;
    }

    private static String required(Path manifest, CSVRecord r, Map<String, String> columns, String column, String where) {
        String v = r.get(columns.get(column));
        if (v.isEmpty()) {
            throw new ManifestException(manifest, where + ": empty " + column);
        }
        return v;
    }

    private static String optional(CSVRecord r, Map<String, String> columns, String column) {
        String name = columns.get(column);
        if (name == null) {
            return null;
        }
        String v = r.get(name);
        return v.isEmpty() ? null : v;
    }

    /** Exclusions separated by ';', each as {@code mepsc detect --exclude} writes it. */
    static List<Exclusion> exclusions(String text) {
        if (text == null || text.isBlank()) {
            return List.of();
        }
        List<Exclusion> out = new ArrayList<>();
        for (String part : text.split(";")) {
            if (!part.isBlank()) {
                out.add(Exclusion.parse(part));
            }
        }
        return out;
    }

    /** A cell's properties must agree across its lines: they describe the cell, not the file. */
    private static void carry(Path manifest, CSVRecord r, List<String> extra, String cell,
            Map<String, Map<String, String>> properties, String where) {
        Map<String, String> own = properties.get(cell);
        if (own == null) {
            own = new LinkedHashMap<>();
            for (String column : extra) {
                own.put(column, r.get(column));
            }
            properties.put(cell, own);
            return;
        }
        for (String column : extra) {
            String v = r.get(column);
            if (!v.equals(own.get(column))) {
                throw new ManifestException(manifest, where + ": column '" + column + "' of cell '" + cell + "' is '"
                        + v + "' here but '" + own.get(column) + "' on an earlier line; a column other than "
                        + "file,channel,sweeps,exclude describes the cell and must be the same on each of its lines");
            }
        }
    }

    private static String oneLine(Exception e) {
        String m = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        return m.replace('\n', ' ');
    }
}
