package org.mepsc.stats;

import org.apache.commons.statistics.inference.DataDispersion;
import org.apache.commons.statistics.inference.TTest;

/**
 * Welch's unequal-variance t-test, two-sided, of group b against reference group a
 * (Commons Statistics; scipy {@code ttest_ind(b, a, equal_var=False)}). A positive t means b's
 * mean is larger; df are the Welch–Satterthwaite degrees of freedom.
 */
public record Welch(double t, double df, double p) {

    public static Welch test(double[] a, double[] b) {
        if (a.length < 2 || b.length < 2) {
            return new Welch(Double.NaN, Double.NaN, Double.NaN);
        }
        TTest.Result r = TTest.withDefaults().with(DataDispersion.HETEROSCEDASTIC).test(b, a);
        return new Welch(r.getStatistic(), r.getDegreesOfFreedom(), r.getPValue());
    }
}
