package org.mepsc.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.mepsc.io.RecordingWriter;
import org.mepsc.io.RecordingWriters;
import org.mepsc.io.text.CsvExport;
import org.mepsc.output.AtomicOutput;
import org.mepsc.recording.Channel;
import org.mepsc.recording.Recording;
import org.mepsc.recording.Sweep;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

@Command(name = "export", mixinStandardHelpOptions = true,
        description = "Write channels of a recording as CSV (time_s,<name>_<unit>, in pA / mV) or in another format.")
final class ExportCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "FILE", description = "The recording to export.")
    Path file;

    @Option(names = {"-c", "--channel"}, paramLabel = "C",
            description = "Channel index (from 0) or name; repeat for several (default: all).")
    List<String> channels = new ArrayList<>();

    @Option(names = {"-s", "--sweep"}, paramLabel = "S",
            description = "Sweep index, from 0; repeat for several (default: all, with a sweep column when more than one).")
    List<Integer> sweeps = new ArrayList<>();

    @Option(names = "--start-s", paramLabel = "T", defaultValue = "0",
            description = "Start, in seconds from the start of each sweep (default: ${DEFAULT-VALUE}).")
    double startS;

    @Option(names = "--duration-s", paramLabel = "D",
            description = "Seconds to export from the start (default: to the end of each sweep).")
    Double durationS;

    @Option(names = {"-o", "--out"}, paramLabel = "F.csv|-", defaultValue = "-",
            description = "Output file, or - for standard output (default).")
    String out;

    @Option(names = {"-f", "--format"}, paramLabel = "FMT",
            description = "Output format (default: from the --out extension, else csv).")
    String format;

    @Mixin
    InputOptions input;

    @Override
    public Integer call() throws Exception {
        if (startS < 0) {
            throw new UsageError("--start-s must not be negative (got " + startS + ")");
        }
        if (durationS != null && !(durationS > 0)) {
            throw new UsageError("--duration-s must be positive (got " + durationS + ")");
        }
        try (Recording r = input.open(file)) {
            RecordingWriter writer = writer();
            boolean csv = writer.formatName().equals("csv");
            if (!csv && (startS != 0 || durationS != null)) {
                throw new UsageError("--start-s and --duration-s apply to CSV output only; "
                        + writer.formatName() + " export writes whole sweeps");
            }
            if (!csv && out.equals("-")) {
                throw new UsageError(writer.formatName() + " output needs a file: give --out F." + writer.extension());
            }
            if (csv) {
                CsvExport export = new CsvExport(r, chosenChannels(r), chosenSweeps(r));
                double duration = durationS == null ? -1 : durationS;
                if (out.equals("-")) {
                    PrintWriter w = spec.commandLine().getOut();
                    export.write(w, startS, duration);
                    w.flush();
                } else {
                    AtomicOutput.writeText(Path.of(out), List.of(file), w -> export.write(w, startS, duration));
                }
            } else {
                writer.write(r, chosenChannels(r), chosenSweeps(r), Path.of(out), List.of(file));
            }
        }
        return ExitCode.OK;
    }

    private RecordingWriter writer() {
        RecordingWriters writers = RecordingWriters.standard();
        if (format != null) {
            return writers.byName(format);
        }
        return out.equals("-") ? writers.byName("csv") : writers.byExtension(Path.of(out)).orElse(writers.byName("csv"));
    }

    private List<Channel> chosenChannels(Recording r) {
        if (channels.isEmpty()) {
            return r.channels();
        }
        List<Channel> chosen = new ArrayList<>();
        for (String c : channels) {
            chosen.add(r.findChannel(c));
        }
        return chosen;
    }

    private List<Sweep> chosenSweeps(Recording r) {
        if (sweeps.isEmpty()) {
            return r.sweeps();
        }
        List<Sweep> chosen = new ArrayList<>();
        for (int s : sweeps) {
            if (s < 0 || s >= r.sweeps().size()) {
                throw new UsageError("no sweep " + s + " in " + file + " (sweeps are 0.." + (r.sweeps().size() - 1) + ")");
            }
            chosen.add(r.sweep(s));
        }
        return chosen;
    }
}
