package org.mepsc.pipeline;

import java.util.List;
import org.mepsc.detect.NoiseEstimate;
import org.mepsc.detect.Template;
import org.mepsc.events.CharacterisationSettings;
import org.mepsc.events.RejectionRules;

/**
 * What a run settled before detecting: everything chosen automatically, as the summary reports it.
 *
 * @param sampleRateHz the recording's rate
 * @param decimation the factor the conditioned trace is decimated by
 * @param notchHz notched frequencies (empty: none)
 * @param notchSource "auto" (found in the spectrum), "user" or "off"
 * @param template the template used
 * @param templateSource "auto" (fitted), "user", or "default" (too few events to fit one)
 * @param templateFitR2 R² of the biexponential fitted to the average event (NaN unless fitted)
 * @param templateEvents events averaged for the fit
 * @param statisticNoise noise of the detection statistic
 * @param threshold threshold in SDs of that noise, as used
 * @param thresholdMinimum the least threshold asked for (the false-discovery guard may raise it)
 * @param noiseSd noise SD of the conditioned trace (channel units)
 * @param differenceSd SD of sample-to-sample differences of the raw trace (for artefacts)
 * @param amplitudeFloor smallest amplitude accepted
 * @param refractoryMs least distance between events
 * @param calibrationSeconds seconds of recording the calibration examined
 * @param templateSeconds seconds of those the template was learned on (and the trace's noise measured)
 * @param rules the rejection rules applied
 * @param characterisation the measurement windows
 */
public record Calibration(
        double sampleRateHz,
        int decimation,
        List<Double> notchHz,
        String notchSource,
        Template template,
        String templateSource,
        double templateFitR2,
        int templateEvents,
        NoiseEstimate statisticNoise,
        double threshold,
        double thresholdMinimum,
        double noiseSd,
        double differenceSd,
        double amplitudeFloor,
        double refractoryMs,
        double calibrationSeconds,
        double templateSeconds,
        RejectionRules rules,
        CharacterisationSettings characterisation) {

    public double detectionRateHz() {
        return sampleRateHz / decimation;
    }
}
