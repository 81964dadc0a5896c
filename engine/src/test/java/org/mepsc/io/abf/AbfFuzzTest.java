package org.mepsc.io.abf;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.mepsc.io.ReaderFuzzing;
import org.mepsc.io.ReaderFuzzing.Family;
import org.mepsc.io.ReaderFuzzing.Seed;
import org.mepsc.recording.Recording;

/**
 * Fuzz tests of the ABF reader: real recordings and files mepsc writes, damaged structurally
 * ({@code mutatedSeed}), and free-form bytes ({@code freeForm}). Without {@code JAZZER_FUZZ} they
 * run once on their seeds as ordinary tests; the README's "Robustness" section says how to fuzz.
 */
public class AbfFuzzTest {

    /** Real ABF files; mepsc's own gap-free and episodic output, one and three channels. */
    public static final Family FAMILY = Family.of(new AbfReader(), "abf", ReaderFuzzing.written(dir -> List.of(
            seed("written gap-free", AbfFixtures.synthetic(1, 1, 1, 700, 10_000), dir),
            seed("written episodic", AbfFixtures.synthetic(2, 3, 3, 200, 20_000), dir))), "abf");

    @TempDir
    Path dir;

    @BeforeAll
    static void warmUp(@TempDir Path tmp) throws IOException {
        FAMILY.warmUp(tmp);
    }

    @FuzzTest(maxDuration = "30s")
    void mutatedSeed(FuzzedDataProvider data) throws IOException {
        FAMILY.mutatedSeed(data, dir);
    }

    static Stream<Arguments> written() {
        return FAMILY.writtenArguments();
    }

    @MethodSource("written")
    @FuzzTest(maxDuration = "30s")
    void freeForm(byte[] file) throws IOException {
        FAMILY.freeForm(file, dir);
    }

    private static Seed seed(String name, Recording r, Path dir) throws IOException {
        Path f = AbfFixtures.writeAbf(r, dir.resolve(name.replace(' ', '-') + ".abf"));
        return new Seed(name, "abf", Files.readAllBytes(f));
    }
}
