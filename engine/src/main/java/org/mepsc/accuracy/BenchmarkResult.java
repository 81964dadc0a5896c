package org.mepsc.accuracy;

import java.util.List;

/**
 * Everything a benchmark found.
 *
 * @param scenarios one result per scenario, in {@link Protocol#scenarios()} order
 * @param realData one result per check and method
 * @param threads threads the scenarios ran on
 * @param wallSeconds elapsed time of the whole run
 * @param cpuSeconds CPU time the process used meanwhile (NaN if the JVM does not say)
 * @param machineAtStart the computer, with its load when the run started
 * @param loadAverageAtEnd the system's load average when it ended
 */
public record BenchmarkResult(Protocol protocol, List<ScenarioResult> scenarios, List<RealDataResult> realData,
        int threads, double wallSeconds, double cpuSeconds, Machine machineAtStart, double loadAverageAtEnd) {

    public BenchmarkResult {
        scenarios = List.copyOf(scenarios);
        realData = List.copyOf(realData);
    }

    /** The results of one part of the protocol. */
    public List<ScenarioResult> of(Scenario.Kind kind) {
        return scenarios.stream().filter(r -> r.scenario().kind() == kind).toList();
    }
}
