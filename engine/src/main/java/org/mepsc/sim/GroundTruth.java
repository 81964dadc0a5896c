package org.mepsc.sim;

import java.util.List;
import java.util.OptionalDouble;

/**
 * What a simulation put into a trace, as written to and read from a ground-truth table.
 *
 * @param events the events, in onset order
 * @param artefacts the artefacts (not events)
 * @param durationS the trace's duration, if known (for event frequencies)
 * @param sampleRateHz the trace's sample rate, if known
 * @param parameters the simulation's parameters as {@code key=value} pairs, or "" if unknown
 */
public record GroundTruth(List<GroundTruthEvent> events, List<Artefact> artefacts, OptionalDouble durationS,
        OptionalDouble sampleRateHz, String parameters) {

    public GroundTruth {
        events = List.copyOf(events);
        artefacts = List.copyOf(artefacts);
        parameters = parameters == null ? "" : parameters;
    }

    /** The ground truth of a simulated recording. */
    public static GroundTruth of(SimulatedRecording r) {
        SimulationParameters p = r.parameters();
        return new GroundTruth(r.truth(), r.artefacts(), OptionalDouble.of(r.totalDurationS()),
                OptionalDouble.of(p.sampleRateHz()), p.describe());
    }
}
