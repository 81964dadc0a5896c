package org.mepsc.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.mepsc.detect.Template;
import org.mepsc.events.EventCsvWriter;
import org.mepsc.events.EventSink;
import org.mepsc.events.Polarity;
import org.mepsc.json.Json;
import org.mepsc.output.AtomicOutput;
import org.mepsc.pipeline.DetectionParameters;
import org.mepsc.pipeline.DetectionRun;
import org.mepsc.pipeline.Exclusion;
import org.mepsc.pipeline.Execution;
import org.mepsc.pipeline.LowPassKind;
import org.mepsc.pipeline.Method;
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

    @Option(names = {"-c", "--channel"}, paramLabel = "C",
            description = "Channel index (from 0) or name (default: the first current channel).")
    String channel;

    @Option(names = "--sweeps", paramLabel = "LIST",
            description = "Sweeps to analyse, e.g. 0-3,7 (default: all).")
    String sweeps;

    @Option(names = "--method", paramLabel = "M",
            description = "Detection statistic: deconvolution, template (Clements-Bekkers) or correlation (default: deconvolution).")
    String method = "deconvolution";

    @Option(names = "--threshold", paramLabel = "K",
            description = "Least threshold in noise SDs of the detection statistic (default: 3; template and correlation: 5).")
    Double threshold;

    @Option(names = "--fdr", paramLabel = "Q",
            description = "Raise the threshold until at most this share of detections is estimated to be noise; 0 keeps K (default: ${DEFAULT-VALUE}).")
    double fdr = DetectionParameters.DEFAULT_FALSE_DISCOVERY;

    @Option(names = "--template", paramLabel = "auto",
            description = "auto (default): fit the template to the data. Or give --rise-ms and --decay-ms.")
    String template = "auto";

    @Option(names = "--rise-ms", paramLabel = "R", description = "Template rise time constant, ms.")
    Double riseMs;

    @Option(names = "--decay-ms", paramLabel = "D", description = "Template decay time constant, ms.")
    Double decayMs;

    @Option(names = "--polarity", paramLabel = "P",
            description = "negative (inward currents, default) or positive.")
    String polarity = "negative";

    @Option(names = "--lowpass-hz", paramLabel = "F",
            description = "Low-pass before detection and measurement, -3 dB in Hz; 0 for none (default: ${DEFAULT-VALUE}).")
    double lowpassHz = DetectionParameters.DEFAULT_LOW_PASS_HZ;

    @Option(names = "--lowpass-shape", paramLabel = "S",
            description = "gaussian (default: no overshoot, no delay) or bessel (4-pole, as amplifiers).")
    String lowpassShape = "gaussian";

    @Option(names = "--highpass-hz", paramLabel = "F",
            description = "High-pass to remove slow drift, -3 dB in Hz; 0 for none (default: ${DEFAULT-VALUE}).")
    double highpassHz;

    @Option(names = "--notch-hz", paramLabel = "HZ",
            description = "Remove mains hum and its harmonics: 50, 60, off, or auto (default: notch the hum the spectrum shows).")
    String notch = "auto";

    @Option(names = "--exclude", paramLabel = "[S:]T0-T1",
            description = "Leave out T0-T1 s from the start of every sweep (or of sweep S); T1 may be 'end'. Repeatable.")
    List<String> exclude = new ArrayList<>();

    @Option(names = "--no-auto-exclude",
            description = "Do not leave out steps, saturated stretches and large electrical spikes found in the trace.")
    boolean noAutoExclude;

    @Option(names = "--refractory-ms", paramLabel = "MS",
            description = "Least distance between two events (default: the template's time to peak).")
    Double refractoryMs;

    @Option(names = "--amplitude-floor", paramLabel = "A",
            description = "Reject events smaller than this, in pA (mV) (default: 1.5 noise SDs).")
    Double amplitudeFloor;

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
        DetectionParameters p = parameters();
        try (Recording r = input.open(file)) {
            Channel ch = channel == null ? defaultChannel(r) : r.findChannel(channel);
            List<Integer> chosen = SweepList.parse(sweeps, r.sweeps().size());
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
            RecordingSummary s = new RecordingSummary(file.toString(), ch, chosen.isEmpty() ? allSweeps(r) : chosen, p, result, acc);
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

    private DetectionParameters parameters() {
        DetectionParameters p = DetectionParameters.defaults()
                .withMethod(enumValue(Method.class, "--method", method))
                .withThreshold(threshold)
                .withFalseDiscovery(fdr)
                .withPolarity(enumValue(Polarity.class, "--polarity", polarity))
                .withLowPass(enumValue(LowPassKind.class, "--lowpass-shape", lowpassShape), lowpassHz)
                .withHighPassHz(highpassHz)
                .withRefractoryMs(refractoryMs)
                .withAmplitudeFloor(amplitudeFloor);
        List<Exclusion> ex = new ArrayList<>();
        for (String e : exclude) {
            ex.add(Exclusion.parse(e));
        }
        p = p.withExclusions(ex, !noAutoExclude);
        String n = notch.trim().toLowerCase(Locale.ROOT);
        switch (n) {
            case "auto" -> p = p.withNotchHz(null);
            case "off", "none", "0" -> p = p.withNotchHz(0.0);
            case "50", "60" -> p = p.withNotchHz(Double.parseDouble(n));
            default -> throw new UsageError("--notch-hz must be 50, 60, off or auto (got '" + notch + "')");
        }
        boolean auto = template.trim().equalsIgnoreCase("auto");
        if (!auto) {
            throw new UsageError("--template takes only 'auto'; give a fixed template with --rise-ms and --decay-ms");
        }
        if ((riseMs == null) != (decayMs == null)) {
            throw new UsageError("give both --rise-ms and --decay-ms, or neither (for an automatic template)");
        }
        if (riseMs != null) {
            p = p.withTemplate(new Template(riseMs, decayMs));
        }
        return p;
    }

    private static Channel defaultChannel(Recording r) {
        for (Channel c : r.channels()) {
            if (c.isCurrent()) {
                return c;
            }
        }
        return r.channel(0);
    }

    private static List<Integer> allSweeps(Recording r) {
        List<Integer> all = new ArrayList<>();
        for (int i = 0; i < r.sweeps().size(); i++) {
            all.add(i);
        }
        return all;
    }

    private static <E extends Enum<E>> E enumValue(Class<E> type, String option, String value) {
        try {
            return Enum.valueOf(type, value.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            StringBuilder names = new StringBuilder();
            for (E c : type.getEnumConstants()) {
                names.append(names.length() == 0 ? "" : ", ").append(c.name().toLowerCase(Locale.ROOT));
            }
            throw new UsageError(option + " must be one of " + names + " (got '" + value + "')");
        }
    }
}
