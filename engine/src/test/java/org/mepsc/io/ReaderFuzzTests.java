package org.mepsc.io;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import java.io.IOException;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.mepsc.io.ReaderFuzzing.Family;

/**
 * The two fuzz targets of a reader family: {@code mutatedSeed} damages real recordings and
 * written files structurally (the fuzzer chooses the seed and the damage), {@code freeForm} hands
 * the reader any bytes, starting from the written files. Without {@code JAZZER_FUZZ} they run
 * once on their seeds as ordinary tests; the README's "Robustness" section says how to fuzz one
 * for longer. A subclass names its family.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
public abstract class ReaderFuzzTests {

    @TempDir
    Path dir;

    /** The reader under test, its seeds and how to open what it opens. */
    protected abstract Family family();

    @BeforeAll
    void warmUp(@TempDir Path scratch) throws IOException {
        family().warmUp(scratch);
    }

    @FuzzTest(maxDuration = "30s")
    void mutatedSeed(FuzzedDataProvider data) throws IOException {
        family().mutatedSeed(data, dir);
    }

    Stream<Arguments> written() {
        return family().writtenArguments();
    }

    @MethodSource("written")
    @FuzzTest(maxDuration = "30s")
    void freeForm(byte[] file) throws IOException {
        family().freeForm(file, dir);
    }
}
