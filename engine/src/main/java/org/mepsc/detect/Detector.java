package org.mepsc.detect;

import java.util.List;
import org.mepsc.filter.Fir;

/**
 * A detection method: turns the conditioned (filtered, decimated) trace into a statistic that
 * peaks at events. The pipeline normalises the statistic by its noise (a Gaussian fitted to its
 * histogram), picks peaks above the threshold and characterises the events; a detector only
 * defines the statistic.
 *
 * <p>To add a method, implement this interface in one class: ask for linear filters of the
 * conditioned trace with {@link #kernels()} (they are computed with the shared FFT, almost for
 * free) and combine them with the conditioned samples in {@link #statistic}. Detectors are
 * immutable and shared by threads; the statistic at a position must depend only on the samples,
 * never on which part of the trace a call covers.
 */
public interface Detector {

    /** The method's name as the command line spells it ("template", "deconvolution", ...). */
    String name();

    /** FIRs at the detection rate applied to the conditioned trace; their outputs come to
     * {@link #statistic} in this order. */
    List<Fir> kernels();

    /** Conditioned samples needed before a position to compute the statistic there. */
    int reachBefore();

    /** Conditioned samples needed from a position on (the position included). */
    int reachAfter();

    /** Detection-rate samples from a peak of the statistic to the event's onset. */
    double onsetOffset();

    /**
     * The statistic's side lobes around one event, which the pipeline does not report as events
     * of their own (none by default).
     */
    default Sidelobes sidelobes() {
        return Sidelobes.none();
    }

    /**
     * Whether {@link #statistic} reads the conditioned trace (false if the kernel outputs suffice;
     * the pipeline then need not compute it where no event is measured).
     */
    default boolean readsConditioned() {
        return true;
    }

    /**
     * The kernel whose output is the statistic itself, value for value, or −1 (the default) if
     * {@link #statistic} computes it: the pipeline then uses that output where it lies instead of
     * copying it.
     */
    default int statisticKernel() {
        return -1;
    }

    /**
     * Writes the statistic for positions {@code [from, from+count)} into
     * {@code out[outOffset..]}; larger means more event-like for the chosen polarity.
     *
     * @param conditioned the conditioned trace, covering {@code [from − reachBefore(), from + count
     *     + reachAfter())}, except at the start of a sweep, where it begins at position 0 (positions
     *     there lie in the sweep's edge, where no event is reported, but must not fail)
     * @param kernelOutputs the outputs of {@link #kernels()}, covering {@code [from, from+count)}
     */
    void statistic(Window conditioned, List<Window> kernelOutputs, long from, int count, float[] out, int outOffset);

    /**
     * As {@link #statistic}, for a caller that looks only at values of at least {@code floor}
     * (peak picking with a threshold): those are written exactly, and a value below the floor may
     * be written as any value below it, so a detector can skip work where the value cannot reach
     * it. The default computes every value.
     */
    default void statistic(Window conditioned, List<Window> kernelOutputs, long from, int count, float[] out,
            int outOffset, float floor) {
        statistic(conditioned, kernelOutputs, from, count, out, outOffset);
    }
}
