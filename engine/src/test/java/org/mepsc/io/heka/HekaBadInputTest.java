package org.mepsc.io.heka;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mepsc.io.BadFiles.withDouble;
import static org.mepsc.io.BadFiles.withInt;
import static org.mepsc.io.BadFiles.withText;

import java.io.IOException;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.mepsc.io.BadFiles;
import org.mepsc.testing.RealData;

/**
 * Broken copies of the real PatchMaster bundle (made in a temporary folder): each must be refused
 * with a one-line error naming the file, quickly and without a large allocation.
 */
class HekaBadInputTest {

    private static final ByteOrder LE = ByteOrder.LITTLE_ENDIAN;
    /** Where the real bundle's Pulsed tree starts (its item table says so) and its first records lie. */
    private static final int TREE = 1416336;
    private static final int ROOT_CHILDREN = TREE + 8 + 20 + 640;
    private static final int SERIES_CHILDREN = ROOT_CHILDREN + 4 + 144 + 4 + 1408;
    private static final int FIRST_TRACE = SERIES_CHILDREN + 4 + 288 + 4;
    private static final int SECOND_TRACE = FIRST_TRACE + 424 + 4;

    @TempDir
    Path tmp;

    static Stream<Arguments> mutants() {
        return Stream.of(
                m("empty", b -> new byte[0]),
                m("cut inside the signature", b -> Arrays.copyOf(b, 3)),
                m("cut inside the bundle header", b -> Arrays.copyOf(b, 100)),
                m("cut before the item table ends", b -> Arrays.copyOf(b, 255)),
                m("cut inside the raw data", b -> Arrays.copyOf(b, 800_000)),
                m("cut inside the tree signature", b -> Arrays.copyOf(b, TREE + 2)),
                m("cut inside the tree", b -> Arrays.copyOf(b, TREE + 5000)),
                m("wrong signature", b -> withText(b, 0, "DAT3")),
                m("wrong tree signature", b -> withText(b, TREE, "Tref")),
                m("no .pul item", b -> withText(b, 88, ".xyz")),
                m(".pul item beyond the file", b -> withInt(b, 80, 0x7fff_fff0, LE)),
                m(".pul item of 2 GiB", b -> withInt(b, 84, 0x7fff_ffff, LE)),
                m("big-endian flag on a little-endian header", b -> withText(b, 52, "\0")),
                m("1000 tree levels", b -> withInt(b, TREE + 4, 1000, LE)),
                m("absurd record size", b -> withInt(b, TREE + 8, 0x7fff_ffff, LE)),
                m("negative record size", b -> withInt(b, TREE + 12, -5, LE)),
                m("trace records too short", b -> withInt(b, TREE + 24, 64, LE)),
                m("2^31-1 groups", b -> withInt(b, ROOT_CHILDREN, 0x7fff_ffff, LE)),
                m("negative sweep count", b -> withInt(b, SERIES_CHILDREN, -1, LE)),
                m("trace data beyond the file", b -> withInt(b, FIRST_TRACE + 40, 0x7fff_ff00, LE)),
                m("trace data at 4 GiB", b -> withInt(b, FIRST_TRACE + 40, -16, LE)),
                m("2^31-1 samples in both traces", b -> withInt(withInt(b, FIRST_TRACE + 44, 0x7fff_ffff, LE),
                        SECOND_TRACE + 44, 0x7fff_ffff, LE)),
                m("negative samples", b -> withInt(b, FIRST_TRACE + 44, -3, LE)),
                m("unknown data format", b -> withText(b, FIRST_TRACE + 70, "\u0009")),
                m("zero sample interval", b -> withDouble(b, FIRST_TRACE + 104, 0, LE)),
                m("NaN sample interval", b -> withDouble(b, FIRST_TRACE + 104, Double.NaN, LE)),
                m("denormal sample interval", b -> withDouble(b, FIRST_TRACE + 104, Double.MIN_VALUE, LE)),
                m("unknown time unit", b -> withText(b, FIRST_TRACE + 120, "h\0")),
                m("NaN data scaler", b -> withDouble(b, FIRST_TRACE + 72, Double.NaN, LE)),
                m("children under a trace", b -> withInt(b, FIRST_TRACE + 424, 1, LE)));
    }

    private static Arguments m(String what, UnaryOperator<byte[]> mutation) {
        return Arguments.of(what, mutation);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("mutants")
    void isRefusedCleanly(String what, UnaryOperator<byte[]> mutation) throws IOException {
        byte[] original = Files.readAllBytes(RealData.file("hekaimport_test2.dat"));
        assertThat(new String(original, TREE, 4, java.nio.charset.StandardCharsets.ISO_8859_1))
                .as("the offsets above describe this file").isEqualTo("eerT");
        BadFiles.assertRejected(tmp.resolve("broken.dat"), mutation.apply(original));
    }
}
