package org.mepsc.detect;

import org.mepsc.events.Polarity;

/**
 * What a run gives a {@link DetectorFactory} to build its detector from.
 *
 * @param template the event shape of the run (fitted to the data unless the user gave one)
 * @param rateHz the detection rate: samples per second of the conditioned (filtered, decimated)
 *     trace the detector sees
 * @param polarity the direction of events; the statistic must grow for events of this polarity
 * @param templatePre samples of baseline before the onset in {@link #templateShape()}
 * @param templateLength samples in {@link #templateShape()}
 */
public record DetectorContext(Template template, double rateHz, Polarity polarity, int templatePre, int templateLength) {

    public DetectorContext {
        if (!(rateHz > 0) || templatePre < 0 || templateLength <= templatePre) {
            throw new IllegalArgumentException("detector context: rate " + rateHz + " Hz, template " + templatePre
                    + " of " + templateLength + " samples");
        }
    }

    /** The template sampled at the detection rate, positive-going, peak 1: {@code templatePre} zeros, then the event. */
    public double[] templateShape() {
        return template.sampled(rateHz, templatePre, templateLength);
    }
}
