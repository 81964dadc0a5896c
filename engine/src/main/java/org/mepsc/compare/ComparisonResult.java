package org.mepsc.compare;

import java.nio.file.Path;
import java.util.List;
import org.mepsc.stats.CellBalancedKs;
import org.mepsc.stats.ConfidenceInterval;
import org.mepsc.stats.HierarchicalBootstrap;
import org.mepsc.stats.KruskalWallis;
import org.mepsc.stats.MannWhitney;
import org.mepsc.stats.PooledKs;
import org.mepsc.stats.Samples;
import org.mepsc.stats.Welch;

/**
 * Everything {@link GroupComparison} found. Each comparison is of a group b against the control
 * (reference) group a; differences and effect sizes are b relative to a.
 *
 * @param groups every group of cells.csv in order (the control first)
 * @param measures one row per per-cell measure and group pair
 * @param kruskalWallis one test per measure when there are more than two groups, else empty
 * @param distributions one row per event measure and group pair
 * @param failedCells cells whose status is not ok (left out of every statistic)
 */
public record ComparisonResult(Path dir, String groupBy, String control, List<GroupSummary> groups,
        List<MeasureComparison> measures, List<MeasureKruskalWallis> kruskalWallis,
        List<DistributionComparison> distributions, List<CellRecord> failedCells, Settings settings,
        List<String> notes) {

    /** A group: cells with status ok, failed cells, events of its ok cells. */
    public record GroupSummary(String name, int cellsOk, int cellsFailed, long events) {
    }

    /** A point estimate with its bootstrap confidence interval. */
    public record Estimate(double value, ConfidenceInterval ci) {
    }

    /**
     * @param kruskalWallisP the measure's Kruskal–Wallis p over all groups (NaN with two groups)
     * @param pHolm the Mann–Whitney p adjusted by Holm's method over the measure's comparisons
     *        with the control (equal to it with two groups)
     */
    public record MeasureComparison(CellMeasure measure, String groupA, String groupB, Samples.Summary a,
            Samples.Summary b, MannWhitney mannWhitney, Welch welch, Estimate hedgesG, Estimate cliffsDelta,
            double kruskalWallisP, double pHolm) {
    }

    public record MeasureKruskalWallis(CellMeasure measure, KruskalWallis test) {
    }

    /**
     * @param pooledKs the KS test on pooled events: inflates n, for reference only
     */
    public record DistributionComparison(EventMeasure measure, String groupA, String groupB,
            HierarchicalBootstrap.Result hierarchical, CellBalancedKs.Result cellBalancedKs, PooledKs pooledKs) {
    }

    /** How the random parts were run. */
    public record Settings(long seed, int resamples, double confidence) {
    }
}
