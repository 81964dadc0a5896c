package org.mepsc.io;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.mepsc.io.ReaderFuzzing.Family;
import org.mepsc.io.abf.AbfFuzzTest;
import org.mepsc.io.axg.AxgFuzzTest;
import org.mepsc.io.heka.HekaFuzzTest;
import org.mepsc.io.nwb.NwbFuzzTest;
import org.mepsc.io.raw.RawFuzzTest;
import org.mepsc.io.text.AtfFuzzTest;
import org.mepsc.io.text.CsvFuzzTest;
import org.mepsc.io.wcp.WcpFuzzTest;

/**
 * Every reader family's structural fuzz target behind one: the fuzzer picks the family, then the
 * seed and the damage. {@code mvn verify} fuzzes this one target for a short, fixed time (Jazzer
 * fuzzes one target per JVM, and starting its agent takes seconds, so one target covers all
 * readers best in CI's minute); the per-format targets are for longer runs.
 */
public class AllReadersFuzzTest {

    /** Every reader family under fuzzing. */
    static final List<Family> FAMILIES = List.of(AbfFuzzTest.FAMILY, HekaFuzzTest.FAMILY,
            WcpFuzzTest.FAMILY, AxgFuzzTest.FAMILY, NwbFuzzTest.FAMILY, CsvFuzzTest.FAMILY, AtfFuzzTest.FAMILY,
            RawFuzzTest.FAMILY);

    @TempDir
    Path dir;

    @BeforeAll
    static void warmUp(@TempDir Path tmp) throws IOException {
        for (Family f : FAMILIES) {
            f.warmUp(tmp);
        }
    }

    @FuzzTest(maxDuration = "30s")
    void mutatedSeed(FuzzedDataProvider data) throws IOException {
        data.pickValue(FAMILIES).mutatedSeed(data, dir);
    }
}
