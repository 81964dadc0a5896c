package org.mepsc.cli;

import java.io.IOException;
import java.nio.file.Path;
import org.mepsc.io.OpenOptions;
import org.mepsc.io.RawLayout;
import org.mepsc.io.RecordingReaders;
import org.mepsc.recording.Recording;
import org.mepsc.recording.UnitOverride;
import picocli.CommandLine.Option;

/** Options that say how to open an input file; shared by every command that reads recordings. */
final class InputOptions {

    @Option(names = "--series", paramLabel = "G.S",
            description = "Group and series of a HEKA PatchMaster file to read (e.g. 1.2, numbered from 1).")
    String series;

    @Option(names = "--raw-rate-hz", paramLabel = "HZ",
            description = "Sample rate of a headerless raw file (needed when it has no .json sidecar).")
    Double rawRateHz;

    @Option(names = "--raw-type", paramLabel = "TYPE", defaultValue = "FLOAT32",
            description = "Sample type of a raw file: ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}).")
    RawLayout.SampleType rawType;

    @Option(names = "--raw-unit", paramLabel = "UNIT", defaultValue = "pA",
            description = "Unit of a raw file's scaled samples (default: ${DEFAULT-VALUE}).")
    String rawUnit;

    @Option(names = "--raw-scale", paramLabel = "X", defaultValue = "1",
            description = "Raw value × scale + offset = physical value (default: ${DEFAULT-VALUE}).")
    double rawScale;

    @Option(names = "--raw-offset", paramLabel = "X", defaultValue = "0",
            description = "See --raw-scale (default: ${DEFAULT-VALUE}).")
    double rawOffset;

    @Option(names = "--raw-channels", paramLabel = "N", defaultValue = "1",
            description = "Interleaved channels in a raw file (default: ${DEFAULT-VALUE}).")
    int rawChannels;

    @Option(names = "--raw-header-bytes", paramLabel = "N", defaultValue = "0",
            description = "Bytes to skip at the start of a raw file (default: ${DEFAULT-VALUE}).")
    long rawHeaderBytes;

    @Option(names = "--assume-unit", paramLabel = "UNIT",
            description = "Read every channel as if the file declared this unit (pA, nA, mA, A, mV, V): for files "
                    + "that state the wrong one.")
    String assumeUnit;

    @Option(names = "--debug", description = "Show stack traces of errors.")
    boolean debug;

    OpenOptions openOptions() {
        OpenOptions o = OpenOptions.DEFAULT.withSeries(series);
        if (rawRateHz != null) {
            o = o.withRaw(new RawLayout(rawType, rawRateHz, rawUnit, rawScale, rawOffset, rawChannels, rawHeaderBytes));
        }
        return o;
    }

    /** For commands that open many files, where one unit for all would be a trap. */
    void refuseAssumedUnit(String command) {
        if (assumeUnit != null) {
            throw new UsageError("--assume-unit applies to one file at a time (detect, info, export, sweep), not to " + command);
        }
    }

    Recording open(Path file) throws IOException {
        Recording r = RecordingReaders.standard().open(file, openOptions());
        if (assumeUnit == null) {
            return r;
        }
        try {
            return UnitOverride.of(r, assumeUnit);
        } catch (IllegalArgumentException e) {
            r.close();
            throw new UsageError("--assume-unit: " + e.getMessage());
        }
    }
}
