package org.mepsc.io.text;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.mepsc.io.FuzzSeeds;
import org.mepsc.io.ReaderFuzzTests;
import org.mepsc.io.ReaderFuzzing.Family;
import org.mepsc.io.ReaderFuzzing.Seed;

/**
 * Fuzz tests of the CSV / TSV reader (the two targets: {@link ReaderFuzzTests}): mepsc's CSV
 * export with one sweep and with several, the same as TSV and with semicolons and comments.
 */
public class CsvFuzzTest extends ReaderFuzzTests {

    private static final Seed ONE_SWEEP = FuzzSeeds.written("written CSV, one sweep", "csv", FuzzSeeds.small(1, 1, 300));
    private static final Seed SWEEPS = FuzzSeeds.written("written CSV, three sweeps", "csv", FuzzSeeds.small(2, 3, 100));

    public static final Family FAMILY = Family.of(new CsvReader(), "csv", List.of(ONE_SWEEP, SWEEPS,
            new Seed("TSV", "tsv", replace(SWEEPS.bytes(), ",", "\t")),
            new Seed("semicolons and comments", "csv", ("# from a spreadsheet\n"
                    + new String(ONE_SWEEP.bytes(), StandardCharsets.UTF_8).replace(",", ";"))
                    .getBytes(StandardCharsets.UTF_8))));

    @Override
    protected Family family() {
        return FAMILY;
    }

    private static byte[] replace(byte[] text, String from, String to) {
        return new String(text, StandardCharsets.UTF_8).replace(from, to).getBytes(StandardCharsets.UTF_8);
    }
}
