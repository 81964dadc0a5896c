package org.mepsc.io.wcp;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.mepsc.io.ReaderFuzzing.Family;
import org.mepsc.io.ReaderFuzzing.Seed;

/** Fuzz tests of the WinWCP reader (see {@link org.mepsc.io.abf.AbfFuzzTest} for the two targets). */
public class WcpFuzzTest {

    public static final Family FAMILY = Family.of(new WcpReader(), "wcp", List.of(
            new Seed("two channels, three records", "wcp", twoChannels())), "wcp");

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

    private static byte[] twoChannels() {
        short[][] adc = {{1, -2, 3, -4, 5}, {100, 200, 300, 400, 500}};
        return new WcpFileBuilder()
                .channel("Im", "pA", 0.5, 1)
                .channel("Vm", "mV", 10, 0)
                .np(5)
                .record("ACCEPTED", 0, 0.001f, new float[] {10, 10}, "first", adc)
                .record("REJECTED", 1.5f, 0.001f, new float[] {5, 2.5f}, "", adc)
                .record("ACCEPTED", 3f, 0.001f, new float[] {5, 2.5f}, "third", adc)
                .build();
    }
}
