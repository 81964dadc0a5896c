package org.mepsc.io.text;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import org.mepsc.io.ReaderFuzzTests;
import org.mepsc.io.ReaderFuzzing.Family;
import org.mepsc.io.ReaderFuzzing.Seed;

/** Fuzz tests of the Axon Text File reader (the two targets: {@link ReaderFuzzTests}), from ATF written here. */
public class AtfFuzzTest extends ReaderFuzzTests {

    public static final Family FAMILY = Family.of(new AtfReader(), "atf", List.of(
            new Seed("episodic, tabs", "atf", episodic(3, 40, '\t')),
            new Seed("gap-free, commas", "atf", ("ATF,1.0\n1,3\n\"AcquisitionMode=Gap Free\"\n"
                    + "\"Time (ms)\",\"IN 0 (nA)\",\"Vm (mV)\"\n0,0.5,-65\n0.1,0.25,-65\n0.2,-0.5,-64.5\n0.3,1,-65\n")
                    .getBytes(StandardCharsets.UTF_8))), "atf");

    @Override
    protected Family family() {
        return FAMILY;
    }

    /** An episodic two-signal ATF as Clampfit writes it: traces × {IN 0 (pA), IN 1 (mV)}, 20 kHz. */
    private static byte[] episodic(int sweeps, int rows, char sep) {
        StringBuilder sb = new StringBuilder("ATF" + sep + "1.0\n8" + sep + (1 + 2 * sweeps) + "\n");
        sb.append("\"AcquisitionMode=Episodic Stimulation\"\n\"Comment=cell 3\"\n\"YTop=4000,10\"\n\"YBottom=-4000,-10\"\n");
        sb.append("\"SyncTimeUnits=6.25\"\n\"SweepStartTimesMS=");
        for (int s = 0; s < sweeps; s++) {
            sb.append(s == 0 ? "" : ",").append(String.format(Locale.ROOT, "%.3f", 1000.0 * s));
        }
        sb.append("\"\n\"SignalsExported=IN 0,IN 1\"\n\"Signals=\"");
        for (int s = 0; s < sweeps; s++) {
            sb.append(sep).append("\"IN 0\"").append(sep).append("\"IN 1\"");
        }
        sb.append("\n\"Time (s)\"");
        for (int s = 1; s <= sweeps; s++) {
            sb.append(sep).append("\"Trace #").append(s).append(" (pA)\"").append(sep).append("\"Trace #").append(s)
                    .append(" (mV)\"");
        }
        sb.append('\n');
        for (int i = 0; i < rows; i++) {
            sb.append(i * 5e-5);
            for (int c = 0; c < 2 * sweeps; c++) {
                sb.append(sep).append(i * 0.25 + c);
            }
            sb.append('\n');
        }
        return sb.toString().getBytes(StandardCharsets.UTF_8);
    }
}
