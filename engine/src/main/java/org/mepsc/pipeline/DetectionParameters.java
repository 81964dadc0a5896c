package org.mepsc.pipeline;

import java.util.List;
import org.mepsc.detect.DetectorFactory;
import org.mepsc.detect.Template;
import org.mepsc.events.Polarity;

/**
 * Everything a user can set for a detection run. {@code null} means "choose automatically"; the
 * summary records what was chosen, so a run can be repeated exactly. Settings of how the work is
 * spread over threads are not here: they never change a result.
 *
 * @param method detection statistic
 * @param threshold least threshold, in noise SDs of the statistic (null: the method's default)
 * @param falseDiscovery raise the threshold until at most this share of detections is estimated to
 *     be noise (0: never raise it)
 * @param template event shape (null: fitted from the data)
 * @param polarity direction of events
 * @param lowPassKind shape of the conditioning low-pass
 * @param lowPassHz its −3 dB frequency (0: none)
 * @param highPassHz −3 dB frequency of a drift-removing high-pass (0: none)
 * @param notchHz mains frequency to notch with its harmonics: 50 or 60, 0 for none, null to
 *     detect hum in the spectrum
 * @param exclusions stretches to leave out
 * @param autoArtefacts also leave out steps, saturated stretches and gaps found in the trace
 * @param refractoryMs least distance between two events (null: from the template)
 * @param amplitudeFloor smallest amplitude accepted, in the channel's unit (null: from the noise)
 * @param detector a detector that is not built in, scanning instead of {@code method}'s (null: the
 *     method's); the template is still learned as for any method
 */
public record DetectionParameters(
        Method method,
        Double threshold,
        double falseDiscovery,
        Template template,
        Polarity polarity,
        LowPassKind lowPassKind,
        double lowPassHz,
        double highPassHz,
        Double notchHz,
        List<Exclusion> exclusions,
        boolean autoArtefacts,
        Double refractoryMs,
        Double amplitudeFloor,
        DetectorFactory detector) {

    public static final double DEFAULT_LOW_PASS_HZ = 2000;
    public static final double DEFAULT_FALSE_DISCOVERY = 0.02;

    /** Parameters with the method's own detector. */
    public DetectionParameters(Method method, Double threshold, double falseDiscovery, Template template,
            Polarity polarity, LowPassKind lowPassKind, double lowPassHz, double highPassHz, Double notchHz,
            List<Exclusion> exclusions, boolean autoArtefacts, Double refractoryMs, Double amplitudeFloor) {
        this(method, threshold, falseDiscovery, template, polarity, lowPassKind, lowPassHz, highPassHz, notchHz,
                exclusions, autoArtefacts, refractoryMs, amplitudeFloor, null);
    }

    public DetectionParameters {
        exclusions = List.copyOf(exclusions);
        if (threshold != null && !(threshold > 0 && threshold < 1000)) {
            throw new IllegalArgumentException("threshold must be a positive number of noise SDs, got " + threshold);
        }
        if (!(falseDiscovery >= 0 && falseDiscovery < 1)) {
            throw new IllegalArgumentException("false-discovery share must be in [0, 1), got " + falseDiscovery);
        }
        if (!(lowPassHz >= 0) || Double.isInfinite(lowPassHz)) {
            throw new IllegalArgumentException("low-pass frequency must be 0 (off) or positive, got " + lowPassHz);
        }
        if (!(highPassHz >= 0) || Double.isInfinite(highPassHz)) {
            throw new IllegalArgumentException("high-pass frequency must be 0 (off) or positive, got " + highPassHz);
        }
        if (lowPassHz > 0 && highPassHz >= lowPassHz) {
            throw new IllegalArgumentException("high-pass (" + highPassHz + " Hz) must be below the low-pass ("
                    + lowPassHz + " Hz)");
        }
        if (notchHz != null && !(notchHz == 0 || notchHz == 50 || notchHz == 60)) {
            throw new IllegalArgumentException("notch must be 50 or 60 Hz (or 0 for none), got " + notchHz);
        }
        if (refractoryMs != null && !(refractoryMs >= 0 && refractoryMs < 1000)) {
            throw new IllegalArgumentException("refractory distance must be 0-1000 ms, got " + refractoryMs);
        }
        if (amplitudeFloor != null && !(amplitudeFloor >= 0)) {
            throw new IllegalArgumentException("amplitude floor must not be negative, got " + amplitudeFloor);
        }
    }

    /** What a user who gives only the file gets. */
    public static DetectionParameters defaults() {
        return new DetectionParameters(Method.DECONVOLUTION, null, DEFAULT_FALSE_DISCOVERY, null, Polarity.NEGATIVE, LowPassKind.GAUSSIAN,
                DEFAULT_LOW_PASS_HZ, 0, null, List.of(), true, null, null);
    }

    public DetectionParameters withMethod(Method m) {
        return new DetectionParameters(m, threshold, falseDiscovery, template, polarity, lowPassKind, lowPassHz, highPassHz, notchHz,
                exclusions, autoArtefacts, refractoryMs, amplitudeFloor, detector);
    }

    public DetectionParameters withThreshold(Double k) {
        return new DetectionParameters(method, k, falseDiscovery, template, polarity, lowPassKind, lowPassHz, highPassHz, notchHz,
                exclusions, autoArtefacts, refractoryMs, amplitudeFloor, detector);
    }

    public DetectionParameters withFalseDiscovery(double q) {
        return new DetectionParameters(method, threshold, q, template, polarity, lowPassKind, lowPassHz, highPassHz, notchHz,
                exclusions, autoArtefacts, refractoryMs, amplitudeFloor, detector);
    }

    public DetectionParameters withTemplate(Template t) {
        return new DetectionParameters(method, threshold, falseDiscovery, t, polarity, lowPassKind, lowPassHz, highPassHz, notchHz,
                exclusions, autoArtefacts, refractoryMs, amplitudeFloor, detector);
    }

    public DetectionParameters withPolarity(Polarity p) {
        return new DetectionParameters(method, threshold, falseDiscovery, template, p, lowPassKind, lowPassHz, highPassHz, notchHz,
                exclusions, autoArtefacts, refractoryMs, amplitudeFloor, detector);
    }

    public DetectionParameters withLowPass(LowPassKind kind, double hz) {
        return new DetectionParameters(method, threshold, falseDiscovery, template, polarity, kind, hz, highPassHz, notchHz,
                exclusions, autoArtefacts, refractoryMs, amplitudeFloor, detector);
    }

    public DetectionParameters withHighPassHz(double hz) {
        return new DetectionParameters(method, threshold, falseDiscovery, template, polarity, lowPassKind, lowPassHz, hz, notchHz,
                exclusions, autoArtefacts, refractoryMs, amplitudeFloor, detector);
    }

    public DetectionParameters withNotchHz(Double hz) {
        return new DetectionParameters(method, threshold, falseDiscovery, template, polarity, lowPassKind, lowPassHz, highPassHz, hz,
                exclusions, autoArtefacts, refractoryMs, amplitudeFloor, detector);
    }

    public DetectionParameters withExclusions(List<Exclusion> e, boolean artefacts) {
        return new DetectionParameters(method, threshold, falseDiscovery, template, polarity, lowPassKind, lowPassHz, highPassHz, notchHz,
                e, artefacts, refractoryMs, amplitudeFloor, detector);
    }

    public DetectionParameters withRefractoryMs(Double ms) {
        return new DetectionParameters(method, threshold, falseDiscovery, template, polarity, lowPassKind, lowPassHz, highPassHz, notchHz,
                exclusions, autoArtefacts, ms, amplitudeFloor, detector);
    }

    public DetectionParameters withAmplitudeFloor(Double floor) {
        return new DetectionParameters(method, threshold, falseDiscovery, template, polarity, lowPassKind, lowPassHz, highPassHz, notchHz,
                exclusions, autoArtefacts, refractoryMs, floor, detector);
    }

    /** Scans with a detector that is not built in (null: the method's own). */
    public DetectionParameters withDetector(DetectorFactory d) {
        return new DetectionParameters(method, threshold, falseDiscovery, template, polarity, lowPassKind, lowPassHz,
                highPassHz, notchHz, exclusions, autoArtefacts, refractoryMs, amplitudeFloor, d);
    }

    /** The name of the statistic that scans: the method's, or the plugged-in detector's. */
    public String methodLabel() {
        return detector != null ? detector.name() : method.label();
    }
}
