package org.mepsc.io.wcp;

import java.util.List;
import org.mepsc.io.ReaderFuzzTests;
import org.mepsc.io.ReaderFuzzing.Family;
import org.mepsc.io.ReaderFuzzing.Seed;

/** Fuzz tests of the WinWCP reader (the two targets: {@link ReaderFuzzTests}). */
public class WcpFuzzTest extends ReaderFuzzTests {

    public static final Family FAMILY = Family.of(new WcpReader(), "wcp", List.of(
            new Seed("two channels, three records", "wcp", twoChannels())), "wcp");

    @Override
    protected Family family() {
        return FAMILY;
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
