package org.mepsc.compare;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.mepsc.compare.ComparisonResult.DistributionComparison;
import org.mepsc.compare.ComparisonResult.MeasureComparison;
import org.mepsc.json.Json;
import org.mepsc.stats.MannWhitney;
import org.mepsc.stats.Welch;
import org.mepsc.testing.SyntheticCohort;
import org.mepsc.testing.SyntheticCohort.Extras;
import org.mepsc.testing.SyntheticCohort.Group;
import org.mepsc.testing.SyntheticCohort.Spec;

class GroupComparisonTest {

    static final GroupComparison.Options FAST = GroupComparison.Options.defaults().withResamples(1000);

    @TempDir
    Path dir;

    /**
     * 6 control cells at 2 Hz, 6 ketamine cells at 4 Hz, the same log-normal amplitudes (median
     * 15 pA); cells vary by 15 % (SD of log) in rate and median amplitude, 2 minutes each.
     */
    static List<SyntheticCohort.Cell> ketamine(long seed) {
        return SyntheticCohort.generate(new Spec(List.of(new Group("control", 6, 2, 15), new Group("ketamine", 6, 4, 15)),
                120, 0.45, 0.15, 0.15, seed));
    }

    static MeasureComparison row(ComparisonResult r, CellMeasure m, String b) {
        return r.measures().stream().filter(x -> x.measure() == m && x.groupB().equals(b)).findFirst().orElseThrow();
    }

    static DistributionComparison dist(ComparisonResult r, EventMeasure m, String b) {
        return r.distributions().stream().filter(x -> x.measure() == m && x.groupB().equals(b)).findFirst().orElseThrow();
    }

    @ParameterizedTest
    @ValueSource(longs = {1, 2, 3, 4, 5})
    void ketamineRaisesFrequencyNotAmplitude(long seed) throws IOException {
        SyntheticCohort.write(dir, ketamine(seed), Extras.minimal());
        ComparisonResult r = GroupComparison.run(dir, FAST).result();
        assertThat(r.control()).isEqualTo("control");

        MeasureComparison freq = row(r, CellMeasure.FREQUENCY, "ketamine");
        assertThat(freq.a().n()).isEqualTo(6);
        assertThat(freq.mannWhitney().p()).isLessThan(0.05);
        assertThat(freq.welch().p()).isLessThan(0.05);
        assertThat(freq.hedgesG().value()).isGreaterThan(0);
        assertThat(freq.hedgesG().ci().low()).isGreaterThan(0);
        assertThat(freq.cliffsDelta().ci().low()).isGreaterThan(0);

        MeasureComparison amp = row(r, CellMeasure.AMPLITUDE, "ketamine");
        assertThat(amp.mannWhitney().p()).isGreaterThan(0.05);
        assertThat(amp.hedgesG().ci().contains(0)).isTrue();
        DistributionComparison ampDist = dist(r, EventMeasure.AMPLITUDE, "ketamine");
        assertThat(ampDist.hierarchical().ci().contains(0)).isTrue();
        assertThat(ampDist.cellBalancedKs().exact()).isTrue();
        assertThat(ampDist.cellBalancedKs().p()).isGreaterThan(0.05);
        // intervals are shorter at 4 Hz: the interval distributions differ
        DistributionComparison iei = dist(r, EventMeasure.INTERVAL, "ketamine");
        assertThat(iei.hierarchical().difference()).isLessThan(0);
        assertThat(iei.hierarchical().ci().high()).isLessThan(0);
    }

    @Test
    void tablesAgreeWithTheStatisticsOfCellsCsv() throws IOException {
        List<SyntheticCohort.Cell> cells = ketamine(11);
        SyntheticCohort.write(dir, cells, Extras.all());
        GroupComparison.Outcome out = GroupComparison.run(dir, FAST);
        assertThat(out.written()).containsExactly(dir.resolve("comparison.json"), dir.resolve("comparison.csv"));

        // the same numbers straight from the file, through the stats classes
        double[][] freq = frequencies(dir.resolve("cells.csv"));
        MannWhitney mw = MannWhitney.test(freq[0], freq[1]);
        Welch welch = Welch.test(freq[0], freq[1]);

        List<CSVRecord> rows = csv(dir.resolve("comparison.csv"));
        assertThat(rows).hasSize(CellMeasure.values().length);
        CSVRecord f = rows.get(0);
        assertThat(f.getParser().getHeaderNames()).isEqualTo(ComparisonFiles.CSV_COLUMNS);
        assertThat(f.get("measure")).isEqualTo("frequency_hz");
        assertThat(f.get("group_a")).isEqualTo("control");
        assertThat(f.get("group_b")).isEqualTo("ketamine");
        assertThat(f.get("n_a")).isEqualTo("6");
        assertThat(Double.parseDouble(f.get("mann_whitney_u"))).isEqualTo(mw.u());
        // (JIT-compiled maths may differ from interpreted in the last bit)
        assertThat(Double.parseDouble(f.get("mann_whitney_p"))).isCloseTo(mw.p(), within(1e-12));
        assertThat(Double.parseDouble(f.get("welch_df"))).isCloseTo(welch.df(), within(1e-12));
        assertThat(Double.parseDouble(f.get("welch_p"))).isCloseTo(welch.p(), within(1e-12));
        assertThat(Double.parseDouble(f.get("p_holm"))).isCloseTo(mw.p(), within(1e-12));
        assertThat(f.get("kruskal_wallis_p")).isEmpty();
        assertThat(Double.parseDouble(f.get("hedges_g_ci_low"))).isLessThan(Double.parseDouble(f.get("hedges_g")));

        JsonNode json = Json.mapper().readTree(dir.resolve("comparison.json").toFile());
        assertThat(json.get("control").asText()).isEqualTo("control");
        assertThat(json.get("cell_measures")).hasSize(4);
        assertThat(json.get("event_distributions")).hasSize(2);
        JsonNode pooled = json.get("event_distributions").get(0).get("pooled_ks_reference_only");
        assertThat(pooled.get("note").asText()).isEqualTo("pooled, inflates n, for reference only");
        assertThat(json.get("methods").get("cell_balanced_ks").asText()).contains("permuting whole cells");
        assertThat(json.get("groups").get(1).get("events").asLong())
                .isEqualTo(cells.stream().filter(c -> c.group().equals("ketamine")).mapToLong(c -> c.peakS().length).sum());
    }

    @Test
    void reproducibleWithTheSeed() throws IOException {
        SyntheticCohort.write(dir, ketamine(12), Extras.minimal());
        GroupComparison.run(dir, FAST.withSeed(5));
        String first = Files.readString(dir.resolve("comparison.json"));
        GroupComparison.run(dir, FAST.withSeed(5));
        assertThat(Files.readString(dir.resolve("comparison.json"))).isEqualTo(first);
        GroupComparison.run(dir, FAST.withSeed(6));
        assertThat(Files.readString(dir.resolve("comparison.json"))).isNotEqualTo(first);
    }

    @Test
    void threeGroupsAreEachComparedWithTheControlWithHolmAndKruskalWallis() throws IOException {
        List<SyntheticCohort.Cell> cells = SyntheticCohort.generate(Spec.of(13, new Group("ketamine", 5, 4, 15),
                new Group("Control", 5, 2, 15), new Group("memantine", 5, 3, 15)));
        SyntheticCohort.write(dir, cells, Extras.minimal());
        ComparisonResult r = GroupComparison.run(dir, FAST).result();
        assertThat(r.control()).isEqualTo("Control");
        assertThat(r.groups()).extracting(ComparisonResult.GroupSummary::name)
                .containsExactly("Control", "ketamine", "memantine");
        assertThat(r.measures()).hasSize(8);
        assertThat(r.kruskalWallis()).hasSize(4);
        for (CellMeasure m : CellMeasure.values()) {
            MeasureComparison k = row(r, m, "ketamine");
            MeasureComparison mem = row(r, m, "memantine");
            double p1 = k.mannWhitney().p();
            double p2 = mem.mannWhitney().p();
            // Holm with two comparisons: the smaller p doubled, the larger kept (monotone, capped)
            double small = Math.min(1, 2 * Math.min(p1, p2));
            double large = Math.max(small, Math.max(p1, p2));
            assertThat(p1 <= p2 ? k.pHolm() : mem.pHolm()).isCloseTo(small, within(1e-15));
            assertThat(p1 <= p2 ? mem.pHolm() : k.pHolm()).isCloseTo(large, within(1e-15));
            assertThat(k.kruskalWallisP()).isBetween(0.0, 1.0);
        }
        assertThat(r.distributions()).hasSize(4);

        ComparisonResult other = GroupComparison.compare(CohortReader.read(dir, "group"), FAST.withControl("memantine"));
        assertThat(other.measures()).extracting(MeasureComparison::groupA).containsOnly("memantine");
    }

    @Test
    void failedCellsAreListedAndLeftOut() throws IOException {
        SyntheticCohort.write(dir, ketamine(14), Extras.minimal().withFailed("broken <1>", "broken 2"));
        ComparisonResult r = GroupComparison.run(dir, FAST).result();
        assertThat(r.failedCells()).extracting(CellRecord::name).containsExactly("broken <1>", "broken 2");
        assertThat(r.groups().get(0).cellsFailed()).isEqualTo(2);
        assertThat(row(r, CellMeasure.FREQUENCY, "ketamine").a().n()).isEqualTo(6);
        assertThat(r.notes()).anyMatch(n -> n.contains("waveforms.csv is absent"))
                .anyMatch(n -> n.contains("examples.csv is absent"))
                .anyMatch(n -> n.contains("run.json is absent"));
    }

    @Test
    void withoutEventsOnlyPerCellMeasuresAreCompared() throws IOException {
        SyntheticCohort.write(dir, ketamine(15), Extras.minimal());
        Files.delete(dir.resolve("events.csv"));
        ComparisonResult r = GroupComparison.run(dir, FAST).result();
        assertThat(r.distributions()).isEmpty();
        assertThat(r.measures()).hasSize(4);
        assertThat(r.notes()).anyMatch(n -> n.contains("events.csv is absent"));
    }

    @Test
    void clearErrors() throws IOException {
        assertThatThrownBy(() -> GroupComparison.run(dir, FAST)).isInstanceOf(BatchFormatException.class)
                .hasMessage(dir.resolve("cells.csv") + ": no such file; compare reads the output directory of mepsc batch");

        SyntheticCohort.write(dir, SyntheticCohort.generate(Spec.of(1, new Group("control", 4, 2, 15))), Extras.minimal());
        assertThatThrownBy(() -> GroupComparison.run(dir, FAST)).isInstanceOf(BatchFormatException.class)
                .hasMessageContaining("only one group ('control' in column 'group')");

        SyntheticCohort.write(dir, ketamine(3), Extras.minimal());
        assertThatThrownBy(() -> GroupComparison.run(dir, FAST.withControl("saline")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("--control: no group 'saline'").hasMessageContaining("groups: control, ketamine");
        assertThatThrownBy(() -> GroupComparison.run(dir, FAST.withGroupBy("animal")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("--by: no column 'animal'");
        assertThatThrownBy(() -> FAST.withResamples(10)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void malformedCellsCsvNamesFileAndLine() throws IOException {
        Path cells = dir.resolve("cells.csv");
        Files.writeString(cells, "cell,group,frequency_hz,status\nc1,control,2.0,ok\nc2,drug,fast,ok\n");
        assertThatThrownBy(() -> CohortReader.read(dir, "group")).isInstanceOf(BatchFormatException.class)
                .hasMessage(cells + ": line 3, column frequency_hz: 'fast' is not a number");
        Files.writeString(cells, "cell,group,status\nc1,control,ok\nc1,drug,ok\n");
        assertThatThrownBy(() -> CohortReader.read(dir, "group")).hasMessageContaining("cell 'c1' appears twice (lines 2 and 3)");
        Files.writeString(cells, "cell,status\nc1,ok\n");
        assertThatThrownBy(() -> CohortReader.read(dir, "group")).isInstanceOf(BatchFormatException.class)
                .hasMessageContaining("no column 'group'");
        Files.writeString(cells, "cell,group,status\n\"c1,control,ok\n");
        assertThatThrownBy(() -> CohortReader.read(dir, "group")).isInstanceOf(BatchFormatException.class)
                .hasMessageStartingWith(cells + ": not readable CSV");
        // a failed cell may have anything in its numeric columns
        Files.writeString(cells, "cell,group,frequency_hz,status\nc1,control,2.0,ok\nc2,drug,n/a,no sweeps\n");
        assertThat(CohortReader.read(dir, "group").failedCells()).hasSize(1);
    }

    @Test
    void groupsByAnotherColumn() throws IOException {
        Files.writeString(dir.resolve("cells.csv"), "cell,group,sex,frequency_hz,status\n"
                + "a,control,f,1.0,ok\nb,control,m,2.0,ok\nc,drug,f,1.5,ok\nd,drug,m,2.5,ok\ne,drug,f,1.2,ok\n");
        ComparisonResult r = GroupComparison.compare(CohortReader.read(dir, "sex"), FAST.withGroupBy("sex"));
        assertThat(r.control()).isEqualTo("f");
        MeasureComparison m = row(r, CellMeasure.FREQUENCY, "m");
        assertThat(m.a().n()).isEqualTo(3);
        assertThat(m.b().n()).isEqualTo(2);
        assertThat(m.a().median()).isEqualTo(1.2);
        // no rise column: NaN statistics, not an error
        assertThat(row(r, CellMeasure.RISE, "m").mannWhitney().p()).isNaN();
    }

    @Test
    void readsFilesSavedBySpreadsheetsWithAByteOrderMark() throws IOException {
        Files.writeString(dir.resolve("cells.csv"), "\uFEFFcell,group,frequency_hz,status\r\n"
                + "a,control,1.0,ok\r\nb,control,2.0,ok\r\nc,drug,3.0,ok\r\nd,drug,4.0,OK\r\n");
        Cohort cohort = CohortReader.read(dir, "group");
        assertThat(cohort.groups()).containsExactly("control", "drug");
        assertThat(cohort.values("drug", CellMeasure.FREQUENCY)).containsExactly(3.0, 4.0);
    }

    private static double[][] frequencies(Path cells) throws IOException {
        List<CSVRecord> rows = csv(cells);
        return new double[][] {
            rows.stream().filter(r -> r.get("group").equals("control")).mapToDouble(r -> Double.parseDouble(r.get("frequency_hz"))).toArray(),
            rows.stream().filter(r -> r.get("group").equals("ketamine")).mapToDouble(r -> Double.parseDouble(r.get("frequency_hz"))).toArray(),
        };
    }

    private static List<CSVRecord> csv(Path file) throws IOException {
        try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            return CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get().parse(in).getRecords();
        }
    }
}
