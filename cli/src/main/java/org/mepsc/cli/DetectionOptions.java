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

/** The detection options, shared by every command that detects events (a picocli mixin). */
final class DetectionOptions {

    private static final DetectionParameters D = DetectionParameters.defaults();

    @Option(names = "--method", paramLabel = "M",
            description = "Detection statistic: ${COMPLETION-CANDIDATES} (default: template).")
    Method method;

    @Option(names = "--threshold", paramLabel = "K",
            description = "Threshold in noise SDs of the detection statistic (default: the method's own).")
    Double threshold;

    @Option(names = "--template-rise-ms", paramLabel = "MS",
            description = "Rise time constant of the event template (with --template-decay-ms; default: fitted to the data).")
    Double templateRiseMs;

    @Option(names = "--template-decay-ms", paramLabel = "MS", description = "Decay time constant of the event template.")
    Double templateDecayMs;

    @Option(names = "--polarity", paramLabel = "P",
            description = "Event direction: ${COMPLETION-CANDIDATES} (default: negative, inward currents).")
    Polarity polarity;

    @Option(names = "--lowpass-hz", paramLabel = "HZ",
            description = "Low-pass of the detection trace, 0 for none (default: 2000).")
    Double lowpassHz;

    @Option(names = "--lowpass-kind", paramLabel = "KIND",
            description = "Shape of that low-pass: ${COMPLETION-CANDIDATES} (default: gaussian).")
    LowPassKind lowpassKind;

    @Option(names = "--highpass-hz", paramLabel = "HZ", description = "High-pass against drift, 0 for none (default: 0).")
    Double highpassHz;

    @Option(names = "--notch", paramLabel = "auto|off|50|60",
            description = "Mains notch with harmonics: auto (found in the spectrum), off, 50 or 60 (default: auto).")
    String notch;

    @Option(names = "--exclude", paramLabel = "START-END",
            description = "Leave out a stretch, seconds from each sweep's start (e.g. 0-0.25), or SWEEP:START-END; "
                    + "END may be 'end'. Repeatable.")
    List<String> exclude = new ArrayList<>();

    @Option(names = "--no-artefacts", description = "Do not leave out steps, saturated stretches and gaps found in the trace.")
    boolean noArtefacts;

    @Option(names = "--refractory-ms", paramLabel = "MS",
            description = "Least distance between two events (default: from the template).")
    Double refractoryMs;

    @Option(names = "--amplitude-floor-pA", paramLabel = "PA",
            description = "Smallest amplitude accepted (default: from the noise).")
    Double amplitudeFloorPa;

    /**
     * @throws UsageError or IllegalArgumentException (exit code 2) naming the option to change
     */
    DetectionParameters parameters() {
        if ((templateRiseMs == null) != (templateDecayMs == null)) {
            throw new UsageError("--template-rise-ms and --template-decay-ms go together (e.g. --template-rise-ms 0.5 "
                    + "--template-decay-ms 4)");
        }
        List<Exclusion> exclusions = new ArrayList<>();
        for (String e : exclude) {
            exclusions.add(Exclusion.parse(e));
        }
        return new DetectionParameters(
                method == null ? D.method() : method,
                threshold,
                templateRiseMs == null ? null : new Template(templateRiseMs, templateDecayMs),
                polarity == null ? D.polarity() : polarity,
                lowpassKind == null ? D.lowPassKind() : lowpassKind,
                lowpassHz == null ? D.lowPassHz() : lowpassHz,
                highpassHz == null ? D.highPassHz() : highpassHz,
                notch(),
                exclusions,
                !noArtefacts,
                refractoryMs,
                amplitudeFloorPa);
    }

    private Double notch() {
        if (notch == null) {
            return D.notchHz();
        }
        switch (notch.strip().toLowerCase(Locale.ROOT)) {
            case "auto":
                return null;
            case "off":
            case "0":
                return 0.0;
            case "50":
                return 50.0;
            case "60":
                return 60.0;
            default:
                throw new UsageError("--notch must be auto, off, 50 or 60 (got '" + notch + "')");
        }
    }
}
