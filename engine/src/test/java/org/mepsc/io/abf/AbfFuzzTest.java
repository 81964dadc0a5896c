package org.mepsc.io.abf;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.mepsc.io.ReaderFuzzTests;
import org.mepsc.io.ReaderFuzzing.Family;
import org.mepsc.io.ReaderFuzzing.Seed;
import org.mepsc.io.ReaderFuzzing;
import org.mepsc.recording.Recording;

/** Fuzz tests of the ABF reader (the two targets: {@link ReaderFuzzTests}). */
public class AbfFuzzTest extends ReaderFuzzTests {

    /** Real ABF files; mepsc's own gap-free and episodic output, one and three channels. */
    public static final Family FAMILY = Family.of(new AbfReader(), "abf", ReaderFuzzing.written(dir -> List.of(
            seed("written gap-free", AbfFixtures.synthetic(1, 1, 1, 700, 10_000), dir),
            seed("written episodic", AbfFixtures.synthetic(2, 3, 3, 200, 20_000), dir))), "abf");

    @Override
    protected Family family() {
        return FAMILY;
    }

    private static Seed seed(String name, Recording r, Path dir) throws IOException {
        Path f = AbfFixtures.writeAbf(r, dir.resolve(name.replace(' ', '-') + ".abf"));
        return new Seed(name, "abf", Files.readAllBytes(f));
    }
}
