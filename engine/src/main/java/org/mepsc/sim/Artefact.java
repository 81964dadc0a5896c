package org.mepsc.sim;

import java.util.Locale;

/**
 * A non-synaptic disturbance added to a simulated trace. Artefacts are part of the ground truth's
 * metadata, never events: a detection on one is a false positive.
 *
 * @param kind what it looks like
 * @param startS when it starts
 * @param durationS how long it visibly lasts (a spike: ten decay time constants)
 * @param amplitudePa its signed size, in pA (before the low-pass filter)
 */
public record Artefact(Kind kind, double startS, double durationS, double amplitudePa) {

    public enum Kind {
        /** A large, fast transient: an instant jump decaying with τ = 0.1 ms (switching, a zap). */
        SPIKE,
        /** A rectangular baseline shift of 5–50 ms (a seal test, a step in the holding current). */
        STEP;

        public String label() {
            return name().toLowerCase(Locale.ROOT);
        }
    }
}
