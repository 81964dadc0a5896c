package org.mepsc.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.mepsc.recording.AcquisitionMode;
import org.mepsc.recording.Channel;
import org.mepsc.recording.RecordingFormatException;
import org.mepsc.recording.RecordingMetadata;
import org.mepsc.recording.Sweep;

/**
 * Reads of {@link StoredSamples} layouts (strided, block-interleaved, every encoding and byte
 * order) against values computed straight from the bytes written, at seeded random places.
 */
class StoredSamplesTest {

    @TempDir
    Path tmp;

    static LongStream seeds() {
        return LongStream.range(1, 25);
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void randomLayoutsReadWhatWasWritten(long seed) throws IOException {
        SplittableRandom rnd = new SplittableRandom(seed);
        SampleEncoding enc = SampleEncoding.values()[rnd.nextInt(4)];
        ByteOrder order = rnd.nextBoolean() ? ByteOrder.LITTLE_ENDIAN : ByteOrder.BIG_ENDIAN;
        int stride = enc.bytes() * (1 + rnd.nextInt(4));
        int blockSamples = rnd.nextBoolean() ? 0 : 1 + rnd.nextInt(50);
        long blockStride = blockSamples == 0 ? 0 : (long) blockSamples * stride + rnd.nextInt(3) * enc.bytes();
        long first = rnd.nextInt(100);
        int length = 1 + rnd.nextInt(40_000);
        double scale = rnd.nextDouble() * 10 - 5;
        double offset = rnd.nextDouble() * 100 - 50;
        StoredSamples layout = new StoredSamples(first, length, enc, order, stride, blockSamples, blockStride, scale, offset);

        ByteBuffer file = ByteBuffer.allocate((int) layout.endByte()).order(order);
        double[] expected = new double[length];
        for (int i = 0; i < length; i++) {
            long pos = blockSamples == 0 ? first + (long) i * stride
                    : first + (i / blockSamples) * blockStride + (long) (i % blockSamples) * stride;
            double stored;
            switch (enc) {
                case INT16: stored = (short) rnd.nextInt(); file.putShort((int) pos, (short) stored); break;
                case INT32: stored = rnd.nextInt(); file.putInt((int) pos, (int) stored); break;
                case FLOAT32: stored = (float) rnd.nextGaussian(); file.putFloat((int) pos, (float) stored); break;
                default: stored = rnd.nextGaussian(); file.putDouble((int) pos, stored); break;
            }
            expected[i] = stored * scale + offset;
        }
        assertThat(layout.endByte()).isEqualTo(file.capacity());
        Path f = tmp.resolve("samples.bin");
        Files.write(f, file.array());
        try (FileBytes bytes = FileBytes.open(f)) {
            for (int trial = 0; trial < 30; trial++) {
                int start = rnd.nextInt(length);
                int count = rnd.nextInt(length - start + 1);
                float[] got = new float[count + 2];
                layout.read(bytes.channel(), f, start, count, got, 1);
                for (int k = 0; k < count; k++) {
                    assertThat(got[k + 1]).as("sample %d", start + k).isEqualTo((float) expected[start + k]);
                }
                assertThat(got[0]).isZero();
                assertThat(got[count + 1]).isZero();
            }
        }
    }

    @Test
    void concurrentReadsEqualSequentialOnes() throws Exception {
        int n = 200_000;
        ByteBuffer data = ByteBuffer.allocate(4 * n).order(ByteOrder.LITTLE_ENDIAN);
        SplittableRandom rnd = new SplittableRandom(99);
        for (int i = 0; i < 2 * n; i++) {
            data.putShort((short) rnd.nextInt());
        }
        Path f = tmp.resolve("two-channels.bin");
        Files.write(f, data.array());
        List<Channel> channels = List.of(Channel.of(0, "I", "pA"), Channel.of(1, "V", "mV"));
        List<List<StoredSamples>> layout = List.of(List.of(
                StoredSamples.strided(0, n, SampleEncoding.INT16, ByteOrder.LITTLE_ENDIAN, 4, 0.5, 0),
                StoredSamples.strided(2, n, SampleEncoding.INT16, ByteOrder.LITTLE_ENDIAN, 4, 0.25, 1)));
        RecordingMetadata md = new RecordingMetadata("TEST", "", AcquisitionMode.GAP_FREE, "", List.of(), List.of(),
                Optional.empty());
        try (StoredRecording r = new StoredRecording(FileBytes.open(f), md, channels, List.of(new Sweep(0, 0, n, 1000)),
                layout)) {
            float[][] whole = new float[2][n];
            r.read(0, 0, 0, n, whole[0], 0);
            r.read(1, 0, 0, n, whole[1], 0);
            ExecutorService pool = Executors.newFixedThreadPool(4);
            try {
                List<Future<Boolean>> results = new ArrayList<>();
                for (int t = 0; t < 8; t++) {
                    long seed = t;
                    results.add(pool.submit(() -> {
                        SplittableRandom local = new SplittableRandom(seed);
                        for (int k = 0; k < 200; k++) {
                            int c = local.nextInt(2);
                            int start = local.nextInt(n);
                            int count = local.nextInt(Math.min(n - start, 20_000) + 1);
                            float[] part = new float[count];
                            r.read(c, 0, start, count, part, 0);
                            for (int i = 0; i < count; i++) {
                                if (part[i] != whole[c][start + i]) {
                                    return false;
                                }
                            }
                        }
                        return true;
                    }));
                }
                for (Future<Boolean> result : results) {
                    assertThat(result.get()).isTrue();
                }
            } finally {
                pool.shutdownNow();
            }
        }
    }

    @Test
    void refusesLayoutsOutsideTheFile() throws IOException {
        Path f = tmp.resolve("short.bin");
        Files.write(f, new byte[100]);
        RecordingMetadata md = new RecordingMetadata("TEST", "", AcquisitionMode.GAP_FREE, "", List.of(), List.of(),
                Optional.empty());
        FileBytes bytes = FileBytes.open(f);
        try {
            assertThatThrownBy(() -> new StoredRecording(bytes, md, List.of(Channel.of(0, "I", "pA")),
                    List.of(new Sweep(0, 0, 51, 1000)),
                    List.of(List.of(StoredSamples.contiguous(0, 51, SampleEncoding.INT16, ByteOrder.BIG_ENDIAN, 1, 0)))))
                    .isInstanceOf(RecordingFormatException.class)
                    .hasMessage(f + ": truncated or corrupt: the samples of channel I in sweep 0 (bytes 0 to 102) lies beyond"
                            + " the end of the file (100 bytes)");
            StoredSamples huge = new StoredSamples(8, Long.MAX_VALUE / 2, SampleEncoding.FLOAT64, ByteOrder.BIG_ENDIAN, 8, 0, 0, 1, 0);
            assertThat(huge.endByte()).isEqualTo(Long.MAX_VALUE);
        } finally {
            bytes.close();
        }
    }
}
