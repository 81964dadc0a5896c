package org.mepsc.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.mepsc.json.Json;
import org.mepsc.recording.Channel;
import org.mepsc.recording.PhysicalUnit;
import org.mepsc.recording.Recording;
import org.mepsc.testing.RealData;

/**
 * Every recording in {@code ../shared/testdata/real} with a {@code .oracle.json} is opened by
 * mepsc and compared with the independent readers' verdict (the oracle's {@code summary}).
 * Dropping a new file and its oracle into the folder is enough to test it. HEKA files, whose
 * series mepsc opens one at a time, are checked series by series (see {@link #checkEveryHekaSeries}).
 */
class RealRecordingOracleTest {

    static Stream<Path> recordings() {
        List<Path> all = new ArrayList<>();
        for (Path p : RealData.withOracle("abf", "nwb", "dat", "wcp", "axgx", "axgd", "axg", "atf")) {
            all.add(p);
        }
        return all.stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("recordings")
    void matchesTheIndependentReaders(Path file) throws IOException {
        JsonNode oracle = Json.mapper().readTree(file.resolveSibling(file.getFileName() + ".oracle.json").toFile());
        JsonNode summary = oracle.get("summary");
        if (oracle.get("format").asText().equals("HEKA")) {
            checkEveryHekaSeries(file, oracle);
            return;
        }
        try (Recording r = RecordingReaders.openFile(file)) {
            SoftAssertions soft = new SoftAssertions();
            assertThat(r.metadata().format()).isEqualTo(oracle.get("format").asText());
            if (summary.has("format_version")) {
                soft.assertThat(normaliseVersion(r.metadata().formatVersion()))
                        .as("format version").isEqualTo(normaliseVersion(expectedVersion(oracle)));
            }
            soft.assertThat(r.sweeps()).as("sweeps").hasSize(summary.get("n_sweeps").asInt());
            if (oracle.get("format").asText().equals("NWB")) {
                checkNwb(r, summary, soft);
            } else {
                checkChannels(r, oracle, summary, soft);
            }
            soft.assertAll();
        }
    }

    private static void checkChannels(Recording r, JsonNode oracle, JsonNode summary, SoftAssertions soft)
            throws IOException {
        soft.assertThat(r.channels()).as("channels").hasSize(summary.get("n_channels").asInt());
        JsonNode channels = summary.get("channels");
        for (int c = 0; c < Math.min(channels.size(), r.channels().size()); c++) {
            Channel ch = r.channel(c);
            soft.assertThat(squash(ch.name())).as("name of channel %d", c)
                    .isEqualTo(squash(expectedName(oracle, c, channels.get(c).get("name").asText())));
            soft.assertThat(ch.declaredUnit()).as("unit of channel %d", c)
                    .isEqualTo(channels.get(c).get("units").asText());
        }
        soft.assertThat(r.sampleRateHz()).as("sample rate")
                .isCloseTo(summary.get("sampling_rate_hz").asDouble(), within(1e-6 * r.sampleRateHz()));
        JsonNode sps = summary.get("samples_per_sweep");
        for (int s = 0; s < r.sweeps().size(); s++) {
            long expected = sps.isArray() ? sps.get(s).asLong() : sps.asLong();
            soft.assertThat(r.sweep(s).length()).as("samples in sweep %d", s).isEqualTo(expected);
        }
        double[] lsb = leastSignificantBits(oracle, r.channels().size());
        JsonNode first = summary.get("first_sweep");
        for (int c = 0; c < Math.min(channels.size(), r.channels().size()); c++) {
            String key = c + ":" + channels.get(c).get("name").asText();
            JsonNode stats = first.get(key);
            if (stats == null) {
                continue;
            }
            double toCanonical = PhysicalUnit.parse(channels.get(c).get("units").asText()).toCanonical();
            compare(r, c, 0, stats, toCanonical, lsb[c], soft);
        }
    }

    private static void checkNwb(Recording r, JsonNode summary, SoftAssertions soft) throws IOException {
        JsonNode rates = summary.get("sampling_rates_hz");
        for (int s = 0; s < r.sweeps().size(); s++) {
            double rate = r.sweep(s).sampleRateHz();
            boolean known = false;
            for (JsonNode x : rates) {
                known |= Math.abs(x.asDouble() - rate) <= 1e-6 * rate;
            }
            soft.assertThat(known).as("sweep %d rate %s Hz is one of %s", s, rate, rates).isTrue();
        }
        JsonNode first = summary.get("first_sweep");
        JsonNode stats = first.has("in_pA") ? first.get("in_pA") : first.get("in_mV");
        compare(r, 0, 0, stats, 1.0, Double.NaN, soft);
    }

    /**
     * HEKA: mepsc opens one series at a time (group.series), so every series of the file is
     * opened and checked against myokit's group/series/sweep/trace tree (sweep count, trace names
     * and units, sample interval, n, mean, min, max, and first10 where given); the concatenation
     * of all series' sweeps is checked against stfio's flattened per-sweep statistics (209 sweeps,
     * NaN where a series lacks a trace), and the default series against stfio's first sweep.
     */
    private static void checkEveryHekaSeries(Path file, JsonNode oracle) throws IOException {
        JsonNode summary = oracle.get("summary");
        JsonNode myokit = oracle.path("readers").path("myokit");
        JsonNode stfioSweeps = oracle.path("readers").path("stfio").path("per_sweep_stats");
        JsonNode stfioChannels = summary.get("channels");
        SoftAssertions soft = new SoftAssertions();
        int flat = 0;
        JsonNode groups = myokit.get("tree");
        assertThat(groups).as("myokit tree").isNotEmpty();
        for (int g = 0; g < groups.size(); g++) {
            JsonNode seriesList = groups.get(g).get("series");
            for (int s = 0; s < seriesList.size(); s++) {
                JsonNode series = seriesList.get(s);
                String id = (g + 1) + "." + (s + 1);
                try (Recording r = RecordingReaders.standard().open(file, OpenOptions.DEFAULT.withSeries(id))) {
                    soft.assertThat(r.metadata().format()).isEqualTo(oracle.get("format").asText());
                    soft.assertThat(normaliseVersion(r.metadata().formatVersion())).as("format version")
                            .isEqualTo(normaliseVersion(myokit.get("format_version").asText()));
                    soft.assertThat(r.metadata().protocol()).as("series %s label", id)
                            .isEqualTo(series.get("series").asText());
                    soft.assertThat(r.sweeps()).as("sweeps of series %s", id).hasSize(series.get("n_sweeps").asInt());
                    JsonNode sweeps = series.get("sweeps");
                    for (int k = 0; k < Math.min(sweeps.size(), r.sweeps().size()); k++) {
                        checkHekaSweep(r, k, sweeps.get(k), "series " + id + " sweep " + k, soft);
                    }
                    for (int k = 0; k < r.sweeps().size(); k++, flat++) {
                        checkAgainstStfio(r, k, stfioSweeps.get(flat), stfioChannels, "series " + id + " sweep " + k,
                                soft);
                    }
                }
            }
        }
        soft.assertThat(flat).as("sweeps over all series (stfio's count)").isEqualTo(summary.get("n_sweeps").asInt());
        try (Recording r = RecordingReaders.openFile(file)) {
            JsonNode first = summary.get("first_sweep");
            for (int c = 0; c < r.channels().size(); c++) {
                String key = c + ":" + stfioChannels.get(c).get("name").asText();
                soft.assertThat(first.has(key)).as("stfio's first sweep has %s", key).isTrue();
                if (first.has(key)) {
                    compare(r, c, 0, first.get(key), 1.0, Double.NaN, soft);
                }
            }
        }
        soft.assertAll();
    }

    /** One sweep against myokit's traces (SI units, as the file declares them). */
    private static void checkHekaSweep(Recording r, int k, JsonNode traces, String where, SoftAssertions soft)
            throws IOException {
        soft.assertThat(r.channels()).as("traces of %s", where).hasSize(traces.size());
        for (int c = 0; c < Math.min(traces.size(), r.channels().size()); c++) {
            JsonNode t = traces.get(c);
            Channel ch = r.channel(c);
            String unit = t.get("unit").asText().replace("[", "").replace("]", "");
            soft.assertThat(ch.name()).as("name of trace %d in %s", c, where).isEqualTo(t.get("trace").asText());
            soft.assertThat(ch.declaredUnit()).as("unit of trace %d in %s", c, where).isEqualTo(unit);
            soft.assertThat(1.0 / r.sweep(k).sampleRateHz()).as("interval of %s", where)
                    .isCloseTo(t.get("dt_s").asDouble(), within(1e-9 * t.get("dt_s").asDouble()));
            ObjectNode stats = t.deepCopy();
            if (!stats.has("first10")) {
                stats.set("first10", stats.arrayNode());
            }
            stats.set("last10", stats.arrayNode());
            compare(r, c, k, stats, PhysicalUnit.parse(unit).toCanonical(), Double.NaN, soft);
        }
    }

    /** One sweep against stfio's flattened statistics (pA / mV), matched by channel name. */
    private static void checkAgainstStfio(Recording r, int k, JsonNode perChannel, JsonNode names, String where,
            SoftAssertions soft) throws IOException {
        for (int i = 0; i < names.size(); i++) {
            String name = names.get(i).get("name").asText();
            JsonNode stats = perChannel.get(i);
            java.util.Optional<Channel> ch = r.channels().stream().filter(c -> c.name().equals(name)).findFirst();
            boolean stfioHasIt = !stats.get("mean").asText().equals("nan");
            soft.assertThat(ch.isPresent()).as("%s has %s (stfio: %s)", where, name, stfioHasIt).isEqualTo(stfioHasIt);
            if (ch.isEmpty() || !stfioHasIt) {
                continue;
            }
            ObjectNode s = stats.deepCopy();
            s.set("first10", s.arrayNode());
            s.set("last10", s.arrayNode());
            compare(r, ch.get().index(), k, s, 1.0, Double.NaN, soft);
        }
    }

    /**
     * Compares n, first and last 10 values, mean, min and max of one channel and sweep: within
     * half an LSB for integer samples whose gain the oracle gives, else 1e-6 relative.
     */
    private static void compare(Recording r, int channel, int sweep, JsonNode stats, double toCanonical, double lsb,
            SoftAssertions soft) throws IOException {
        int n = stats.get("n").asInt();
        soft.assertThat(r.sweep(sweep).length()).as("n of channel %d", channel).isEqualTo(n);
        if (r.sweep(sweep).length() != n) {
            return;
        }
        float[] x = new float[n];
        r.read(channel, sweep, 0, n, x, 0);
        double range = Math.max(Math.abs(stats.get("min").asDouble()), Math.abs(stats.get("max").asDouble())) * toCanonical;
        JsonNode first10 = stats.get("first10");
        JsonNode last10 = stats.get("last10");
        for (int i = 0; i < first10.size(); i++) {
            double e = first10.get(i).asDouble() * toCanonical;
            soft.assertThat((double) x[i]).as("channel %d sample %d", channel, i).isCloseTo(e, within(tol(e, lsb * toCanonical, range)));
        }
        for (int i = 0; i < last10.size(); i++) {
            int k = n - last10.size() + i;
            double e = last10.get(i).asDouble() * toCanonical;
            soft.assertThat((double) x[k]).as("channel %d sample %d", channel, k).isCloseTo(e, within(tol(e, lsb * toCanonical, range)));
        }
        double sum = 0;
        double min = Double.POSITIVE_INFINITY;
        double max = Double.NEGATIVE_INFINITY;
        for (float v : x) {
            sum += v;
            min = Math.min(min, v);
            max = Math.max(max, v);
        }
        double mean = stats.get("mean").asDouble() * toCanonical;
        soft.assertThat(sum / n).as("mean of channel %d", channel).isCloseTo(mean, within(tol(mean, lsb * toCanonical, range)));
        double emin = stats.get("min").asDouble() * toCanonical;
        double emax = stats.get("max").asDouble() * toCanonical;
        soft.assertThat(min).as("min of channel %d", channel).isCloseTo(emin, within(tol(emin, lsb * toCanonical, range)));
        soft.assertThat(max).as("max of channel %d", channel).isCloseTo(emax, within(tol(emax, lsb * toCanonical, range)));
    }

    /** Half an LSB where the step is known; else 1e-6 relative (of the value, or of the range near 0). */
    private static double tol(double expected, double lsb, double range) {
        if (!Double.isNaN(lsb) && lsb > 0) {
            return 0.5 * lsb + 1e-7 * Math.abs(expected);
        }
        return 1e-6 * Math.max(Math.abs(expected), 1e-3 * range) + 1e-30;
    }

    /** Per-channel ADC step in the oracle's unit, from neo's gain; NaN where samples are float. */
    private static double[] leastSignificantBits(JsonNode oracle, int channels) {
        double[] lsb = new double[channels];
        java.util.Arrays.fill(lsb, Double.NaN);
        JsonNode summary = oracle.get("summary");
        if (summary.has("sample_storage") && !summary.get("sample_storage").asText().equals("int16")) {
            return lsb;
        }
        JsonNode neo = oracle.path("readers").path("neo").path("scaling_physical_eq_raw_times_gain_plus_offset");
        for (int c = 0; c < Math.min(channels, neo.size()); c++) {
            lsb[c] = Math.abs(neo.get(c).get("gain").asDouble());
        }
        return lsb;
    }

    /**
     * The summary's version, except where it is pyABF's digit string of the stored float ("1.2.9.9"
     * for an ABF 1.3 file whose fFileVersionNumber is 1.2999999): then neo's reading of the same field.
     */
    private static String expectedVersion(JsonNode oracle) {
        String v = oracle.get("summary").get("format_version").asText();
        JsonNode neo = oracle.path("readers").path("neo").path("format_version");
        return v.matches("\\d+\\.\\d+\\.\\d+\\.\\d+") && neo.isTextual() ? neo.asText() : v;
    }

    /** The summary's channel name; pyABF shows a blank name as "?", so that means blank where neo agrees. */
    private static String expectedName(JsonNode oracle, int channel, String name) {
        JsonNode neo = oracle.path("readers").path("neo").path("scaling_physical_eq_raw_times_gain_plus_offset")
                .path(channel).path("name");
        return name.equals("?") && neo.isTextual() && neo.asText().isBlank() ? "" : name;
    }

    private static String squash(String s) {
        return s.replaceAll("\\s+", "");
    }

    /** "2.60" and "2.6", "1.830" and "1.83" are the same version. */
    private static String normaliseVersion(String v) {
        String t = v.trim();
        if (t.matches("\\d+\\.\\d+")) {
            t = t.replaceAll("0+$", "");
            if (t.endsWith(".")) {
                t = t + "0";
            }
        }
        return t;
    }
}
