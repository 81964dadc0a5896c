package org.mepsc.io.text;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.mepsc.io.ReaderFuzzTests;
import org.mepsc.io.ReaderFuzzing.Family;
import org.mepsc.io.ReaderFuzzing.Seed;

/** Fuzz tests of the Axon Text File reader (the two targets: {@link ReaderFuzzTests}), from ATF written here. */
public class AtfFuzzTest extends ReaderFuzzTests {

    public static final Family FAMILY = Family.of(new AtfReader(), "atf", List.of(
            new Seed("episodic, tabs", "atf", AtfReaderTest.episodic(3, 40, '\t').getBytes(StandardCharsets.UTF_8)),
            new Seed("gap-free, commas", "atf", ("ATF,1.0\n1,3\n\"AcquisitionMode=Gap Free\"\n"
                    + "\"Time (ms)\",\"IN 0 (nA)\",\"Vm (mV)\"\n0,0.5,-65\n0.1,0.25,-65\n0.2,-0.5,-64.5\n0.3,1,-65\n")
                    .getBytes(StandardCharsets.UTF_8))), "atf");

    @Override
    protected Family family() {
        return FAMILY;
    }
}
