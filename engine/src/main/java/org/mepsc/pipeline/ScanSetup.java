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

    /**
     * The filter chain: outputs 0 is the conditioned trace, then one per detector kernel, at the
     * detection rate. With decimation the long filters run after it, at the lower rate.
     */
    static ChainDesign chainFor(Conditioning conditioning, Detector detector, long longestSweep) {
        int d = conditioning.decimation();
        List<Fir> outputs = new ArrayList<>();
        outputs.add(conditioning.back());
        for (Fir k : detector.kernels()) {
            outputs.add(conditioning.back().convolve(k));
        }
        if (d == 1) {
            return new ChainDesign(null, BankDesign.of(outputs, 1, longestSweep));
        }
        BankDesign front = BankDesign.of(List.of(conditioning.front()), d, longestSweep);
        return new ChainDesign(front, BankDesign.of(outputs, 1, (longestSweep + d - 1) / d));
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

    ScanSetup withRules(RejectionRules r) {
        return new ScanSetup(conditioning, detector, bank, template, polarity, refractory, noise, threshold,
                characteriser, r, artefacts, exclusions, edgeHead, edgeTail);
    }
}
