package org.mepsc.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.mepsc.json.Json;
import org.mepsc.recording.Recording;
import org.mepsc.recording.RecordingDescription;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

@Command(name = "info", mixinStandardHelpOptions = true,
        description = "Describe a recording: format, mode, channels, sweeps, sample rate, duration, protocol, tags.")
final class InfoCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "FILE", description = "A recording (ABF, NWB, CSV/TSV, raw, HEKA, WinWCP, AxoGraph, ATF).")
    Path file;

    @Option(names = "--json", description = "Print JSON for scripts instead of text.")
    boolean json;

    @Mixin
    InputOptions input;

    @Override
    public Integer call() throws Exception {
        try (Recording r = input.open(file)) {
            RecordingDescription d = new RecordingDescription(r);
            spec.commandLine().getOut().print(json ? Json.pretty(d.toJson()) : d.toText());
            spec.commandLine().getOut().flush();
        }
        return ExitCode.OK;
    }
}
