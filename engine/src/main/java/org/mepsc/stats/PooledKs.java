package org.mepsc.stats;

import org.apache.commons.statistics.inference.KolmogorovSmirnovTest;

/**
 * The classic two-sample Kolmogorov–Smirnov test on all events of each group pooled (Commons
 * Statistics; exact p below 10,000 values per group, else asymptotic). It treats every event as
 * an independent observation, which inflates n: with real cell-to-cell variation its p-value is
 * far too small. mepsc shows it for reference only; use {@link CellBalancedKs} instead.
 */
public record PooledKs(double d, double p, int eventsA, int eventsB) {

    public static PooledKs test(double[] a, double[] b) {
        if (a.length < 2 || b.length < 2) {
            return new PooledKs(Double.NaN, Double.NaN, a.length, b.length);
        }
        KolmogorovSmirnovTest.TwoResult r = KolmogorovSmirnovTest.withDefaults().test(b, a);
        return new PooledKs(r.getStatistic(), r.getPValue(), a.length, b.length);
    }
}
