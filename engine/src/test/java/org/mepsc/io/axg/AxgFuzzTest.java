package org.mepsc.io.axg;

import java.util.List;
import org.mepsc.io.ReaderFuzzTests;
import org.mepsc.io.ReaderFuzzing.Family;
import org.mepsc.io.ReaderFuzzing.Seed;

/** Fuzz tests of the AxoGraph reader (the two targets: {@link ReaderFuzzTests}). */
public class AxgFuzzTest extends ReaderFuzzTests {

    public static final Family FAMILY = Family.of(new AxgReader(), "axgx", List.of(
            new Seed("AxoGraph X, every column type", "axgx", AxgReaderTest.everyColumnType()),
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
}
