package org.mepsc.io.heka;

import static org.mepsc.io.heka.HekaFileBuilder.series;
import static org.mepsc.io.heka.HekaFileBuilder.sweep;

import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.mepsc.io.OpenOptions;
import org.mepsc.io.ReaderFuzzTests;
import org.mepsc.io.ReaderFuzzing.Family;
import org.mepsc.io.ReaderFuzzing.Seed;
import org.mepsc.io.heka.HekaFileBuilder.Trace;
import org.mepsc.recording.RecordingMetadata;

/**
 * Fuzz tests of the HEKA PatchMaster reader (the two targets: {@link ReaderFuzzTests}). A file that
 * opens is also opened at every series it lists (up to 32), since each series has its own traces
 * and layout.
 */
public class HekaFuzzTest extends ReaderFuzzTests {

    private static final int MAX_SERIES = 32;
    private static final Pattern SERIES = Pattern.compile("series (\\d+\\.\\d+): .*");

    public static final Family FAMILY = Family.of(new HekaReader(), "dat", List.of(
            new Seed("bundle, two groups", "dat", twoGroups(ByteOrder.LITTLE_ENDIAN)),
            new Seed("big-endian bundle, interleaved", "dat", interleaved())), "dat")
            .withMoreOptions(HekaFuzzTest::everySeries);

    @Override
    protected Family family() {
        return FAMILY;
    }

    /** The series the recording's comments list ("series 1.2: …"). */
    private static List<OpenOptions> everySeries(RecordingMetadata md) {
        List<OpenOptions> options = new ArrayList<>();
        for (String c : md.comments()) {
            Matcher m = SERIES.matcher(c);
            if (m.matches() && options.size() < MAX_SERIES) {
                options.add(OpenOptions.DEFAULT.withSeries(m.group(1)));
            }
        }
        return options;
    }

    /** Two groups; series of int16, int32, float32 and float64 traces of unequal lengths and units. */
    private static byte[] twoGroups(ByteOrder tree) {
        double[] a = {1, -2, 3, -4, 5, -6, 7, -8};
        double[] b = {100, 200, 300};
        return new HekaFileBuilder().treeOrder(tree)
                .group("cell 1",
                        series("IV", HekaFileBuilder.hekaTime(1_600_000_000),
                                sweep(0, Trace.of("Imon", "A", 0, 1e-12, 5e-5, a), Trace.of("Vmon", "V", 1, 1e-6, 5e-5, a)),
                                sweep(1, Trace.of("Imon", "A", 0, 1e-12, 5e-5, b), Trace.of("Vmon", "V", 1, 1e-6, 5e-5, b))),
                        series("Ramp", Double.NaN, sweep(0, Trace.of("Imon", "A", 2, 1, 1e-4, a).withZeroData(1e-12))))
                .group("cell 2", series("minis", Double.NaN,
                        sweep(0, Trace.of("Imon", "A", 3, 1, 2e-5, b).withDataOrder(false))))
                .bundle();
    }

    private static byte[] interleaved() {
        double[] v = new double[300];
        for (int i = 0; i < v.length; i++) {
            v[i] = i - 150;
        }
        return new HekaFileBuilder().treeOrder(ByteOrder.BIG_ENDIAN)
                .group("g", series("s", Double.NaN, sweep(0, Trace.of("Imon", "A", 0, 1e-12, 1e-4, v).interleaved(64, 200))))
                .bundle();
    }
}
