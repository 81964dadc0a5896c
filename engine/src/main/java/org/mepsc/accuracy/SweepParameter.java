package org.mepsc.accuracy;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;
import org.mepsc.pipeline.DetectionParameters;

/** The numeric detection parameters a sweep can vary, named as the detection options name them. */
public enum SweepParameter {
    THRESHOLD("threshold", "noise SD", true),
    FALSE_DISCOVERY("fdr", "share", true),
    LOWPASS_HZ("lowpass-hz", "Hz", false),
    HIGHPASS_HZ("highpass-hz", "Hz", false),
    REFRACTORY_MS("refractory-ms", "ms", false),
    AMPLITUDE_FLOOR("amplitude-floor", "pA", true);

    private final String optionName;
    private final String unit;
    private final boolean keepsTemplate;

    SweepParameter(String optionName, String unit, boolean keepsTemplate) {
        this.optionName = optionName;
        this.unit = unit;
        this.keepsTemplate = keepsTemplate;
    }

    /** The name as {@code --param NAME=…} and the detection options spell it. */
    public String optionName() {
        return optionName;
    }

    public String unit() {
        return unit;
    }

    /**
     * Whether the automatic template is learned the same whatever the value: the template is
     * learned before the threshold, the false-discovery guard and the amplitude floor apply, so a
     * sweep over them can learn it once.
     */
    public boolean keepsTemplate() {
        return keepsTemplate;
    }

    /** {@code p} with this parameter set to {@code value}. */
    public DetectionParameters apply(DetectionParameters p, double value) {
        return switch (this) {
            case THRESHOLD -> p.withThreshold(value);
            case FALSE_DISCOVERY -> p.withFalseDiscovery(value);
            case LOWPASS_HZ -> p.withLowPass(p.lowPassKind(), value);
            case HIGHPASS_HZ -> p.withHighPassHz(value);
            case REFRACTORY_MS -> p.withRefractoryMs(value);
            case AMPLITUDE_FLOOR -> p.withAmplitudeFloor(value);
        };
    }

    /** @throws IllegalArgumentException naming the parameters there are */
    public static SweepParameter named(String name) {
        String n = name.strip().toLowerCase(Locale.ROOT).replace('_', '-');
        for (SweepParameter p : values()) {
            if (p.optionName.equals(n)) {
                return p;
            }
        }
        throw new IllegalArgumentException("no sweepable parameter '" + name + "' (there are "
                + Arrays.stream(values()).map(SweepParameter::optionName).collect(Collectors.joining(", ")) + ")");
    }
}
