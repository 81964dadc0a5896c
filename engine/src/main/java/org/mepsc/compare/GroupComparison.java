package org.mepsc.compare;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.mepsc.compare.ComparisonResult.DistributionComparison;
import org.mepsc.compare.ComparisonResult.Estimate;
import org.mepsc.compare.ComparisonResult.GroupSummary;
import org.mepsc.compare.ComparisonResult.MeasureComparison;
import org.mepsc.compare.ComparisonResult.MeasureKruskalWallis;
import org.mepsc.stats.Bootstrap;
import org.mepsc.stats.CellBalancedKs;
import org.mepsc.stats.EffectSizes;
import org.mepsc.stats.HierarchicalBootstrap;
import org.mepsc.stats.Holm;
import org.mepsc.stats.KruskalWallis;
import org.mepsc.stats.MannWhitney;
import org.mepsc.stats.PooledKs;
import org.mepsc.stats.Samples;
import org.mepsc.stats.Seeds;
import org.mepsc.stats.Welch;

/**
 * Compares groups of cells from a batch output directory, with the cell as the unit of
 * replication.
 *
 * <p>Per-cell measures (frequency, median amplitude, rise, decay): Mann–Whitney U and Welch's
 * t-test of each group against the control, Hedges' g and Cliff's delta with BCa bootstrap
 * intervals, Holm's adjustment over the comparisons with the control, and Kruskal–Wallis when
 * there are more than two groups. Event distributions (amplitude, inter-event interval): the
 * hierarchical bootstrap of the difference in medians and a cell-balanced KS permutation test;
 * the KS test on pooled events is kept for reference only. Every random step has its own stream
 * derived from the seed, so a run is reproducible.
 *
 * <p>Pipelines call {@link #run(Path, Options)} (read, compare, write comparison.json/.csv) or
 * {@link CohortReader#read} and {@link #compare(Cohort, Options)} separately.
 */
public final class GroupComparison {

    /**
     * @param groupBy cells.csv column naming the groups
     * @param control reference group, or null for the group named "control" (any case), else the
     *        first group in cells.csv
     * @param resamples bootstrap resamples, also the most permutations drawn
     * @param confidence level of the confidence intervals
     */
    public record Options(String groupBy, String control, long seed, int resamples, double confidence) {

        public static final int DEFAULT_RESAMPLES = 10_000;
        public static final long DEFAULT_SEED = 1;

        public Options {
            if (resamples < 100) {
                throw new IllegalArgumentException("--bootstrap must be at least 100 (got " + resamples + ")");
            }
            if (!(confidence > 0 && confidence < 1)) {
                throw new IllegalArgumentException("confidence must be between 0 and 1 (got " + confidence + ")");
            }
        }

        public static Options defaults() {
            return new Options(CohortReader.DEFAULT_GROUP_BY, null, DEFAULT_SEED, DEFAULT_RESAMPLES, 0.95);
        }

        public Options withGroupBy(String v) {
            return new Options(v, control, seed, resamples, confidence);
        }

        public Options withControl(String v) {
            return new Options(groupBy, v, seed, resamples, confidence);
        }

        public Options withSeed(long v) {
            return new Options(groupBy, control, v, resamples, confidence);
        }

        public Options withResamples(int v) {
            return new Options(groupBy, control, seed, v, confidence);
        }
    }

    /** What {@link #run} read, found and wrote. */
    public record Outcome(Cohort cohort, ComparisonResult result, List<Path> written) {
    }

    private GroupComparison() {
    }

    /** Reads DIR, compares, and writes DIR/comparison.json and DIR/comparison.csv. */
    public static Outcome run(Path dir, Options options) throws IOException {
        Cohort cohort = CohortReader.read(dir, options.groupBy());
        ComparisonResult result = compare(cohort, options);
        List<Path> written = ComparisonFiles.write(result, dir, inputs(dir));
        return new Outcome(cohort, result, written);
    }

    /** The files of a batch directory that outputs must never replace. */
    public static List<Path> inputs(Path dir) {
        return List.of(dir.resolve(BatchFiles.CELLS), dir.resolve(BatchFiles.EVENTS), dir.resolve(BatchFiles.WAVEFORMS),
                dir.resolve(BatchFiles.EXAMPLES), dir.resolve(BatchFiles.EXAMPLE_EVENTS), dir.resolve(BatchFiles.RUN));
    }

    /**
     * @throws IllegalArgumentException if the control group does not exist
     * @throws BatchFormatException if there are fewer than two groups with usable cells
     */
    public static ComparisonResult compare(Cohort cohort, Options options) throws BatchFormatException {
        Path cellsFile = cohort.dir().resolve(BatchFiles.CELLS);
        if (cohort.groups().size() < 2) {
            throw new BatchFormatException(cellsFile, "only one group ('" + cohort.groups().get(0) + "' in column '"
                    + cohort.groupBy() + "'): nothing to compare; group by another column with --by");
        }
        String control = control(cohort, options.control(), cellsFile);
        List<String> others = cohort.groups().stream()
                .filter(g -> !g.equals(control) && !cohort.okCells(g).isEmpty()).toList();
        if (others.isEmpty()) {
            throw new BatchFormatException(cellsFile, "no group other than '" + control
                    + "' has cells with status ok: nothing to compare");
        }
        List<String> notes = new ArrayList<>(cohort.notes());
        cohort.groups().stream().filter(g -> !g.equals(control) && cohort.okCells(g).isEmpty())
                .forEach(g -> notes.add("Group '" + g + "' has no cells with status ok and is not compared."));

        List<GroupSummary> groups = new ArrayList<>();
        List<String> ordered = new ArrayList<>();
        ordered.add(control);
        cohort.groups().stream().filter(g -> !g.equals(control)).forEach(ordered::add);
        for (String g : ordered) {
            groups.add(new GroupSummary(g, cohort.okCells(g).size(),
                    (int) cohort.failedCells().stream().filter(c -> c.group().equals(g)).count(), cohort.eventCount(g)));
        }

        List<MeasureComparison> measures = new ArrayList<>();
        List<MeasureKruskalWallis> kw = new ArrayList<>();
        for (CellMeasure m : CellMeasure.values()) {
            double kwP = Double.NaN;
            if (others.size() > 1) {
                List<double[]> all = new ArrayList<>();
                all.add(cohort.values(control, m));
                others.forEach(g -> all.add(cohort.values(g, m)));
                KruskalWallis test = KruskalWallis.test(all);
                kw.add(new MeasureKruskalWallis(m, test));
                kwP = test.p();
            }
            List<MeasureComparison> rows = new ArrayList<>();
            for (String g : others) {
                rows.add(compareMeasure(cohort, m, control, g, options, kwP));
            }
            double[] adjusted = Holm.adjust(rows.stream().mapToDouble(r -> r.mannWhitney().p()).toArray());
            for (int i = 0; i < rows.size(); i++) {
                MeasureComparison r = rows.get(i);
                measures.add(new MeasureComparison(r.measure(), r.groupA(), r.groupB(), r.a(), r.b(), r.mannWhitney(),
                        r.welch(), r.hedgesG(), r.cliffsDelta(), r.kruskalWallisP(), adjusted[i]));
            }
        }

        List<DistributionComparison> distributions = new ArrayList<>();
        if (cohort.hasEvents()) {
            record Task(EventMeasure measure, String group) {
            }
            List<Task> tasks = new ArrayList<>();
            for (EventMeasure m : EventMeasure.values()) {
                others.forEach(g -> tasks.add(new Task(m, g)));
            }
            // Each task has its own seeded streams, so running them in parallel changes nothing.
            distributions.addAll(tasks.parallelStream()
                    .map(t -> compareDistribution(cohort, t.measure(), control, t.group(), options)).toList());
        }
        return new ComparisonResult(cohort.dir(), cohort.groupBy(), control, groups, measures, kw, distributions,
                cohort.failedCells(), new ComparisonResult.Settings(options.seed(), options.resamples(), options.confidence()), notes);
    }

    private static String control(Cohort cohort, String requested, Path cellsFile) throws BatchFormatException {
        String control;
        if (requested != null) {
            if (!cohort.groups().contains(requested)) {
                throw new IllegalArgumentException("--control: no group '" + requested + "' in column '" + cohort.groupBy()
                        + "' of " + cellsFile + " (groups: " + String.join(", ", cohort.groups()) + ")");
            }
            control = requested;
        } else {
            control = cohort.groups().stream().filter(g -> g.equalsIgnoreCase("control")).findFirst()
                    .orElse(cohort.groups().get(0));
        }
        if (cohort.okCells(control).isEmpty()) {
            throw new BatchFormatException(cellsFile, "the control group '" + control
                    + "' has no cells with status ok; choose another with --control");
        }
        return control;
    }

    private static MeasureComparison compareMeasure(Cohort cohort, CellMeasure m, String a, String b, Options o,
            double kruskalWallisP) {
        double[] va = cohort.values(a, m);
        double[] vb = cohort.values(b, m);
        Estimate g = new Estimate(EffectSizes.hedgesG(va, vb), Bootstrap.bca(va, vb, EffectSizes::hedgesG,
                o.resamples(), o.confidence(), Seeds.stream(o.seed(), "hedges_g", m.column(), a, b)));
        Estimate d = new Estimate(EffectSizes.cliffsDelta(va, vb), Bootstrap.bca(va, vb, EffectSizes::cliffsDelta,
                o.resamples(), o.confidence(), Seeds.stream(o.seed(), "cliffs_delta", m.column(), a, b)));
        return new MeasureComparison(m, a, b, Samples.Summary.of(va), Samples.Summary.of(vb), MannWhitney.test(va, vb),
                Welch.test(va, vb), g, d, kruskalWallisP, Double.NaN);
    }

    private static DistributionComparison compareDistribution(Cohort cohort, EventMeasure m, String a, String b,
            Options o) {
        List<double[]> ca = cohort.eventValues(a, m);
        List<double[]> cb = cohort.eventValues(b, m);
        // Each group's stream depends on the group alone: the control's replicates are the same in every pair.
        HierarchicalBootstrap.Result h = HierarchicalBootstrap.compare(ca, cb, o.resamples(), o.confidence(),
                Seeds.stream(o.seed(), "hierarchical", m.column(), a), Seeds.stream(o.seed(), "hierarchical", m.column(), b));
        CellBalancedKs.Result ks = CellBalancedKs.test(ca, cb, o.resamples(),
                Seeds.stream(o.seed(), "cell_balanced_ks", m.column(), a, b));
        PooledKs pooled = PooledKs.test(Samples.concat(ca), Samples.concat(cb));
        return new DistributionComparison(m, a, b, h, ks, pooled);
    }
}
