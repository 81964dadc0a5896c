package org.mepsc.bench;

import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The physical limit of one core: summing a float array far larger than the caches. Every
 * other benchmark's samples/s is reported as a fraction of this figure in docs/benchmarks.md.
 * Scores are in samples (floats) per second.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Fork(value = 1, jvmArgsAppend = {"-Xmx2g"})
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
public class MemoryBandwidthBenchmark {

    /** 64 Mi floats = 256 MiB: well beyond any cache. */
    private static final int N = 64 << 20;

    private float[] data;

    @Setup(Level.Trial)
    public void setUp() {
        data = new float[N];
        for (int i = 0; i < N; i++) {
            data[i] = (i * 31 & 1023) * 0.001f;
        }
    }

    /** Four independent accumulators let the JIT vectorise and hide the add latency. */
    @Benchmark
    @OperationsPerInvocation(N)
    public float streamSum() {
        float a = 0;
        float b = 0;
        float c = 0;
        float d = 0;
        float[] x = data;
        int i = 0;
        for (; i + 3 < x.length; i += 4) {
            a += x[i];
            b += x[i + 1];
            c += x[i + 2];
            d += x[i + 3];
        }
        return a + b + c + d;
    }
}
