package org.mepsc.io.raw;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.mepsc.io.FuzzSeeds;
import org.mepsc.io.ReaderFuzzTests;
import org.mepsc.io.ReaderFuzzing.Family;
import org.mepsc.io.ReaderFuzzing.Seed;

/**
 * Fuzz tests of the raw reader (the two targets: {@link ReaderFuzzTests}): a headerless file and
 * its JSON sidecar, either of which the structural target damages; free-form bytes become the
 * sidecar, the part with structure.
 */
public class RawFuzzTest extends ReaderFuzzTests {

    public static final Family FAMILY = Family.of(new RawReader(), "raw", List.of(
            FuzzSeeds.written("written float32, three sweeps", "raw", FuzzSeeds.small(3, 3, 200)),
            new Seed("int16 with a header, two channels", "dat16", int16(), Map.of(".json", ("{\"sample_rate_hz\": 10000, "
                    + "\"dtype\": \"int16\", \"unit\": [\"nA\", \"mV\"], \"scale\": 0.01, \"offset\": 0.5, "
                    + "\"channels\": 2, \"header_bytes\": 8, \"channel_names\": [\"Im\", \"Vm\"]}")
                    .getBytes(StandardCharsets.UTF_8))))).withFreeFormInto(".json");

    @Override
    protected Family family() {
        return FAMILY;
    }

    private static byte[] int16() {
        ByteBuffer b = ByteBuffer.allocate(8 + 2 * 64).order(ByteOrder.LITTLE_ENDIAN);
        b.put("HEADER!!".getBytes(StandardCharsets.US_ASCII));
        for (int i = 0; i < 64; i++) {
            b.putShort((short) (i * 37 - 1000));
        }
        return b.array();
    }
}
