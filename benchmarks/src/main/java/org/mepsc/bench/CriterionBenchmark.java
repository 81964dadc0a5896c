package org.mepsc.bench;

import java.io.IOException;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.mepsc.detect.ClementsBekkers;
import org.mepsc.detect.Detector;
import org.mepsc.detect.PearsonCorrelation;
import org.mepsc.detect.Template;
import org.mepsc.detect.Window;
import org.mepsc.events.Polarity;
import org.mepsc.filter.BankDesign;
import org.mepsc.filter.Fir;
import org.mepsc.filter.SpectralBank;
import org.mepsc.trace.ArrayTrace;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The detectors' criteria on a conditioned trace of 2^20 samples at 20 kHz, by template length
 * ({@code templateSamples}). Scores are positions per second.
 *
 * <ul>
 *   <li>{@code clementsBekkers}, {@code pearson}: the template detectors' statistic from the
 *       cross-correlation (given) and the exact sliding sums Σx, Σx² (the deconvolution's criterion
 *       is its kernel's output itself: see {@link FilterBenchmark}).</li>
 *   <li>{@code correlationFft}: the cross-correlation with the template by overlap-save, as the
 *       pipeline computes it (one forward and one inverse transform per block; in the pipeline the
 *       forward transform is shared with the conditioning filter).</li>
 *   <li>{@code correlationDirect}: the same sum computed directly, O(template length) per position:
 *       the alternative the FFT wins against for every template longer than a few dozen samples.</li>
 * </ul>
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Fork(1)
@Warmup(iterations = 2, time = 2)
@Measurement(iterations = 3, time = 2)
public class CriterionBenchmark {

    static final int N = 1 << 20;
    static final double RATE = 20_000;

    @Param({"32", "128", "512", "2048"})
    int templateSamples;

    private float[] x;
    private float[] corr;
    private float[] out;
    private double[] taps;
    private Detector cb;
    private Detector pearson;
    private SpectralBank bank;

    @Setup
    public void setUp() throws IOException {
        int pre = 20;
        double[] shape = new Template(0.5, 4).sampled(RATE, pre, templateSamples);
        cb = new ClementsBekkers(shape, pre, Polarity.NEGATIVE);
        pearson = new PearsonCorrelation(shape, pre, Polarity.NEGATIVE);
        x = BenchTraces.minis(N + templateSamples + 2048, RATE, 5, 2);
        Fir kernel = cb.kernels().get(0);
        taps = kernel.taps();
        bank = new SpectralBank(new ArrayTrace(x, RATE), BankDesign.of(List.of(kernel), 1, x.length));
        corr = new float[N];
        bank.read(0, 0, N, corr, 0);
        out = new float[N];
    }

    @Benchmark
    @OperationsPerInvocation(N)
    public float clementsBekkers() {
        cb.statistic(new Window(x, 0, x.length), List.of(new Window(corr, 0, N)), 0, N, out, 0);
        return out[N - 1];
    }

    @Benchmark
    @OperationsPerInvocation(N)
    public float pearson() {
        pearson.statistic(new Window(x, 0, x.length), List.of(new Window(corr, 0, N)), 0, N, out, 0);
        return out[N - 1];
    }

    @Benchmark
    @OperationsPerInvocation(N)
    public float correlationFft() throws IOException {
        SpectralBank fresh = new SpectralBank(new ArrayTrace(x, RATE), bank.design());
        fresh.read(0, 0, N, out, 0);
        return out[N - 1];
    }

    /** out[n] = Σ_j h[j]·x[n − j] over the kernel's taps (j from −(L−1) to 0), in double. */
    @Benchmark
    @OperationsPerInvocation(N)
    public float correlationDirect() {
        int len = taps.length;
        for (int n = 0; n < N; n++) {
            double s = 0;
            // taps[k] is h at lag first + k = k − (len − 1): it multiplies x[n + len − 1 − k]
            for (int k = 0; k < len; k++) {
                s += taps[k] * x[n + len - 1 - k];
            }
            out[n] = (float) s;
        }
        return out[N - 1];
    }
}
