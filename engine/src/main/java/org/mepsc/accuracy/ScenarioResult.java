package org.mepsc.accuracy;

import org.mepsc.sim.SimulationParameters;

/**
 * A scenario and how its method scored on it.
 *
 * @param simulation the recording's parameters
 * @param threshold the threshold the run used, in noise SDs of its statistic
 */
public record ScenarioResult(Scenario scenario, SimulationParameters simulation, double threshold, Trial trial) {
}
