package org.mepsc.batch;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.mepsc.io.RecordingReaders;
import org.mepsc.recording.RecordingFormatException;

/**
 * Finds the recordings of a folder laid out as {@code FOLDER/GROUP/CELL.abf} (one file per cell)
 * or {@code FOLDER/GROUP/CELL/*.abf} (a cell's files in its own folder). A file is taken when a
 * reader recognises its content, or when it has the extension of a recording format (then a bad
 * file is reported as failed rather than silently left out); anything else (notes, sidecars,
 * ground-truth tables) is ignored. Hidden files and folders, and the output folder, are skipped.
 */
final class FolderScan {

    /** Group of files lying directly in the input folder. */
    static final String NO_GROUP = "ungrouped";

    /** Extensions that mark a file as meant to be a recording even when it cannot be read. */
    private static final Set<String> RECORDING_EXTENSIONS = Set.of("abf", "dat", "wcp", "axg", "axgd", "axgx", "nwb", "atf");

    private FolderScan() {
    }

    /**
     * @param skip a folder inside {@code folder} to leave out (the batch's output), or null
     */
    static BatchInput scan(Path folder, RecordingReaders readers, Path skip) throws IOException {
        Path root = folder.toAbsolutePath().normalize();
        Path skipped = skip == null ? null : skip.toAbsolutePath().normalize();
        List<Path> files;
        try (Stream<Path> walk = Files.walk(root)) {
            files = walk.filter(p -> !p.equals(root)).filter(p -> !hidden(root, p))
                    .filter(p -> skipped == null || !p.startsWith(skipped))
                    .filter(Files::isRegularFile).sorted().toList();
        }
        List<String> notes = new ArrayList<>();
        List<Path> ignored = new ArrayList<>();
        record Found(Path file, String group, String cell) {
        }
        List<Found> found = new ArrayList<>();
        for (Path f : files) {
            if (!isRecording(f, readers)) {
                ignored.add(root.relativize(f));
                continue;
            }
            Path rel = root.relativize(f);
            String group = rel.getNameCount() == 1 ? NO_GROUP : rel.getName(0).toString();
            String cell = rel.getNameCount() <= 2 ? stem(f.getFileName().toString()) : rel.getName(1).toString();
            found.add(new Found(f, group, cell));
        }
        if (found.isEmpty()) {
            throw new ManifestException(folder, "no recordings found" + (ignored.isEmpty() ? ""
                    : " (" + ignored.size() + " other files, e.g. " + ignored.get(0) + ")"));
        }
        if (!ignored.isEmpty()) {
            notes.add("ignored " + ignored.size() + " file" + (ignored.size() == 1 ? "" : "s")
                    + " that are not recordings (e.g. " + ignored.get(0) + ")");
        }
        // a cell name used in two groups gets its group as a prefix, so that cell names stay unique
        Map<String, String> groupOf = new HashMap<>();
        Map<String, Boolean> shared = new HashMap<>();
        for (Found f : found) {
            String g = groupOf.putIfAbsent(f.cell(), f.group());
            if (g != null && !g.equals(f.group())) {
                shared.put(f.cell(), true);
            }
        }
        List<BatchEntry> entries = new ArrayList<>();
        Map<String, Map<String, String>> properties = new LinkedHashMap<>();
        for (Found f : found) {
            String cell = shared.containsKey(f.cell()) ? f.group() + "/" + f.cell() : f.cell();
            properties.putIfAbsent(cell, Map.of());
            entries.add(new BatchEntry(f.file(), BatchInput.label(root, f.file()), cell, f.group(), null, List.of(),
                    List.of(), BatchInput.label(root, f.file())));
        }
        if (entries.stream().anyMatch(e -> e.group().equals(NO_GROUP))
                && entries.stream().anyMatch(e -> !e.group().equals(NO_GROUP))) {
            notes.add("files directly in " + folder + " are in the group '" + NO_GROUP
                    + "'; put each group's files in a sub-folder named after the group");
        }
        return new BatchInput(folder, BatchInput.Kind.FOLDER, root, entries, List.of(), properties, notes);
    }

    private static boolean hidden(Path root, Path p) {
        for (Path part : root.relativize(p)) {
            if (part.toString().startsWith(".")) {
                return true;
            }
        }
        return false;
    }

    private static boolean isRecording(Path f, RecordingReaders readers) throws IOException {
        String ext = extension(f.getFileName().toString());
        if (ext.equals("pul") && Files.exists(f.resolveSibling(stem(f.getFileName().toString()) + ".dat"))) {
            return false; // the tree file of an unbundled HEKA .dat: opened with its .dat
        }
        try {
            if (readers.detect(f).isPresent()) {
                return true;
            }
        } catch (RecordingFormatException e) {
            // empty or unreadable: a recording only if its name says so
        }
        return RECORDING_EXTENSIONS.contains(ext);
    }

    private static String extension(String name) {
        int dot = name.lastIndexOf('.');
        return dot < 0 ? "" : name.substring(dot + 1).toLowerCase(Locale.ROOT);
    }

    static String stem(String name) {
        int dot = name.lastIndexOf('.');
        return dot <= 0 ? name : name.substring(0, dot);
    }
}
