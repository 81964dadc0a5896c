package org.mepsc.pipeline;

/** Shapes of the conditioning low-pass. */
public enum LowPassKind {
    /** Zero-phase, no overshoot: keeps event timing and shape. */
    GAUSSIAN,
    /** 4-pole Bessel, as amplifiers apply (causal, a small delay). */
    BESSEL
}
