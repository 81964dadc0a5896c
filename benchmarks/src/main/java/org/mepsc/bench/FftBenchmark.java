package org.mepsc.bench;

import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.jtransforms.fft.DoubleFFT_1D;
import org.jtransforms.fft.FloatFFT_1D;
import org.mepsc.filter.Fft;
import org.mepsc.filter.RowFft;
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
 * The FFT kernels: one real forward plus one unscaled real inverse transform of {@code size}
 * points with JTransforms on one thread ({@link Fft}, which mepsc uses to design filters), in double
 * and float precision; and mepsc's own complex transform ({@link RowFft}, the filter bank's), one
 * forward and one inverse of {@code size} complex points, which filter two blocks of {@code size}
 * real samples at once. Time per call; divide by {@code size} for the cost per point.
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
    private RowFft rowForward;
    private RowFft rowInverse;
    private float[][] re;
    private float[][] im;
    private float[][] spectrumRe;
    private float[][] spectrumIm;

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
        int rows = 1 << (Integer.numberOfTrailingZeros(size) / 2);
        int lanes = size / rows;
        rowForward = new RowFft(rows, lanes, false);
        rowInverse = new RowFft(lanes, rows, true);
        re = RowFft.storage(rows, lanes);
        im = RowFft.storage(rows, lanes);
        spectrumRe = RowFft.storage(lanes, rows);
        spectrumIm = RowFft.storage(lanes, rows);
        for (int i = 0; i < size; i++) {
            re[i / lanes][i % lanes] = f[i];
            im[i / lanes][i % lanes] = f[(i + 1) % size];
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

    /** Forward and unscaled inverse; the round trip multiplies by {@code size}, so scale back. */
    @Benchmark
    public float rowComplexForwardInverse() {
        rowForward.transform(re, im, spectrumRe, spectrumIm);
        rowInverse.transform(spectrumRe, spectrumIm, re, im);
        float scale = 1f / size;
        for (float[] row : re) {
            for (int l = 0; l < row.length; l++) {
                row[l] *= scale;
            }
        }
        for (float[] row : im) {
            for (int l = 0; l < row.length; l++) {
                row[l] *= scale;
            }
        }
        return re[0][1];
    }
}
