package org.mepsc.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.mepsc.detect.Template;
import org.mepsc.events.Polarity;
import org.mepsc.pipeline.DetectionParameters;
import org.mepsc.pipeline.Exclusion;
import org.mepsc.pipeline.LowPassKind;
import org.mepsc.pipeline.Method;
import picocli.CommandLine.Option;

/**
 * The detection options, shared by every command that detects events (a picocli mixin): what is
 * not given is {@link DetectionParameters#defaults()}, chosen automatically where it is null.
 */
final class DetectionOptions {

    private static final DetectionParameters D = DetectionParameters.defaults();

    @Option(names = "--method", paramLabel = "M",
            description = "Detection statistic: deconvolution, template (Clements-Bekkers) or correlation (default: deconvolution).")
    Method method;

    @Option(names = "--threshold", paramLabel = "K",
            description = "Least threshold in noise SDs of the detection statistic (default: 3; the false-discovery guard, "
                    + "--fdr, may raise it). mepsc sweep takes a range FROM:TO:STEP here.")
    String threshold;

    @Option(names = "--fdr", paramLabel = "Q",
            description = "Raise the threshold until at most this share of detections is estimated to be noise; 0 keeps K "
                    + "(default: 0.02).")
    Double fdr;

    @Option(names = "--template", paramLabel = "auto",
            description = "auto (default): fit the template to the data. Or give --rise-ms and --decay-ms.")
    String template = "auto";

    @Option(names = "--rise-ms", paramLabel = "R", description = "Template rise time constant, ms (with --decay-ms).")
    Double riseMs;

    @Option(names = "--decay-ms", paramLabel = "D", description = "Template decay time constant, ms (with --rise-ms).")
    Double decayMs;

    @Option(names = "--polarity", paramLabel = "P",
            description = "Event direction: ${COMPLETION-CANDIDATES} (default: negative, inward currents).")
    Polarity polarity;

    @Option(names = "--lowpass-hz", paramLabel = "F",
            description = "Low-pass before detection and measurement, -3 dB in Hz; 0 for none (default: 2000).")
    Double lowpassHz;

    @Option(names = "--lowpass-shape", paramLabel = "S",
            description = "${COMPLETION-CANDIDATES} (default: gaussian, no overshoot, no delay; bessel: 4-pole, as amplifiers).")
    LowPassKind lowpassShape;

    @Option(names = "--highpass-hz", paramLabel = "F",
            description = "High-pass to remove slow drift, -3 dB in Hz; 0 for none (default: 0).")
    Double highpassHz;

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
            description = "Least distance between two events (default: from the template).")
    Double refractoryMs;

    @Option(names = "--amplitude-floor", paramLabel = "A",
            description = "Reject events smaller than this, in pA (default: from the noise).")
    Double amplitudeFloor;

    /**
     * @throws UsageError or IllegalArgumentException (exit code 2) naming the option to change
     */
    DetectionParameters parameters() {
        return parameters(true);
    }

    /** The text given to --threshold, if any (a sweep reads a range from it). */
    String thresholdText() {
        return threshold;
    }

    /**
     * @param withThreshold false to leave the threshold automatic whatever --threshold says (a sweep varies it)
     */
    DetectionParameters parameters(boolean withThreshold) {
        if (!template.strip().equalsIgnoreCase("auto")) {
            throw new UsageError("--template takes only 'auto'; give a fixed template with --rise-ms and --decay-ms");
        }
        if ((riseMs == null) != (decayMs == null)) {
            throw new UsageError("give both --rise-ms and --decay-ms, or neither (for an automatic template)");
        }
        List<Exclusion> exclusions = new ArrayList<>();
        for (String e : exclude) {
            exclusions.add(Exclusion.parse(e));
        }
        return new DetectionParameters(
                method == null ? D.method() : method,
                threshold == null || !withThreshold ? D.threshold() : number("--threshold", threshold),
                fdr == null ? D.falseDiscovery() : fdr,
                riseMs == null ? D.template() : new Template(riseMs, decayMs),
                polarity == null ? D.polarity() : polarity,
                lowpassShape == null ? D.lowPassKind() : lowpassShape,
                lowpassHz == null ? D.lowPassHz() : lowpassHz,
                highpassHz == null ? D.highPassHz() : highpassHz,
                notch(),
                exclusions,
                !noAutoExclude,
                refractoryMs == null ? D.refractoryMs() : refractoryMs,
                amplitudeFloor == null ? D.amplitudeFloor() : amplitudeFloor);
    }

    private static Double number(String option, String text) {
        try {
            return Double.parseDouble(text.strip());
        } catch (NumberFormatException e) {
            throw new UsageError(option + " takes a number (got '" + text + "')"
                    + (text.contains(":") ? "; ranges FROM:TO:STEP are for mepsc sweep" : ""));
        }
    }

    private Double notch() {
        String n = notch.strip().toLowerCase(Locale.ROOT);
        return switch (n) {
            case "auto" -> null;
            case "off", "none", "0" -> 0.0;
            case "50", "60" -> Double.parseDouble(n);
            default -> throw new UsageError("--notch-hz must be 50, 60, off or auto (got '" + notch + "')");
        };
    }
}
