package org.mepsc.pipeline;

import java.util.ArrayList;
import java.util.List;
import org.mepsc.detect.Detector;
import org.mepsc.detect.NoiseEstimate;
import org.mepsc.detect.Template;
import org.mepsc.events.EventCharacteriser;
import org.mepsc.events.Polarity;
import org.mepsc.events.RejectionRules;
import org.mepsc.filter.BankDesign;
import org.mepsc.filter.ChainDesign;
import org.mepsc.filter.Fir;

/**
 * Everything fixed for one scan of a recording: filters, detector, noise scale, threshold, rules.
 * Immutable and shared by the workers.
 *
 * @param noise the statistic's noise (null while calibrating, when only raw statistics are used)
 * @param edgeHead detection-rate samples at the start of each sweep where no onset can be judged
 * @param edgeTail likewise at the end
 */
record ScanSetup(
        Conditioning conditioning,
        Detector detector,
        ChainDesign bank,
        Template template,
        Polarity polarity,
        int refractory,
        NoiseEstimate noise,
        double threshold,
        EventCharacteriser characteriser,
        RejectionRules rules,
        ArtefactRules artefacts,
        List<Exclusion> exclusions,
        int edgeHead,
        int edgeTail) {

    /** A one-stage bank costs at most this many input samples per block (its buffers grow with it). */
    static final int ONE_STAGE_MAX_BLOCK = 1 << 18;

    /**
     * The filter chain: outputs 0 is the conditioned trace, then one per detector kernel, at the
     * detection rate. With decimation the long filters run after it, at the lower rate; or, if
     * {@code fullRate} is given (the same outputs as FIRs at the recording's rate) and the model
     * says it is cheaper, one bank filters and decimates at once.
     *
     * @param fullRate the outputs at the full rate, or null for the two-stage chain (calibration
     *     keeps it: the run's store holds its decimated blocks for every template tried)
     */
    static ChainDesign chainFor(Conditioning conditioning, Detector detector, long longestSweep, List<Fir> fullRate) {
        int d = conditioning.decimation();
        List<Fir> outputs = new ArrayList<>();
        outputs.add(conditioning.back());
        for (Fir k : detector.kernels()) {
            outputs.add(conditioning.back().convolve(k));
        }
        if (d == 1) {
            return new ChainDesign(null, BankDesign.of(outputs, 1, longestSweep));
        }
        ChainDesign twoStages = new ChainDesign(conditioning.front(), BankDesign.of(outputs, 1, (longestSweep + d - 1) / d));
        if (fullRate == null) {
            return twoStages;
        }
        ChainDesign oneStage;
        try {
            oneStage = new ChainDesign(null, BankDesign.of(fullRate, d, longestSweep));
        } catch (IllegalArgumentException tooLong) {
            return twoStages;
        }
        return oneStage.back().blockSize() <= ONE_STAGE_MAX_BLOCK && oneStage.costPerInput() < twoStages.costPerInput()
                ? oneStage : twoStages;
    }

    int decimation() {
        return conditioning.decimation();
    }

    double rateHz() {
        return conditioning.rateHz();
    }

    ScanSetup withNoise(NoiseEstimate n, double k) {
        return new ScanSetup(conditioning, detector, bank, template, polarity, refractory, n, k, characteriser,
                rules, artefacts, exclusions, edgeHead, edgeTail);
    }

    /** This setup for the pass: its chain, the statistic's noise, the threshold and the rejection rules. */
    ScanSetup forPass(ChainDesign passBank, NoiseEstimate n, double k, RejectionRules r) {
        return new ScanSetup(conditioning, detector, passBank, template, polarity, refractory, n, k, characteriser,
                r, artefacts, exclusions, edgeHead, edgeTail);
    }

    ScanSetup withRules(RejectionRules r) {
        return new ScanSetup(conditioning, detector, bank, template, polarity, refractory, noise, threshold,
                characteriser, r, artefacts, exclusions, edgeHead, edgeTail);
    }
}
