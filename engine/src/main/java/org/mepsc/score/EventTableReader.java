package org.mepsc.score;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.MalformedInputException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.mepsc.recording.RecordingFormatException;
import org.mepsc.sim.GroundTruthTable;

/**
 * Reads event times from the tables detectors and simulators write:
 * <ul>
 * <li>mepsc's ground-truth table ({@link GroundTruthTable}): onsets, peaks, amplitudes, duration;</li>
 * <li>mepsc's events table ({@code file,channel,sweep,event,onset_s,peak_s,amplitude_pA,…}):
 *     where there is an {@code accepted} column, only accepted rows count; a table holding
 *     events of several recordings is refused (score one recording at a time);</li>
 * <li>any CSV/TSV/semicolon table with a header naming a time column with its unit:
 *     onset ({@code onset_s}, {@code onset_ms}, {@code "Onset (ms)"}, {@code start_time_s}, …),
 *     peak ({@code peak_s}, {@code peak_time_ms}, …) or a plain time ({@code time_s}, {@code t_ms},
 *     {@code "Time (ms)"}, … — taken as onsets), and optionally an amplitude ({@code amplitude_pA},
 *     {@code amp}, {@code "Peak Amp (pA)"}, … in pA or nA; the sign is dropped);</li>
 * <li>a text file with one time in seconds per line and no header (Eventer's
 *     {@code *_EventTimes.txt}), taken as onsets.</li>
 * </ul>
 * Lines starting with {@code #} are comments; {@code # duration_s=D} before the first data or
 * header line gives the duration.
 */
public final class EventTableReader {

    /** More rows than this is not an event table (and would not fit in memory). */
    static final int MAX_ROWS = 20_000_000;

    private static final Pattern UNIT = Pattern.compile(
            "^(.*?)[\\s_]*(?:\\(([^)]*)\\)|\\[([^\\]]*)\\]|_(s|ms|sec|msec|pa|na)|\\s(s|ms|sec|msec|pa|na))$");
    private static final Pattern DURATION = Pattern.compile("^#\\s*duration_s\\s*=\\s*(\\S+)\\s*$");

    private EventTableReader() {
    }

    private enum Kind { ONSET, PEAK, TIME, TIME_WITHOUT_UNIT, AMPLITUDE, ACCEPTED, FILE, CHANNEL, SWEEP, OTHER }

    /** Names of time columns, to tell a user whose column lacks a unit how to name it. */
    private static final Set<String> TIME_NAMES = Set.of("onset", "onset time", "peak time", "time", "t",
            "event time", "times", "start time", "timestamp");

    /** What a column holds and the factor to seconds (times) or pA (amplitudes). */
    private record Column(Kind kind, double factor) {
    }

    /**
     * Reads a table.
     *
     * @throws RecordingFormatException naming the file (and line) of any problem
     */
    public static EventList read(Path file) throws IOException {
        try {
            if (GroundTruthTable.looksLikeTruth(file)) {
                return EventList.fromTruth(GroundTruthTable.read(file)).withName(file.toString());
            }
            List<String> head = firstLines(file);
            if (head.isEmpty()) {
                throw new RecordingFormatException(file, "no events and no header: the file is empty");
            }
            String first = head.get(0);
            EventList events = isNumber(first.strip()) ? readTimeList(file) : readTable(file, first);
            return events.withName(file.toString());
        } catch (NoSuchFileException e) {
            throw new RecordingFormatException(file, "no such file");
        } catch (MalformedInputException e) {
            throw new RecordingFormatException(file, "not a text file (invalid UTF-8)");
        } catch (IllegalArgumentException e) {
            throw new RecordingFormatException(file, e.getMessage());
        }
    }

    /** The first non-comment, non-empty line (in a list, empty if none). */
    private static List<String> firstLines(Path file) throws IOException {
        try (BufferedReader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            String line;
            while ((line = r.readLine()) != null) {
                String t = line.replace("\uFEFF", "").strip();
                if (!t.isEmpty() && !t.startsWith("#")) {
                    return List.of(t);
                }
            }
        }
        return List.of();
    }

    private static boolean isNumber(String s) {
        try {
            Double.parseDouble(s);
            return true;
        } catch (NumberFormatException e) {
            return false;
        }
    }

    private static EventList readTimeList(Path file) throws IOException {
        DoubleList times = new DoubleList();
        try (BufferedReader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            String line;
            int lineNo = 0;
            while ((line = r.readLine()) != null) {
                lineNo++;
                String t = line.replace("\uFEFF", "").strip();
                if (!t.isEmpty() && !t.startsWith("#")) {
                    times.add(number(file, lineNo, t, "time"), file);
                }
            }
        }
        return withDuration(EventList.ofOnsets(times.toArray()), durationFromComments(file));
    }

    private static double durationComment(Path file, int lineNo, String line, double current)
            throws RecordingFormatException {
        Matcher m = DURATION.matcher(line);
        return m.matches() ? positive(file, lineNo, m.group(1)) : current;
    }

    private static double positive(Path file, int lineNo, String s) throws RecordingFormatException {
        double v = number(file, lineNo, s, "duration_s");
        if (!(v > 0)) {
            throw new RecordingFormatException(file, "line " + lineNo + ": duration_s must be positive");
        }
        return v;
    }

    private static EventList withDuration(EventList e, double duration) {
        return Double.isNaN(duration) ? e : e.withDurationS(duration);
    }

    private static EventList readTable(Path file, String headerLine) throws IOException {
        char delimiter = delimiter(headerLine);
        double duration = durationFromComments(file);
        CSVFormat format = CSVFormat.DEFAULT.builder().setDelimiter(delimiter).setCommentMarker('#')
                .setIgnoreEmptyLines(true).setTrim(true).build();
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8);
                CSVParser parser = format.parse(reader)) {
            java.util.Iterator<CSVRecord> it = parser.iterator();
            CSVRecord header = it.next();
            List<String> names = new ArrayList<>();
            Column[] cols = new Column[header.size()];
            for (int i = 0; i < header.size(); i++) {
                String name = header.get(i).replace("\uFEFF", "").strip();
                names.add(name);
                cols[i] = classify(name);
            }
            int onset = find(cols, Kind.ONSET);
            int peak = find(cols, Kind.PEAK);
            int time = find(cols, Kind.TIME);
            int amp = find(cols, Kind.AMPLITUDE);
            int accepted = find(cols, Kind.ACCEPTED);
            int[] identity = {find(cols, Kind.FILE), find(cols, Kind.CHANNEL), find(cols, Kind.SWEEP)};
            if (onset < 0 && time >= 0) {
                onset = time;
            }
            int unitless = find(cols, Kind.TIME_WITHOUT_UNIT);
            if (onset < 0 && peak < 0 && unitless >= 0) {
                String n = names.get(unitless);
                throw new RecordingFormatException(file, "column '" + n + "' does not say its unit: rename it "
                        + n + "_s or " + n + "_ms");
            }
            if (onset < 0 && peak < 0) {
                throw new RecordingFormatException(file, "no time column with a unit (such as onset_s, peak_s, time_s,"
                        + " t_ms or \"Time (ms)\") among: " + String.join(", ", names));
            }
            DoubleList on = new DoubleList();
            DoubleList pk = new DoubleList();
            DoubleList am = new DoubleList();
            Set<String> recordings = new HashSet<>();
            while (it.hasNext()) {
                CSVRecord rec;
                try {
                    rec = it.next();
                } catch (IllegalStateException | java.io.UncheckedIOException e) {
                    throw new RecordingFormatException(file, "line " + parser.getCurrentLineNumber()
                            + ": not valid CSV (" + e.getMessage() + ")");
                }
                int lineNo = (int) parser.getCurrentLineNumber();
                if (accepted >= 0 && !isTrue(file, lineNo, cell(rec, accepted))) {
                    continue;
                }
                StringBuilder id = new StringBuilder();
                for (int c : identity) {
                    id.append(c >= 0 ? cell(rec, c) : "").append('\u0000');
                }
                recordings.add(id.toString());
                if (onset >= 0) {
                    on.add(cols[onset].factor() * number(file, lineNo, cell(rec, onset), names.get(onset)), file);
                }
                if (peak >= 0) {
                    pk.add(cols[peak].factor() * number(file, lineNo, cell(rec, peak), names.get(peak)), file);
                }
                if (amp >= 0) {
                    am.add(cols[amp].factor() * number(file, lineNo, cell(rec, amp), names.get(amp)), file);
                }
            }
            if (recordings.size() > 1) {
                throw new RecordingFormatException(file, "holds events of " + recordings.size()
                        + " recordings (file/channel/sweep); score one recording at a time");
            }
            return withDuration(EventList.of(onset >= 0 ? on.toArray() : null, peak >= 0 ? pk.toArray() : null,
                    amp >= 0 ? am.toArray() : null), duration);
        }
    }

    private static String cell(CSVRecord rec, int i) {
        return i < rec.size() ? rec.get(i) : "";
    }

    private static double durationFromComments(Path file) throws IOException {
        double duration = Double.NaN;
        try (BufferedReader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            String line;
            int lineNo = 0;
            while ((line = r.readLine()) != null) {
                lineNo++;
                String t = line.replace("\uFEFF", "").strip();
                if (t.startsWith("#")) {
                    duration = durationComment(file, lineNo, t, duration);
                } else if (!t.isEmpty()) {
                    break; // the duration comment comes before the data
                }
            }
        }
        return duration;
    }

    /** The delimiter the header uses most: comma, tab or semicolon. */
    private static char delimiter(String header) {
        char best = ',';
        long bestCount = header.chars().filter(c -> c == ',').count();
        for (char c : new char[] {'\t', ';'}) {
            long n = header.chars().filter(x -> x == c).count();
            if (n > bestCount) {
                best = c;
                bestCount = n;
            }
        }
        return best;
    }

    private static int find(Column[] cols, Kind kind) {
        for (int i = 0; i < cols.length; i++) {
            if (cols[i].kind() == kind) {
                return i;
            }
        }
        return -1;
    }

    /** Classifies a header name: its base name says what, its unit how to scale. */
    private static Column classify(String name) {
        String lower = name.toLowerCase(Locale.ROOT).strip();
        switch (lower) {
            case "accepted": return new Column(Kind.ACCEPTED, 1);
            case "file": return new Column(Kind.FILE, 1);
            case "channel": return new Column(Kind.CHANNEL, 1);
            case "sweep": return new Column(Kind.SWEEP, 1);
            default: break;
        }
        String base = lower;
        String unit = "";
        Matcher m = UNIT.matcher(lower);
        if (m.matches()) {
            base = m.group(1).strip();
            for (int g = 2; g <= 5; g++) {
                if (m.group(g) != null) {
                    unit = m.group(g).strip();
                }
            }
        }
        base = base.replaceAll("[\\s_]+", " ").strip();
        double time = switch (unit) {
            case "s", "sec", "seconds" -> 1;
            case "ms", "msec" -> 1e-3;
            default -> Double.NaN;
        };
        double current = switch (unit) {
            case "pa", "" -> 1;
            case "na" -> 1e3;
            default -> Double.NaN;
        };
        boolean amplitudeName = base.equals("amplitude") || base.equals("amp") || base.equals("peak amplitude")
                || base.equals("peak amp") || base.equals("amplitude pa") || base.equals("amplitude na");
        if (amplitudeName && !Double.isNaN(current)) {
            return new Column(Kind.AMPLITUDE, base.endsWith(" na") ? 1e3 : current);
        }
        if (base.equals("peak") && !unit.isEmpty() && !Double.isNaN(current)) {
            return new Column(Kind.AMPLITUDE, current); // "peak_pA", "Peak (pA)"
        }
        if (Double.isNaN(time)) {
            return new Column(TIME_NAMES.contains(base) ? Kind.TIME_WITHOUT_UNIT : Kind.OTHER, 1);
        }
        switch (base) {
            case "onset": case "onset time": case "t onset": case "start": case "start time":
            case "event start time": case "event start":
                return new Column(Kind.ONSET, time);
            case "peak": case "peak time": case "t peak": case "time of peak": case "time to peak from start":
                return new Column(Kind.PEAK, time);
            case "time": case "t": case "event time": case "times": case "timestamp":
                return new Column(Kind.TIME, time);
            default:
                return new Column(Kind.OTHER, 1);
        }
    }

    private static boolean isTrue(Path file, int lineNo, String s) throws RecordingFormatException {
        switch (s.strip().toLowerCase(Locale.ROOT)) {
            case "true": case "1": case "yes": case "y": case "t":
                return true;
            case "false": case "0": case "no": case "n": case "f":
                return false;
            default:
                throw new RecordingFormatException(file, "line " + lineNo + ": accepted is '" + s
                        + "', expected true or false");
        }
    }

    private static double number(Path file, int lineNo, String s, String column) throws RecordingFormatException {
        String t = s.strip();
        if (t.isEmpty()) {
            throw new RecordingFormatException(file, "line " + lineNo + ": " + column + " is empty");
        }
        try {
            double v = Double.parseDouble(t);
            if (Double.isFinite(v) && Math.abs(v) < 1e12) {
                return v;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new RecordingFormatException(file, "line " + lineNo + ": " + column + " '" + t + "' is not a number");
    }

    /** A growable primitive list with a row limit. */
    private static final class DoubleList {
        private double[] v = new double[64];
        private int n;

        void add(double x, Path file) throws RecordingFormatException {
            if (n == MAX_ROWS) {
                throw new RecordingFormatException(file, "more than " + MAX_ROWS + " events: not an event table");
            }
            if (n == v.length) {
                v = java.util.Arrays.copyOf(v, n * 2);
            }
            v[n++] = x;
        }

        double[] toArray() {
            return java.util.Arrays.copyOf(v, n);
        }
    }
}
