package org.mepsc.trace;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.SplittableRandom;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class HeldStretchTraceTest {

    /** Counts the samples read from it, to show which reads the held stretch served. */
    private static final class CountingTrace implements Trace {
        private final ArrayTrace inner;
        long samplesRead;

        CountingTrace(float[] x) {
            inner = new ArrayTrace(x, 1000);
        }

        @Override
        public double sampleRateHz() {
            return inner.sampleRateHz();
        }

        @Override
        public long length() {
            return inner.length();
        }

        @Override
        public void read(long start, int count, float[] dst, int offset) throws IOException {
            samplesRead += count;
            inner.read(start, count, dst, offset);
        }
    }

    /** Reads inside, across either end of, around and away from the held stretch give the source's samples. */
    @ParameterizedTest
    @ValueSource(longs = {1, 2, 3, 4})
    void readsGiveTheSourcesSamplesWhereverTheyFall(long seed) throws IOException {
        SplittableRandom r = new SplittableRandom(seed);
        float[] x = new float[5_000];
        for (int i = 0; i < x.length; i++) {
            x[i] = (float) r.nextGaussian();
        }
        CountingTrace source = new CountingTrace(x);
        HeldStretchTrace t = new HeldStretchTrace(source);
        int start = 1_000 + r.nextInt(1_000);
        int length = 500 + r.nextInt(1_500);
        float[] held = java.util.Arrays.copyOfRange(x, start, start + length);
        t.hold(held, start, length);
        for (int trial = 0; trial < 200; trial++) {
            int from = r.nextInt(x.length);
            int count = r.nextInt(x.length - from + 1);
            float[] got = new float[count + 2];
            long before = source.samplesRead;
            t.read(from, count, got, 1);
            float[] want = new float[count + 2];
            System.arraycopy(x, from, want, 1, count);
            assertThat(got).as("[%d, +%d)", from, count).containsExactly(want);
            long overlap = Math.max(0, Math.min(from + count, start + length) - Math.max(from, start));
            assertThat(source.samplesRead - before).as("samples read from the source").isEqualTo(count - overlap);
        }
        t.release();
        long before = source.samplesRead;
        t.read(start, length, new float[length], 0);
        assertThat(source.samplesRead - before).isEqualTo(length);
    }
}
