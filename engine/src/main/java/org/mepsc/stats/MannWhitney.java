package org.mepsc.stats;

import java.util.Arrays;
import org.apache.commons.statistics.inference.MannWhitneyUTest;
import org.apache.commons.statistics.inference.PValueMethod;

/**
 * Two-sided Mann–Whitney U test of group b against reference group a (Commons Statistics).
 *
 * <p>{@code u} is U of group b: the number of (a, b) pairs with b &gt; a, ties counting one half
 * (scipy's {@code mannwhitneyu(b, a).statistic}). The p-value is exact when there are no ties
 * and both groups have fewer than {@value #EXACT_LIMIT} values (scipy {@code method='exact'});
 * otherwise it is the normal approximation with the tie-corrected variance and a continuity
 * correction of 0.5 (scipy {@code method='asymptotic', use_continuity=True}).
 *
 * @param method "exact" or "normal approximation (tie and continuity corrected)"
 */
public record MannWhitney(double u, double p, boolean exact, String method) {

    /** Groups at least this large use the normal approximation (as Commons Statistics' AUTO). */
    public static final int EXACT_LIMIT = 50;

    public static MannWhitney test(double[] a, double[] b) {
        if (a.length == 0 || b.length == 0) {
            return new MannWhitney(Double.NaN, Double.NaN, false, "not computed (an empty group)");
        }
        boolean exact = !hasTies(a, b) && Math.max(a.length, b.length) < EXACT_LIMIT;
        MannWhitneyUTest.Result r = MannWhitneyUTest.withDefaults()
                .with(exact ? PValueMethod.EXACT : PValueMethod.ASYMPTOTIC)
                .test(b, a);
        return new MannWhitney(r.getStatistic(), r.getPValue(), exact,
                exact ? "exact" : "normal approximation (tie and continuity corrected)");
    }

    private static boolean hasTies(double[] a, double[] b) {
        double[] all = new double[a.length + b.length];
        System.arraycopy(a, 0, all, 0, a.length);
        System.arraycopy(b, 0, all, a.length, b.length);
        Arrays.sort(all);
        for (int i = 1; i < all.length; i++) {
            if (all[i] == all[i - 1]) {
                return true;
            }
        }
        return false;
    }
}
