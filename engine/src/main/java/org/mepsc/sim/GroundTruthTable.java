package org.mepsc.sim;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.OptionalDouble;
import org.mepsc.output.AtomicOutput;
import org.mepsc.recording.RecordingFormatException;

/**
 * The ground-truth table written beside a simulated trace: CSV with the header
 * {@code onset_s,peak_s,amplitude_pA,rise_tau_ms,decay_tau_ms}, one row per event, after
 * comment lines starting with {@code #}:
 * <pre>
 * # duration_s=60
 * # sample_rate_hz=20000
 * # parameters: duration_s=60 sample_rate_hz=20000 rate_hz=2 …
 * # artefact: kind=spike start_s=12.3 duration_s=0.001 amplitude_pA=-450.2
 * </pre>
 * Tools that skip {@code #} lines (pandas {@code comment='#'}, R {@code comment.char='#'}) read
 * it as a plain table.
 */
public final class GroundTruthTable {

    public static final String HEADER = "onset_s,peak_s,amplitude_pA,rise_tau_ms,decay_tau_ms";
    public static final String SUFFIX = ".truth.csv";

    private GroundTruthTable() {
    }

    /** {@code dir/name.abf} → {@code dir/name.truth.csv}: the trace's name without its extension. */
    public static Path pathFor(Path trace) {
        String name = trace.getFileName().toString();
        int dot = name.lastIndexOf('.');
        String stem = dot > 0 ? name.substring(0, dot) : name;
        return trace.resolveSibling(stem + SUFFIX);
    }

    /** Writes the table atomically, refusing to overwrite any of {@code inputs}. */
    public static void write(Path file, GroundTruth truth, Collection<Path> inputs) throws IOException {
        AtomicOutput.writeText(file, inputs, w -> write(w, truth));
    }

    public static void write(Writer w, GroundTruth truth) throws IOException {
        w.write("# mepsc simulated ground truth: one row per event, times in s from the start of the trace;"
                + " amplitude and peak measured on the event's own low-pass-filtered waveform\n");
        if (truth.durationS().isPresent()) {
            w.write("# duration_s=" + decimal(truth.durationS().getAsDouble(), 9) + "\n");
        }
        if (truth.sampleRateHz().isPresent()) {
            w.write("# sample_rate_hz=" + decimal(truth.sampleRateHz().getAsDouble(), 6) + "\n");
        }
        if (!truth.parameters().isEmpty()) {
            w.write("# parameters: " + truth.parameters() + "\n");
        }
        for (Artefact a : truth.artefacts()) {
            w.write("# artefact: kind=" + a.kind().label() + " start_s=" + decimal(a.startS(), 9) + " duration_s="
                    + decimal(a.durationS(), 9) + " amplitude_pA=" + decimal(a.amplitudePa(), 6) + "\n");
        }
        w.write(HEADER + "\n");
        StringBuilder row = new StringBuilder(96);
        for (GroundTruthEvent e : truth.events()) {
            row.setLength(0);
            row.append(decimal(e.onsetS(), 9)).append(',').append(decimal(e.peakS(), 9)).append(',')
                    .append(decimal(e.amplitudePa(), 6)).append(',').append(decimal(e.riseTauMs(), 6)).append(',')
                    .append(decimal(e.decayTauMs(), 6)).append('\n');
            w.write(row.toString());
        }
    }

    /** Whether a file starts like a ground-truth table (its first non-comment line is the header). */
    public static boolean looksLikeTruth(Path file) throws IOException {
        try (BufferedReader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            String line;
            for (int i = 0; i < 10_000 && (line = r.readLine()) != null; i++) {
                String t = line.strip();
                if (t.isEmpty() || t.startsWith("#")) {
                    continue;
                }
                return t.replace("\uFEFF", "").equals(HEADER);
            }
            return false;
        } catch (java.nio.charset.MalformedInputException e) {
            return false;
        }
    }

    /**
     * Reads a table written by {@link #write}.
     *
     * @throws RecordingFormatException naming the file and line of any problem
     */
    public static GroundTruth read(Path file) throws IOException {
        List<GroundTruthEvent> events = new ArrayList<>();
        List<Artefact> artefacts = new ArrayList<>();
        OptionalDouble duration = OptionalDouble.empty();
        OptionalDouble rate = OptionalDouble.empty();
        String parameters = "";
        boolean header = false;
        try (BufferedReader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            String line;
            int lineNo = 0;
            while ((line = r.readLine()) != null) {
                lineNo++;
                String t = line.strip().replace("\uFEFF", "");
                if (t.isEmpty()) {
                    continue;
                }
                if (t.startsWith("#")) {
                    String c = t.substring(1).strip();
                    if (c.startsWith("duration_s=")) {
                        duration = OptionalDouble.of(number(file, lineNo, c.substring("duration_s=".length())));
                    } else if (c.startsWith("sample_rate_hz=")) {
                        rate = OptionalDouble.of(number(file, lineNo, c.substring("sample_rate_hz=".length())));
                    } else if (c.startsWith("parameters:")) {
                        parameters = c.substring("parameters:".length()).strip();
                    } else if (c.startsWith("artefact:")) {
                        artefacts.add(artefact(file, lineNo, c.substring("artefact:".length()).strip()));
                    }
                    continue;
                }
                if (!header) {
                    if (!t.equals(HEADER)) {
                        throw new RecordingFormatException(file, "line " + lineNo + ": expected the header "
                                + HEADER + " of a ground-truth table");
                    }
                    header = true;
                    continue;
                }
                String[] f = t.split(",", -1);
                if (f.length != 5) {
                    throw new RecordingFormatException(file, "line " + lineNo + ": expected 5 values, found " + f.length);
                }
                double[] v = new double[5];
                for (int i = 0; i < 5; i++) {
                    v[i] = number(file, lineNo, f[i]);
                }
                events.add(new GroundTruthEvent(v[0], v[1], v[2], v[3], v[4]));
            }
        } catch (NoSuchFileException e) {
            throw new RecordingFormatException(file, "no such file");
        } catch (java.nio.charset.MalformedInputException e) {
            throw new RecordingFormatException(file, "not a text file (invalid UTF-8)");
        }
        if (!header) {
            throw new RecordingFormatException(file, "no header line " + HEADER + ": not a ground-truth table");
        }
        return new GroundTruth(events, artefacts, duration, rate, parameters);
    }

    private static Artefact artefact(Path file, int lineNo, String text) throws RecordingFormatException {
        Artefact.Kind kind = null;
        double start = Double.NaN;
        double duration = Double.NaN;
        double amplitude = Double.NaN;
        for (String part : text.split("\\s+")) {
            int eq = part.indexOf('=');
            if (eq < 0) {
                continue;
            }
            String k = part.substring(0, eq);
            String v = part.substring(eq + 1);
            switch (k) {
                case "kind":
                    try {
                        kind = Artefact.Kind.valueOf(v.toUpperCase(Locale.ROOT));
                    } catch (IllegalArgumentException e) {
                        throw new RecordingFormatException(file, "line " + lineNo + ": unknown artefact kind '" + v + "'");
                    }
                    break;
                case "start_s": start = number(file, lineNo, v); break;
                case "duration_s": duration = number(file, lineNo, v); break;
                case "amplitude_pA": amplitude = number(file, lineNo, v); break;
                default: break;
            }
        }
        if (kind == null || Double.isNaN(start) || Double.isNaN(duration) || Double.isNaN(amplitude)) {
            throw new RecordingFormatException(file, "line " + lineNo
                    + ": an artefact needs kind, start_s, duration_s and amplitude_pA");
        }
        return new Artefact(kind, start, duration, amplitude);
    }

    private static double number(Path file, int lineNo, String s) throws RecordingFormatException {
        try {
            double v = Double.parseDouble(s.strip());
            if (Double.isFinite(v)) {
                return v;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new RecordingFormatException(file, "line " + lineNo + ": '" + s.strip() + "' is not a finite number");
    }

    /** A number with at most {@code decimals} decimals, trailing zeros removed. */
    static String decimal(double v, int decimals) {
        String s = String.format(Locale.ROOT, "%." + decimals + "f", v);
        if (s.indexOf('.') < 0) {
            return s;
        }
        int end = s.length();
        while (s.charAt(end - 1) == '0') {
            end--;
        }
        if (s.charAt(end - 1) == '.') {
            end--;
        }
        String r = s.substring(0, end);
        return r.equals("-0") ? "0" : r;
    }
}
