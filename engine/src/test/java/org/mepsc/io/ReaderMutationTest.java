package org.mepsc.io;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.mepsc.recording.RecordingFormatException;
import org.mepsc.testing.RealData;

/**
 * The deterministic mutation suite: every real recording is truncated at every header
 * boundary, bit-flipped and stuffed with absurd counts and offsets (seeded), and every mutant must
 * either open and read cleanly or fail with the reader's own {@link RecordingFormatException} —
 * never another exception, an OutOfMemoryError, a huge allocation or a hang: the
 * {@link ReaderOracle}'s verdict, through the seed's reader and through format detection.
 */
class ReaderMutationTest {

    /** Mutants per kind and seed file; raise with -Dmepsc.mutants=N for a longer run. */
    private static final int MUTANTS = Integer.getInteger("mepsc.mutants", 150);

    @TempDir
    Path tmp;

    static Stream<Path> seeds() {
        return RealData.withOracle("abf", "nwb", "dat", "wcp", "axgx", "axgd", "axg", "atf").stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("seeds")
    void truncations(Path seed) throws IOException {
        byte[] original = Files.readAllBytes(seed);
        for (int length : truncationPoints(original.length, seed.toString().hashCode())) {
            byte[] mutant = java.util.Arrays.copyOf(original, length);
            check(seed, mutant, seed.getFileName() + " truncated to " + length + " bytes");
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("seeds")
    void bitFlips(Path seed) throws IOException {
        byte[] original = Files.readAllBytes(seed);
        SplittableRandom rnd = new SplittableRandom(seed.toString().hashCode() * 31L + 1);
        for (int m = 0; m < MUTANTS; m++) {
            byte[] mutant = original.clone();
            int flips = 1 + rnd.nextInt(4);
            StringBuilder what = new StringBuilder();
            for (int f = 0; f < flips; f++) {
                int pos = headerBiasedPosition(rnd, mutant.length);
                int bit = rnd.nextInt(8);
                mutant[pos] ^= (byte) (1 << bit);
                what.append(' ').append(pos).append(':').append(bit);
            }
            check(seed, mutant, seed.getFileName() + " with bits flipped at" + what);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("seeds")
    void absurdCountsAndOffsets(Path seed) throws IOException {
        byte[] original = Files.readAllBytes(seed);
        SplittableRandom rnd = new SplittableRandom(seed.toString().hashCode() * 17L + 5);
        long[] absurd = {0, -1, Integer.MAX_VALUE, Integer.MIN_VALUE, 0x7FFF, 0x8000, 0xFFFF, 1L << 31, Long.MAX_VALUE,
            Long.MIN_VALUE, 0x40000000};
        int[] widths = {2, 4, 8};
        for (int m = 0; m < MUTANTS; m++) {
            int width = widths[rnd.nextInt(widths.length)];
            int pos = headerBiasedPosition(rnd, original.length - width + 1);
            pos -= pos % width; // fields are aligned in every format we read
            long value = absurd[rnd.nextInt(absurd.length)];
            ByteOrder order = rnd.nextBoolean() ? ByteOrder.LITTLE_ENDIAN : ByteOrder.BIG_ENDIAN;
            byte[] mutant = original.clone();
            ByteBuffer b = ByteBuffer.wrap(mutant).order(order);
            switch (width) {
                case 2: b.putShort(pos, (short) value); break;
                case 4: b.putInt(pos, (int) value); break;
                default: b.putLong(pos, value); break;
            }
            check(seed, mutant, seed.getFileName() + " with " + width + "-byte " + order + " value " + value + " at " + pos);
        }
    }

    /** Every 4 bytes through the first KiB, every 64 through 64 KiB, block edges, and some in the data. */
    private static List<Integer> truncationPoints(int size, long seed) {
        TreeSet<Integer> points = new TreeSet<>();
        for (int p = 0; p < Math.min(size, 1024); p += 4) {
            points.add(p);
        }
        for (int p = 1024; p < Math.min(size, 65536); p += 64) {
            points.add(p);
        }
        for (int p = 512; p < Math.min(size, 1 << 20); p += 512) {
            points.add(p - 1);
            points.add(p + 1);
        }
        SplittableRandom rnd = new SplittableRandom(seed);
        for (int i = 0; i < 40 && size > 2; i++) {
            points.add(1 + rnd.nextInt(size - 1));
        }
        points.add(size - 1);
        points.remove(size);
        List<Integer> list = new ArrayList<>(points.headSet(size));
        // thin to a bounded number of mutants, keeping the first KiB dense
        if (list.size() > 4 * MUTANTS) {
            List<Integer> thin = new ArrayList<>();
            int step = list.size() / (4 * MUTANTS) + 1;
            for (int i = 0; i < list.size(); i++) {
                if (list.get(i) < 1024 || i % step == 0) {
                    thin.add(list.get(i));
                }
            }
            list = thin;
        }
        return list;
    }

    /** Three quarters of mutations land in the first 8 KiB, where headers and tables live. */
    private static int headerBiasedPosition(SplittableRandom rnd, int size) {
        if (size <= 1) {
            return 0;
        }
        return rnd.nextInt(4) < 3 ? rnd.nextInt(Math.min(size, 8192)) : rnd.nextInt(size);
    }

    private void check(Path seed, byte[] mutant, String what) throws IOException {
        Path file = tmp.resolve("mutant");
        Files.write(file, mutant);
        java.util.Optional<RecordingReader> reader = RecordingReaders.standard().detect(seed);
        if (reader.isPresent()) {
            ReaderOracle.assertCleanOutcome(file, reader.get(), OpenOptions.DEFAULT, what);
        } else { // a format mepsc does not read (yet): detection must still refuse every mutant cleanly
            ReaderOracle.assertCleanOutcome(file, what);
        }
    }
}
