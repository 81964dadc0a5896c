package org.mepsc.io.nwb;

import java.util.List;
import org.mepsc.io.FuzzSeeds;
import org.mepsc.io.ReaderFuzzTests;
import org.mepsc.io.ReaderFuzzing.Family;

/** Fuzz tests of the NWB reader (the two targets: {@link ReaderFuzzTests}), from real files and mepsc's own NWB. */
public class NwbFuzzTest extends ReaderFuzzTests {

    public static final Family FAMILY = Family.of(new NwbReader(), "nwb", List.of(
            FuzzSeeds.written("written, one sweep", "nwb", FuzzSeeds.small(1, 1, 400)),
            FuzzSeeds.written("written, three sweeps", "nwb", FuzzSeeds.small(2, 3, 150))), "nwb");

    @Override
    protected Family family() {
        return FAMILY;
    }
}
