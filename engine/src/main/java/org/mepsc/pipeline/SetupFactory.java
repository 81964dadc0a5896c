package org.mepsc.pipeline;

import java.util.ArrayList;
import java.util.List;
import org.mepsc.detect.ClementsBekkers;
import org.mepsc.detect.Deconvolution;
import org.mepsc.detect.Detector;
import org.mepsc.detect.DetectorContext;
import org.mepsc.detect.NoiseEstimate;
import org.mepsc.detect.PearsonCorrelation;
import org.mepsc.detect.Template;
import org.mepsc.events.CharacterisationSettings;
import org.mepsc.events.EventCharacteriser;
import org.mepsc.events.Polarity;
import org.mepsc.events.RejectionRules;
import org.mepsc.filter.ChainDesign;
import org.mepsc.filter.Fir;
import org.mepsc.filter.WelchSpectrum;

/**
 * Builds a {@link ScanSetup} from the user's parameters, a template and what calibration found.
 * The numbers here are the method's internal defaults; docs/accuracy.md shows how they were chosen.
 */
final class SetupFactory {

    /** Baseline included before the onset in the matched template (ms). */
    static final double TEMPLATE_PRE_MS = 1.0;
    /** The matched template runs to its peak plus this many decay constants. */
    static final double TEMPLATE_DECAY_TAUS = 3.0;
    /** Default refractory distance as a fraction of the template's time to peak (at least 0.5 ms). */
    static final double REFRACTORY_PER_PEAK_TIME = 1.0;
    /** Deconvolution: low-pass of the deconvolved trace relative to 1/(2π·τrise). */
    static final double DECONVOLUTION_LOW_PASS_FACTOR = 1.0;
    /** Deconvolution: high-pass of the deconvolved trace (Hz). */
    static final double DECONVOLUTION_HIGH_PASS_HZ = 5;
    /** Rises faster than this fraction of the template's 10–90 % rise are artefacts. */
    static final double MIN_RISE_FRACTION = 0.3;
    /** A saturated stretch lies at least this many noise SDs from the mean around it. */
    static final double SATURATION_SDS = 10;
    /** An artefact's ringing matters until it falls below this many SDs of the trace's noise. */
    static final double RINGING_QUIET_SDS = 0.3;

    private SetupFactory() {
    }

    /** Default thresholds, in SDs of each statistic's noise (docs/accuracy.md). */
    static double defaultThreshold(Method m) {
        return switch (m) {
            case DECONVOLUTION -> 3.0;
            case TEMPLATE -> 3.0;
            case CORRELATION -> 3.0;
        };
    }

    /**
     * A setup for calibration's statistics: raw (no noise, threshold or floor yet), with the
     * two-stage chain whose decimated blocks the run's store keeps for every template tried.
     *
     * @param method the statistic (the template is learned with one, events detected with another);
     *     null for the parameters' own {@link DetectionParameters#detector() detector}
     * @param spectrum the conditioned trace's noise spectrum away from events, or null if not measured
     */
    static ScanSetup forCalibration(Conditioning conditioning, DetectionParameters p, Method method, Template t,
            RawNoise raw, long longestSweep, WelchSpectrum spectrum) {
        double rate = conditioning.rateHz();
        double perMs = rate / 1000;
        Detector detector = method == null
                ? p.detector().create(new DetectorContext(t, rate, p.polarity(), templatePre(rate), templateLength(t, rate)))
                : detector(method, t, conditioning, spectrum, p.polarity());
        double refractoryMs = p.refractoryMs() != null ? p.refractoryMs()
                : Math.max(0.5, REFRACTORY_PER_PEAK_TIME * t.peakTimeMs());
        int refractory = Math.max(1, (int) Math.round(refractoryMs * perMs));
        EventCharacteriser characteriser = new EventCharacteriser(t, rate, p.polarity(), CharacterisationSettings.DEFAULT);
        int d = conditioning.decimation();
        double fs = conditioning.sampleRateHz();
        int templateSpan = templateLength(t, rate);
        int before = (templateSpan + characteriser.baselineReach()) * d;
        int after = (int) Math.round(0.005 * fs) + characteriser.baselineReach() * d;
        List<Fir> filters = fullRateOutputs(conditioning, detector);
        Ringing ringing = Ringing.of(filters, RINGING_QUIET_SDS * raw.quietScale());
        ChainDesign bank = ScanSetup.chainFor(conditioning, detector, longestSweep, null);
        ArtefactRules artefacts = new ArtefactRules(new ArtefactRules.Finding(p.autoArtefacts(), raw.stepThreshold(),
                Math.max(8, (int) Math.round(0.0005 * fs)), (int) Math.round(0.005 * fs), SATURATION_SDS * raw.quietScale()),
                before, after, ringing);
        int offset = (int) Math.ceil(detector.onsetOffset());
        int edgeHead = characteriser.baselineReach() + 1;
        int edgeTail = Math.max(detector.reachAfter() - offset, characteriser.reachAfter() / 2) + 1;
        return new ScanSetup(conditioning, detector, bank, t, p.polarity(), refractory, null, 0,
                characteriser, rules(t, 0), artefacts, p.exclusions(), edgeHead, edgeTail);
    }

    /**
     * The setup of the pass over the whole recording, from the one its threshold was evaluated with:
     * the same detector, filters and artefact rules (they come from the same template, conditioning,
     * noise spectrum and raw noise, so they are not made again), with whichever chain the cost model
     * finds cheaper (see {@link ScanSetup#chainFor}), the statistic's noise, the threshold and the
     * amplitude floor.
     */
    static ScanSetup forPass(ScanSetup evaluated, long longestSweep, NoiseEstimate noise, double threshold,
            double amplitudeFloor) {
        Conditioning conditioning = evaluated.conditioning();
        Detector detector = evaluated.detector();
        ChainDesign bank = ScanSetup.chainFor(conditioning, detector, longestSweep, fullRateOutputs(conditioning, detector));
        return evaluated.forPass(bank, noise, threshold, rules(evaluated.template(), amplitudeFloor));
    }

    /** The chain's outputs (conditioned trace, then each detector kernel) as FIRs at the recording's rate. */
    static List<Fir> fullRateOutputs(Conditioning conditioning, Detector detector) {
        List<Fir> filters = new ArrayList<>();
        filters.add(conditioning.filter());
        for (Fir k : detector.kernels()) {
            filters.add(conditioning.filter().convolve(k.upsample(conditioning.decimation())));
        }
        return filters;
    }

    static RejectionRules rules(Template t, double amplitudeFloor) {
        double tPeak = t.peakTimeMs();
        return new RejectionRules(amplitudeFloor, MIN_RISE_FRACTION * t.rise1090Ms(), Math.max(2 * tPeak, tPeak + 1),
                0.1 * t.decayMs(), 10 * t.decayMs(), true);
    }

    static int templatePre(double rate) {
        return Math.max(2, (int) Math.round(TEMPLATE_PRE_MS * rate / 1000));
    }

    static int templateLength(Template t, double rate) {
        return templatePre(rate) + (int) Math.round((t.peakTimeMs() + TEMPLATE_DECAY_TAUS * t.decayMs()) * rate / 1000);
    }

    static Detector detector(Method m, Template t, Conditioning conditioning, WelchSpectrum spectrum, Polarity polarity) {
        double rate = conditioning.rateHz();
        int pre = templatePre(rate);
        int length = templateLength(t, rate);
        switch (m) {
            case TEMPLATE:
                return new ClementsBekkers(t.sampled(rate, pre, length), pre, polarity);
            case CORRELATION:
                return new PearsonCorrelation(t.sampled(rate, pre, length), pre, polarity);
            case DECONVOLUTION:
                if (spectrum != null) {
                    int half = (int) Math.round(Math.max(0.03, 6 * t.decayMs() / 1000) * rate);
                    return new Deconvolution(t, rate, Deconvolution.noiseWeightedBand(t, rate, conditioning.response(),
                            spectrum, DECONVOLUTION_HIGH_PASS_HZ), half, polarity);
                }
                double lp = Math.min(0.4 * rate, DECONVOLUTION_LOW_PASS_FACTOR * 1000 / (2 * Math.PI * t.riseMs()));
                return new Deconvolution(t, rate, Deconvolution.gaussianBand(lp, DECONVOLUTION_HIGH_PASS_HZ), 0, polarity);
            default:
                throw new IllegalArgumentException("unknown method " + m);
        }
    }

    static List<Template> initialTemplates() {
        return List.of(new Template(0.3, 1.5), new Template(0.5, 4), new Template(1.0, 10));
    }
}
