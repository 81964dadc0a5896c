package org.mepsc.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.SplittableRandom;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.mepsc.recording.Recording;
import org.mepsc.testing.RealData;
import org.mepsc.testing.SameFloats;

/**
 * For every real recording: any {@code read(channel, sweep, start, count)} equals the same slice
 * of a whole-sweep read, at random offsets (seeded), at the edges, and across the readers'
 * internal block boundaries; reads outside a sweep are refused.
 *
 * <p>Arrays are compared with {@code isEqualTo} (element by element, bit-exact like
 * {@code Float.equals}): AssertJ's {@code containsExactly} is quadratic and took minutes here.
 */
public class ChunkedReadContractTest {

    static Stream<Path> recordings() {
        return RealData.withOracle("abf", "nwb", "dat", "wcp", "axgx", "axgd", "axg", "atf").stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("recordings")
    void slicesEqualTheWholeRead(Path file) throws IOException {
        try (Recording r = RecordingReaders.openFile(file)) {
            assertSlicesMatch(r, file.getFileName().toString().hashCode());
        }
    }

    /** The contract, for any recording; reader tests call it on files they write themselves. */
    public static void assertSlicesMatch(Recording r, long seed) throws IOException {
        SplittableRandom rnd = new SplittableRandom(seed);
        int sweeps = r.sweeps().size();
        int[] sweepsToCheck = sweeps <= 3 ? range(sweeps) : new int[] {0, sweeps / 2, sweeps - 1};
        for (int c = 0; c < r.channels().size(); c++) {
            for (int s : sweepsToCheck) {
                int n = (int) Math.min(r.sweep(s).length(), 2_000_000);
                float[] whole = new float[n];
                r.read(c, s, 0, n, whole, 0);
                for (int trial = 0; trial < 40; trial++) {
                    int start = trial == 0 ? 0 : rnd.nextInt(n);
                    int count = trial == 1 ? n - start : rnd.nextInt(Math.min(n - start, 70_001) + 1);
                    float[] part = new float[count + 3];
                    part[0] = 12345f;
                    r.read(c, s, start, count, part, 1);
                    assertThat(part[0]).as("read must not write before its offset").isEqualTo(12345f);
                    SameFloats.assertSame(Arrays.copyOfRange(part, 1, count + 1),
                            Arrays.copyOfRange(whole, start, start + count),
                            "channel %d sweep %d [%d, %d)", c, s, start, start + count);
                }
                // consecutive small reads of odd and prime sizes stitch to the whole
                for (int size : new int[] {1, 7, 97, 4099}) {
                    float[] stitched = new float[Math.min(n, 50_000)];
                    for (int pos = 0; pos < stitched.length; pos += size) {
                        r.read(c, s, pos, Math.min(size, stitched.length - pos), stitched, pos);
                    }
                    SameFloats.assertSame(stitched, Arrays.copyOf(whole, stitched.length),
                            "channel %d sweep %d read %d samples at a time", c, s, size);
                }
            }
        }
        long last = r.sweep(sweeps - 1).length();
        assertThatThrownBy(() -> r.read(0, sweeps - 1, last - 1, 2, new float[2], 0))
                .isInstanceOf(IndexOutOfBoundsException.class);
        assertThatThrownBy(() -> r.read(0, sweeps, 0, 1, new float[1], 0))
                .isInstanceOf(IndexOutOfBoundsException.class);
        assertThatThrownBy(() -> r.read(r.channels().size(), 0, 0, 1, new float[1], 0))
                .isInstanceOf(IndexOutOfBoundsException.class);
    }

    private static int[] range(int n) {
        int[] a = new int[n];
        for (int i = 0; i < n; i++) {
            a[i] = i;
        }
        return a;
    }
}
