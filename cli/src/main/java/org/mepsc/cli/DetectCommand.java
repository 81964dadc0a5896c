package org.mepsc.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.mepsc.events.EventCsvWriter;
import org.mepsc.events.EventSink;
import org.mepsc.json.Json;
import org.mepsc.output.AtomicOutput;
import org.mepsc.pipeline.DetectionParameters;
import org.mepsc.pipeline.DetectionRun;
import org.mepsc.pipeline.Execution;
import org.mepsc.recording.Channel;
import org.mepsc.recording.Recording;
import org.mepsc.summary.RecordingSummary;
import org.mepsc.summary.SummaryAccumulator;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

@Command(name = "detect", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Detect miniature synaptic events in one channel of a recording and measure each one.",
            "With only a file, mepsc fits the event template to the data, finds hum and artefacts itself and "
                + "prints a summary; --out writes one CSV row per event, --summary the summary as JSON."})
final class DetectCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "FILE", description = "The recording (any format mepsc reads).")
    Path file;

    @Mixin
    ChannelSelection selection;

    @Mixin
    DetectionOptions detection;

    @Option(names = {"-o", "--out"}, paramLabel = "EVENTS.csv", description = "Write the events here, one row each.")
    Path out;

    @Option(names = "--keep-rejected",
            description = "Also write rejected candidates to --out, with 'accepted' and 'reason' columns.")
    boolean keepRejected;

    @Option(names = "--summary", paramLabel = "SUMMARY.json", description = "Write the per-recording summary here as JSON.")
    Path summary;

    @Option(names = "--threads", paramLabel = "N", description = "Worker threads (default: all cores).")
    Integer threads;

    @Mixin
    InputOptions input;

    @Override
    public Integer call() throws Exception {
        if (keepRejected && out == null) {
            throw new UsageError("--keep-rejected needs --out");
        }
        DetectionParameters p = detection.parameters();
        try (Recording r = input.open(file)) {
            Channel ch = selection.channel(r);
            List<Integer> chosen = selection.sweeps();
            String unit = ch.isVoltage() ? "mV" : "pA";
            SummaryAccumulator acc = new SummaryAccumulator();
            Execution ex = threads == null ? Execution.defaults() : new Execution(threads, Execution.defaults().chunkSamples());
            DetectionRun.Result result;
            if (out != null) {
                try (AtomicOutput o = AtomicOutput.create(out, List.of(file))) {
                    EventSink csv = new EventCsvWriter(o.writer(), file.toString(), ch.index(), unit, keepRejected);
                    result = DetectionRun.run(r, ch.index(), chosen, p, ex, EventSink.both(csv, acc));
                    o.commit();
                }
            } else {
                result = DetectionRun.run(r, ch.index(), chosen, p, ex, acc);
            }
            RecordingSummary s = new RecordingSummary(file.toString(), ch, result.sweeps(), p, result, acc);
            if (summary != null) {
                AtomicOutput.writeText(summary, List.of(file), w -> w.write(Json.pretty(s.toJson())));
            }
            if (out == null) {
                PrintWriter w = spec.commandLine().getOut();
                w.print(s.toText());
                w.flush();
            }
        }
        return ExitCode.OK;
    }
}
