package org.mepsc.io.abf;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.mepsc.io.RawLayout.SampleType;

/**
 * int16 samples are converted by a table of every value's {@code stored · gain + offset}: the
 * same floats, bit for bit, as the multiply-add, for every value and scaling, and a channel read
 * with another scaling is converted with that one.
 */
class AbfSamplesTest {

    @ParameterizedTest
    @ValueSource(longs = {1, 2, 3, 4})
    void theTableHoldsEachValuesMultiplyAdd(long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        float[][] scalings = {
            {(float) (r.nextDouble() * 0.1), (float) (r.nextDouble() * 200 - 100)},
            {-(float) (r.nextDouble() * 1e-3), 0f},
            {(float) Math.scalb(r.nextDouble(), r.nextInt(-40, 40)), (float) Math.scalb(r.nextDouble() - 0.5, r.nextInt(-30, 30))},
        };
        for (float[] s : scalings) {
            float[] table = AbfSamples.Int16Table.of(s[0], s[1]).values();
            for (int v = Short.MIN_VALUE; v <= Short.MAX_VALUE; v++) {
                float want = (short) v * s[0] + s[1];
                assertThat(Float.floatToRawIntBits(table[v & 0xffff])).as("%d · %g + %g", v, s[0], s[1])
                        .isEqualTo(Float.floatToRawIntBits(want));
            }
        }
    }

    @Test
    void eachReadUsesTheScalingItAsksFor(@TempDir Path dir) throws IOException {
        int frames = 5_000;
        short[] stored = new short[2 * frames];
        SplittableRandom r = new SplittableRandom(7);
        for (int i = 0; i < stored.length; i++) {
            stored[i] = (short) r.nextInt(Short.MIN_VALUE, Short.MAX_VALUE + 1);
        }
        stored[1] = Short.MIN_VALUE;
        stored[3] = Short.MAX_VALUE;
        ByteBuffer bytes = ByteBuffer.allocate(64 + 2 * stored.length).order(ByteOrder.LITTLE_ENDIAN);
        bytes.position(64);
        for (short s : stored) {
            bytes.putShort(s);
        }
        Path file = dir.resolve("samples.bin");
        Files.write(file, bytes.array());
        try (FileChannel ch = FileChannel.open(file)) {
            AbfSamples samples = new AbfSamples(ch, 64, frames, 2, SampleType.INT16);
            float[][] scalings = {{0.5f, 1f}, {-0.03125f, 12.5f}, {0.5f, 1f}};
            for (float[] s : scalings) {
                for (int channel = 0; channel < 2; channel++) {
                    float[] got = new float[frames - 3];
                    samples.read(channel, 3, got.length, s[0], s[1], got, 0);
                    for (int i = 0; i < got.length; i++) {
                        assertThat(got[i]).isEqualTo(stored[2 * (i + 3) + channel] * s[0] + s[1]);
                    }
                }
                float[] extremes = new float[2];
                samples.read(1, 0, 2, s[0], s[1], extremes, 0);
                assertThat(extremes).containsExactly(Short.MIN_VALUE * s[0] + s[1], Short.MAX_VALUE * s[0] + s[1]);
            }
        }
    }
}
