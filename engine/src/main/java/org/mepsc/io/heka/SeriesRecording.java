package org.mepsc.io.heka;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.mepsc.io.FileBytes;
import org.mepsc.io.SampleEncoding;
import org.mepsc.io.StoredRecording;
import org.mepsc.io.StoredSamples;
import org.mepsc.recording.AcquisitionMode;
import org.mepsc.recording.Channel;
import org.mepsc.recording.PhysicalUnit;
import org.mepsc.recording.RecordingFormatException;
import org.mepsc.recording.RecordingMetadata;
import org.mepsc.recording.Sweep;

/**
 * Maps one PatchMaster series onto the recording model: the series' sweeps are the sweeps and
 * the traces of its first sweep are the channels.
 *
 * <p>Rules for series that are not uniform: a trace missing from some sweep (matched by position,
 * else by label) is left out, with a comment; traces of one sweep that differ in length are read
 * up to the shortest, with a comment; traces of one sweep that differ in sample interval, or a
 * series without sweeps or traces, are errors naming the series.
 */
final class SeriesRecording {

    /** How many series an error message lists before "…". */
    private static final int LISTED_IN_ERRORS = 20;

    private final FileBytes file;
    private final String version;
    private final PulsedTree.Parsed tree;

    SeriesRecording(FileBytes file, String version, PulsedTree.Parsed tree) {
        this.file = file;
        this.version = version;
        this.tree = tree;
    }

    /**
     * Opens the series the user chose ("G.S"), or else the first series that holds a trace.
     *
     * @throws IllegalArgumentException if the chosen series does not exist (a usage error)
     */
    StoredRecording open(Optional<String> choice) throws RecordingFormatException {
        SeriesId id = choose(choice);
        HekaGroup group = tree.groups().get(id.group() - 1);
        HekaSeries series = group.series().get(id.series() - 1);
        String where = "series " + id + " ('" + group.label() + "' / '" + series.label() + "')";
        if (series.sweeps().isEmpty() || series.sweeps().get(0).traces().isEmpty()) {
            throw file.problem(where + " holds no " + (series.sweeps().isEmpty() ? "sweeps" : "traces in its first sweep")
                    + "; choose another with --series (" + listing() + ")");
        }
        List<String> notes = new ArrayList<>();
        List<Integer> kept = traceColumnsInEverySweep(series, where, notes);
        HekaTrace[][] traces = tracesBySweep(series, kept);

        List<Channel> channels = new ArrayList<>();
        for (int c = 0; c < kept.size(); c++) {
            HekaTrace first = traces[0][c];
            channels.add(Channel.of(c, first.label(), first.yUnit()));
            if (first.zeroData() != 0 && Double.isFinite(first.zeroData())) {
                notes.add(String.format(Locale.ROOT,
                        "trace %s: PatchMaster's zero offset (ZeroData = %.6g %s) is not subtracted; samples are as recorded",
                        first.label(), first.zeroData(), first.yUnit()));
            }
        }
        List<Sweep> sweeps = new ArrayList<>();
        List<List<StoredSamples>> layout = new ArrayList<>();
        double[] starts = sweepStarts(series);
        double elapsed = 0;
        for (int s = 0; s < traces.length; s++) {
            String sweepWhere = where + " sweep " + (s + 1);
            double interval = commonInterval(traces[s], sweepWhere);
            long length = shortest(traces[s], sweepWhere, notes);
            double start = Double.isNaN(starts[s]) ? elapsed : starts[s];
            Sweep sweep = new Sweep(s, start, length, 1.0 / interval);
            elapsed = start + sweep.durationS();
            sweeps.add(sweep);
            List<StoredSamples> row = new ArrayList<>();
            for (int c = 0; c < channels.size(); c++) {
                row.add(samples(traces[s][c], channels.get(c), length, sweepWhere));
            }
            layout.add(row);
        }
        RecordingMetadata md = new RecordingMetadata("HEKA", version, AcquisitionMode.EPISODIC, series.label(),
                List.of(), comments(id, group, series, notes), creationTime(series));
        return new StoredRecording(file, md, channels, sweeps, layout);
    }

    private SeriesId choose(Optional<String> choice) throws RecordingFormatException {
        List<HekaGroup> groups = tree.groups();
        if (choice.isPresent()) {
            SeriesId id;
            try {
                id = SeriesId.parse(choice.get());
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException(file.file() + ": " + e.getMessage(), e);
            }
            if (id.group() > groups.size() || id.series() > groups.get(id.group() - 1).series().size()) {
                throw new IllegalArgumentException(file.file() + ": no series " + id + " (" + listing() + ")");
            }
            return id;
        }
        for (int g = 0; g < groups.size(); g++) {
            List<HekaSeries> series = groups.get(g).series();
            for (int s = 0; s < series.size(); s++) {
                for (HekaSweep sweep : series.get(s).sweeps()) {
                    if (!sweep.traces().isEmpty()) {
                        return new SeriesId(g + 1, s + 1);
                    }
                }
            }
        }
        throw file.problem("holds no recorded traces (" + groups.size() + " groups, none with a sweep that has a trace)");
    }

    /** Columns (trace positions of the first sweep) whose trace every sweep has. */
    private List<Integer> traceColumnsInEverySweep(HekaSeries series, String where, List<String> notes)
            throws RecordingFormatException {
        List<HekaTrace> reference = series.sweeps().get(0).traces();
        List<Integer> kept = new ArrayList<>();
        for (int c = 0; c < reference.size(); c++) {
            int missing = 0;
            int firstMissing = -1;
            for (int s = 0; s < series.sweeps().size(); s++) {
                if (match(series.sweeps().get(s), c, reference.get(c).label()) == null) {
                    missing++;
                    firstMissing = firstMissing < 0 ? s : firstMissing;
                }
            }
            if (missing == 0) {
                kept.add(c);
            } else {
                notes.add("trace " + reference.get(c).label() + " is missing from " + missing + " of "
                        + series.sweeps().size() + " sweeps (first: sweep " + (firstMissing + 1) + ") and is left out");
            }
        }
        if (kept.isEmpty()) {
            throw file.problem(where + ": no trace is present in every sweep");
        }
        return kept;
    }

    private static HekaTrace[][] tracesBySweep(HekaSeries series, List<Integer> kept) {
        HekaTrace[][] t = new HekaTrace[series.sweeps().size()][kept.size()];
        List<HekaTrace> reference = series.sweeps().get(0).traces();
        for (int s = 0; s < t.length; s++) {
            for (int c = 0; c < kept.size(); c++) {
                t[s][c] = match(series.sweeps().get(s), kept.get(c), reference.get(kept.get(c)).label());
            }
        }
        return t;
    }

    /** The sweep's trace at the same position if its label agrees, else the first with that label. */
    private static HekaTrace match(HekaSweep sweep, int position, String label) {
        List<HekaTrace> traces = sweep.traces();
        if (position < traces.size() && traces.get(position).label().equals(label)) {
            return traces.get(position);
        }
        for (HekaTrace t : traces) {
            if (t.label().equals(label)) {
                return t;
            }
        }
        return null;
    }

    private double commonInterval(HekaTrace[] traces, String where) throws RecordingFormatException {
        double interval = traces[0].intervalSeconds();
        if (!(interval > 0) || !Double.isFinite(1.0 / interval)) {
            throw file.problem(where + ", trace " + traces[0].label() + ": sample interval " + traces[0].xInterval()
                    + " '" + traces[0].xUnit() + "' is not a positive time in s, ms or µs");
        }
        for (HekaTrace t : traces) {
            double other = t.intervalSeconds();
            if (!(Math.abs(other - interval) <= 1e-9 * interval)) {
                throw file.problem(where + ": traces " + traces[0].label() + " and " + t.label()
                        + " have different sample intervals (" + interval + " s, " + other
                        + " s); mepsc needs one rate per sweep");
            }
        }
        return interval;
    }

    private long shortest(HekaTrace[] traces, String where, List<String> notes) throws RecordingFormatException {
        long min = Long.MAX_VALUE;
        long max = 0;
        for (HekaTrace t : traces) {
            if (t.points() < 0) {
                throw file.problem(where + ", trace " + t.label() + ": negative number of samples " + t.points());
            }
            min = Math.min(min, t.points());
            max = Math.max(max, t.points());
        }
        if (min != max) {
            notes.add(where + ": traces differ in length (" + min + " to " + max + " samples); read up to the shortest");
        }
        return min;
    }

    private StoredSamples samples(HekaTrace t, Channel channel, long length, String where)
            throws RecordingFormatException {
        String trace = where + ", trace " + t.label();
        SampleEncoding encoding = t.encoding().orElseThrow(
                () -> file.problem(trace + ": unknown data format code " + t.dataFormat()));
        PhysicalUnit unit = PhysicalUnit.parse(t.yUnit());
        if (unit.quantity() != channel.unit().quantity()) {
            throw file.problem(trace + " is in '" + t.yUnit() + "' but in '" + channel.declaredUnit()
                    + "' in the first sweep");
        }
        if (!Double.isFinite(t.dataScaler()) || t.dataScaler() == 0) {
            throw file.problem(trace + ": data scaler " + t.dataScaler() + " is not a usable factor");
        }
        double scale = t.dataScaler() * unit.toCanonical();
        if (!t.isInterleaved()) {
            return StoredSamples.contiguous(t.dataOffset(), length, encoding, t.byteOrder(), scale, 0);
        }
        int width = encoding.bytes();
        if (t.interleaveSize() % width != 0 || t.interleaveSkip() < t.interleaveSize()) {
            throw file.problem(trace + ": interleaved blocks of " + t.interleaveSize() + " bytes every "
                    + t.interleaveSkip() + " bytes do not hold whole " + width + "-byte samples");
        }
        return new StoredSamples(t.dataOffset(), length, encoding, t.byteOrder(), width,
                (int) (t.interleaveSize() / width), t.interleaveSkip(), scale, 0);
    }

    /** Sweep start times from the sweeps' clock, relative to the first; NaN where unusable. */
    private static double[] sweepStarts(HekaSeries series) {
        int n = series.sweeps().size();
        double[] starts = new double[n];
        double t0 = series.sweeps().get(0).time();
        double previous = 0;
        for (int s = 0; s < n; s++) {
            double t = series.sweeps().get(s).time() - t0;
            if (!Double.isFinite(t) || t < previous) {
                java.util.Arrays.fill(starts, Double.NaN);
                return starts;
            }
            starts[s] = t;
            previous = t;
        }
        return starts;
    }

    private Optional<Instant> creationTime(HekaSeries series) {
        Optional<Instant> t = HekaTime.toInstant(series.time());
        return t.isPresent() ? t : HekaTime.toInstant(tree.startTime());
    }

    private List<String> comments(SeriesId id, HekaGroup group, HekaSeries series, List<String> notes) {
        List<String> c = new ArrayList<>();
        c.add("HEKA series " + id + " of " + seriesCount() + " (group '" + group.label() + "', series '"
                + series.label() + "'); choose another with --series G.S");
        if (!group.text().isEmpty()) {
            c.add("group text: " + group.text());
        }
        if (!series.comment().isEmpty()) {
            c.add("series comment: " + series.comment());
        }
        c.addAll(notes);
        List<HekaGroup> groups = tree.groups();
        for (int g = 0; g < groups.size(); g++) {
            List<HekaSeries> all = groups.get(g).series();
            for (int s = 0; s < all.size(); s++) {
                c.add("series " + (g + 1) + "." + (s + 1) + ": " + describe(groups.get(g), all.get(s)));
            }
        }
        return c;
    }

    private static String describe(HekaGroup group, HekaSeries series) {
        StringBuilder sb = new StringBuilder();
        sb.append('\'').append(group.label()).append("' / '").append(series.label()).append("', ")
                .append(series.sweeps().size()).append(series.sweeps().size() == 1 ? " sweep" : " sweeps");
        if (!series.sweeps().isEmpty()) {
            List<HekaTrace> traces = series.sweeps().get(0).traces();
            sb.append(traces.isEmpty() ? ", no traces" : ", traces ");
            for (int i = 0; i < traces.size(); i++) {
                HekaTrace t = traces.get(i);
                sb.append(i == 0 ? "" : ", ").append(t.label()).append(" (").append(t.yUnit()).append(", ")
                        .append(t.points()).append(" samples)");
            }
        }
        return sb.toString();
    }

    private int seriesCount() {
        return tree.groups().stream().mapToInt(g -> g.series().size()).sum();
    }

    /** "series are 1.1 Ramp, 1.2 IV, …" for error messages. */
    private String listing() {
        StringBuilder sb = new StringBuilder("series are");
        int listed = 0;
        List<HekaGroup> groups = tree.groups();
        for (int g = 0; g < groups.size(); g++) {
            List<HekaSeries> all = groups.get(g).series();
            for (int s = 0; s < all.size(); s++) {
                if (listed == LISTED_IN_ERRORS) {
                    return sb.append(", … (").append(seriesCount()).append(" in all; see mepsc info)").toString();
                }
                sb.append(listed == 0 ? " " : ", ").append(g + 1).append('.').append(s + 1).append(' ')
                        .append(all.get(s).label());
                listed++;
            }
        }
        return listed == 0 ? "there are no series" : sb.toString();
    }
}
