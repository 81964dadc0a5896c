package org.mepsc.compare;

import java.util.LinkedHashMap;
import java.util.Map;
import org.mepsc.stats.MannWhitney;

/** Plain-language descriptions of the methods, written into comparison.json and the report. */
public final class Methods {

    private Methods() {
    }

    /** A heading for a key of {@link #describe}. */
    public static String title(String key) {
        return switch (key) {
            case "unit_of_replication" -> "Unit of replication";
            case "mann_whitney" -> "Mann–Whitney U test";
            case "welch" -> "Welch’s t-test";
            case "hedges_g" -> "Hedges’ g";
            case "cliffs_delta" -> "Cliff’s delta";
            case "confidence_intervals" -> "Confidence intervals";
            case "holm" -> "Holm adjustment";
            case "kruskal_wallis" -> "Kruskal–Wallis test";
            case "hierarchical_bootstrap" -> "Hierarchical bootstrap";
            case "cell_balanced_ks" -> "Cell-balanced Kolmogorov–Smirnov test";
            case "pooled_ks" -> "Pooled KS test (reference only)";
            default -> key.replace('_', ' ');
        };
    }

    /** Method name → description, in reading order. */
    public static Map<String, String> describe(ComparisonResult.Settings s) {
        int level = (int) Math.round(s.confidence() * 100);
        Map<String, String> m = new LinkedHashMap<>();
        m.put("unit_of_replication", "The cell. Per-cell measures are compared between groups of cells; events are "
                + "only used within the hierarchical bootstrap and the cell-balanced KS test, which both keep the cell "
                + "as the unit.");
        m.put("mann_whitney", "Two-sided Mann–Whitney U test of each group against the control. U is the U of the "
                + "non-control group (pairs in which it is larger, ties counting one half). Exact p-value when there "
                + "are no ties and both groups have fewer than " + MannWhitney.EXACT_LIMIT + " cells; otherwise the "
                + "normal approximation with tie-corrected variance and a 0.5 continuity correction (as scipy.stats."
                + "mannwhitneyu with method='exact' or 'asymptotic').");
        m.put("welch", "Welch's unequal-variance t-test, two-sided, Welch–Satterthwaite degrees of freedom.");
        m.put("hedges_g", "Hedges' g: difference in means (group minus control) over the pooled SD, times the exact "
                + "small-sample correction J = Γ(df/2) / (√(df/2) Γ((df−1)/2)).");
        m.put("cliffs_delta", "Cliff's delta: P(group > control) − P(group < control) over all pairs of cells.");
        m.put("confidence_intervals", level + " % bias-corrected and accelerated (BCa) bootstrap intervals from "
                + s.resamples() + " stratified resamples (each group resampled with replacement to its own size; "
                + "acceleration from the jackknife), seed " + s.seed() + "; the percentile interval where BCa is "
                + "undefined.");
        m.put("holm", "p_holm: Mann–Whitney p-values adjusted by Holm's step-down method over the comparisons of one "
                + "measure with the control (unchanged with two groups).");
        m.put("kruskal_wallis", "With more than two groups: Kruskal–Wallis H test over all groups, tie-corrected, "
                + "chi-squared p-value.");
        m.put("hierarchical_bootstrap", "Event distributions: hierarchical bootstrap (Saravanan et al. 2020): resample "
                + "cells within each group with replacement, then events within each drawn cell with replacement; "
                + "statistic the median of the drawn events; " + s.resamples() + " resamples. Reported: difference "
                + "in medians (group minus control) with its " + level + " % percentile interval and the bootstrap "
                + "probability that the group's median exceeds the control's (near 0 or 1: a difference). With few "
                + "cells per group the interval is somewhat narrow (resampling few cells understates their spread); "
                + "read it as an estimate and use the per-cell tests and the cell-balanced KS p-value as the tests.");
        m.put("cell_balanced_ks", "Cell-balanced Kolmogorov–Smirnov test: D is the largest gap between the groups' "
                + "cumulative distributions in which every cell weighs the same (the mean of the cells' own ECDFs). "
                + "The p-value comes from permuting whole cells between groups (all arrangements when there are at "
                + "most " + s.resamples() + ", else " + s.resamples() + " random ones), so n is the number of cells "
                + "and the test keeps its level however cells differ.");
        m.put("pooled_ks", "Pooled KS test on all events: pooled, inflates n, for reference only. It counts every "
                + "event as an independent observation, so cell-to-cell variation alone makes it 'significant'.");
        return m;
    }
}
