package org.mepsc.pipeline;

import java.util.Locale;

/**
 * Why a stretch was left out of the analysis. A stretch with several reasons (a step into
 * saturation, an artefact inside a user's exclusion) is reported under the first of them in this
 * order.
 */
public enum ExclusionReason {
    /** An exclusion the user asked for ({@code --exclude}, a manifest's exclusions). */
    USER,
    /** NaN or infinite samples (gaps, corrupt data). */
    NON_FINITE,
    /** A run of identical samples at an extreme of the trace: the amplifier or digitiser saturating, a dropped stretch. */
    SATURATION,
    /** A jump between two samples: steps in the holding current, seal tests, electrical spikes. */
    JUMP,
    /** The first and last few ms of a sweep, where an event's baseline or decay cannot be measured. */
    SWEEP_EDGE;

    /** The name in outputs: lower case, words joined by '-'. */
    public String label() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }
}
