package org.mepsc.bench;

import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.jtransforms.fft.DoubleFFT_1D;
import org.jtransforms.fft.FloatFFT_1D;
import org.mepsc.filter.Fft;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The FFT kernel under every filter and detector: one real forward plus one unscaled real inverse
 * transform of {@code size} points with JTransforms on one thread (as mepsc runs it, {@link Fft}),
 * in double (what mepsc uses) and float precision. Time per call; divide by {@code size} for the
 * cost per point.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Fork(1)
@Warmup(iterations = 2, time = 1)
@Measurement(iterations = 3, time = 1)
public class FftBenchmark {

    @Param({"4096", "8192", "16384", "65536"})
    int size;

    private DoubleFFT_1D dfft;
    private FloatFFT_1D ffft;
    private double[] d;
    private float[] f;

    @Setup
    public void setUp() {
        dfft = Fft.real(size);
        ffft = new FloatFFT_1D(size);
        d = new double[size];
        f = new float[size];
        SplittableRandom rnd = new SplittableRandom(1);
        for (int i = 0; i < size; i++) {
            d[i] = rnd.nextGaussian();
            f[i] = (float) d[i];
        }
    }

    @Benchmark
    public double doubleForwardInverse() {
        dfft.realForward(d);
        dfft.realInverse(d, true);
        return d[1];
    }

    @Benchmark
    public float floatForwardInverse() {
        ffft.realForward(f);
        ffft.realInverse(f, true);
        return f[1];
    }
}
