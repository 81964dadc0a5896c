package org.mepsc.io.axg;

import java.util.List;
import org.mepsc.io.ReaderFuzzTests;
import org.mepsc.io.ReaderFuzzing.Family;
import org.mepsc.io.ReaderFuzzing.Seed;

/** Fuzz tests of the AxoGraph reader (the two targets: {@link ReaderFuzzTests}). */
public class AxgFuzzTest extends ReaderFuzzTests {

    public static final Family FAMILY = Family.of(new AxgReader(), "axgx", List.of(
            new Seed("AxoGraph X, every column type", "axgx", everyColumnType()),
            new Seed("Graph format", "axg", AxgFileBuilder.graph(1, 2)
                    .floatColumn("Time (s)", new float[] {0, 0.5f, 1, 1.5f})
                    .floatColumn("Current (nA)", new float[] {1, 2, 3, 4})
                    .bytes()),
            new Seed("Digitized format", "axg", AxgFileBuilder.graph(2, 3)
                    .digitizedTime("Time (s)", 3, 0, 0.0002f)
                    .digitizedColumn("Current (pA)", 0.25f, new short[] {4, -8, 12})
                    .digitizedColumn("Voltage (mV)", 2f, new short[] {1, 2, 3})
                    .bytes())),
            "axgx", "axgd", "axg");

    @Override
    protected Family family() {
        return FAMILY;
    }

    private static byte[] everyColumnType() {
        double[] v = {0, 1, -2, 300, -32768, 32767};
        return AxgFileBuilder.x(6, 8)
                .seriesColumn("Time (s)", 6, 0.001, 0.0001)
                .arrayColumn("Current (pA)", 4, v)
                .arrayColumn("Count", 5, v)
                .arrayColumn("Voltage (mV)", 6, v)
                .arrayColumn("Command (V)", 7, v)
                .scaledColumn("Current (A)", 1e-12, 2e-12, new short[] {1, 2, 3, 4, 5, 6})
                .arrayColumn("Short (pA)", 4, new double[] {1, 2})
                .seriesColumn("Other series", 6, 0, 1)
                .notes("a comment", "--- Acquisition Settings ---\nProtocol :  minis\nline two\n")
                .bytes();
    }
}
