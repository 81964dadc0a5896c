package org.mepsc.pipeline;

/**
 * A stretch left out of a detection run.
 *
 * @param sweep the sweep
 * @param startS start, seconds from the start of the recording (as event times are)
 * @param endS end, likewise
 * @param reason why (the first reason in {@link ExclusionReason}'s order when several apply)
 */
public record ExcludedStretch(int sweep, double startS, double endS, ExclusionReason reason) {

    public double seconds() {
        return endS - startS;
    }
}
