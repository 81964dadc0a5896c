package org.mepsc.bench;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.mepsc.detect.Deconvolution;
import org.mepsc.detect.Detector;
import org.mepsc.detect.PearsonCorrelation;
import org.mepsc.detect.Template;
import org.mepsc.events.Polarity;
import org.mepsc.filter.BankDesign;
import org.mepsc.filter.ChainDesign;
import org.mepsc.filter.FilterChain;
import org.mepsc.filter.Fir;
import org.mepsc.filter.FirDesign;
import org.mepsc.filter.Responses;
import org.mepsc.filter.SpectralBank;
import org.mepsc.pipeline.Conditioning;
import org.mepsc.pipeline.LowPassKind;
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
 * Each filter as the pipeline applies it: overlap-save with mepsc's own FFT on one thread
 * ({@link SpectralBank}), over a 2^22-sample trace held in memory, read in chunks of 2^16 output
 * samples. Scores are input (recording) samples per second.
 *
 * <ul>
 *   <li>{@code decimator}: the half-band stages alone ({@link org.mepsc.filter.HalfBandDecimator}:
 *       by 2 at 20 kHz, 4 at 50 kHz; at 10 kHz nothing to do);</li>
 *   <li>{@code lowpass}, {@code bessel}: the conditioning low-pass (Gaussian or 4-pole Bessel,
 *       2 kHz) with the band limit of its decimation, after the half-band stages as the pipeline
 *       applies it;</li>
 *   <li>{@code highpass}: a 2 Hz Gaussian high-pass; {@code notch}: 50 Hz and its harmonics to
 *       1 kHz (these two at the full rate);</li>
 *   <li>{@code deconvolution}, {@code template}: the pipeline's two-stage chain ({@link FilterChain}):
 *       the half-band stages, then the conditioned trace and a detector's kernel from one forward
 *       transform per block at the detection rate, both outputs read.</li>
 * </ul>
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Fork(1)
@Warmup(iterations = 2, time = 2)
@Measurement(iterations = 3, time = 2)
public class FilterBenchmark {

    static final int N = 1 << 22;
    static final int READ = 1 << 16;

    @Param({"10000", "20000", "50000"})
    double rateHz;

    @Param({"decimator", "lowpass", "bessel", "highpass", "notch", "deconvolution", "template"})
    String filter;

    private FilterChain chain;
    private int outputs;
    private float[] out;

    @Setup
    public void setUp() {
        ArrayTrace trace = new ArrayTrace(BenchTraces.minis(N, rateHz, 5, 1), rateHz);
        Conditioning c = Conditioning.design(rateHz, filter.equals("bessel") ? LowPassKind.BESSEL : LowPassKind.GAUSSIAN,
                2000, 0, List.of());
        int d = c.decimation();
        long decimated = (N + d - 1) / d;
        ChainDesign design = switch (filter) {
            case "lowpass", "bessel" -> d > 1 ? new ChainDesign(c.front(), BankDesign.of(List.of(c.back()), 1, decimated))
                    : new ChainDesign(null, BankDesign.of(List.of(c.filter()), 1, N));
            case "decimator" -> new ChainDesign(d > 1 ? c.front() : null, BankDesign.of(List.of(Fir.identity()), 1, decimated));
            case "highpass" -> new ChainDesign(null, BankDesign.of(
                    List.of(FirDesign.fromResponse(Responses.gaussianHighPass(2), rateHz, 1e-7)), 1, N));
            case "notch" -> new ChainDesign(null, BankDesign.of(List.of(FirDesign.fromResponse(
                    Responses.notches(List.of(50.0, 100.0, 150.0, 200.0, 250.0), Conditioning.NOTCH_SIGMA_HZ), rateHz, 1e-7)),
                    1, N));
            case "deconvolution", "template" -> {
                double rate = c.rateHz();
                Template t = new Template(0.5, 4);
                int pre = (int) Math.round(rate / 1000);
                Detector det = filter.equals("template")
                        ? new PearsonCorrelation(t.sampled(rate, pre, pre + (int) Math.round(13.4 * rate / 1000)), pre, Polarity.NEGATIVE)
                        : new Deconvolution(t, rate, Deconvolution.gaussianBand(Math.min(0.4 * rate, 318), 5),
                                (int) Math.round(0.03 * rate), Polarity.NEGATIVE);
                List<Fir> outs = new ArrayList<>();
                outs.add(c.back());
                for (Fir k : det.kernels()) {
                    outs.add(c.back().convolve(k));
                }
                BankDesign back = BankDesign.of(outs, 1, decimated);
                yield new ChainDesign(d > 1 ? c.front() : null, back);
            }
            default -> throw new IllegalArgumentException(filter);
        };
        chain = new FilterChain(trace, design);
        outputs = design.back().outputs();
        out = new float[READ];
    }

    @Benchmark
    @OperationsPerInvocation(N)
    public float filter() throws IOException {
        float sink = 0;
        long length = chain.length();
        for (long pos = 0; pos < length; pos += READ) {
            int n = (int) Math.min(READ, length - pos);
            for (int k = 0; k < outputs; k++) {
                chain.read(k, pos, n, out, 0);
                sink += out[n - 1];
            }
        }
        return sink;
    }
}
