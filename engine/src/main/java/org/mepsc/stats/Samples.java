package org.mepsc.stats;

import java.util.Arrays;
import java.util.List;
import org.apache.commons.statistics.descriptive.Mean;
import org.apache.commons.statistics.descriptive.Median;
import org.apache.commons.statistics.descriptive.Quantile;
import org.apache.commons.statistics.descriptive.Variance;

/** Descriptive statistics of one sample, NaN where a sample is too small to define them. */
public final class Samples {

    private static final Quantile LINEAR = Quantile.withDefaults().with(Quantile.EstimationMethod.HF7);

    private Samples() {
    }

    /** The finite values of {@code x}, in order (missing measurements are NaN in the inputs). */
    public static double[] finite(double[] x) {
        return Arrays.stream(x).filter(Double::isFinite).toArray();
    }

    public static double median(double[] x) {
        return x.length == 0 ? Double.NaN : Median.withDefaults().evaluate(x);
    }

    public static double mean(double[] x) {
        return x.length == 0 ? Double.NaN : Mean.of(x).getAsDouble();
    }

    /** The unbiased (n - 1) variance. */
    public static double variance(double[] x) {
        return x.length < 2 ? Double.NaN : Variance.of(x).getAsDouble();
    }

    public static double sd(double[] x) {
        return Math.sqrt(variance(x));
    }

    /** Standard error of the mean. */
    public static double sem(double[] x) {
        return sd(x) / Math.sqrt(x.length);
    }

    /** Quantile by linear interpolation between order statistics (Hyndman-Fan 7, numpy's default). */
    public static double quantile(double[] x, double p) {
        return x.length == 0 ? Double.NaN : LINEAR.evaluate(x, p);
    }

    /** All values of several samples in one array. */
    public static double[] concat(List<double[]> parts) {
        int n = 0;
        for (double[] p : parts) {
            n += p.length;
        }
        double[] all = new double[n];
        int at = 0;
        for (double[] p : parts) {
            System.arraycopy(p, 0, all, at, p.length);
            at += p.length;
        }
        return all;
    }

    /** Summary of one group's values for one measure. */
    public record Summary(int n, double median, double mean, double sd, double sem) {
        public static Summary of(double[] x) {
            return new Summary(x.length, Samples.median(x), Samples.mean(x), Samples.sd(x), Samples.sem(x));
        }
    }
}
