package org.mepsc.accuracy;

import org.mepsc.sim.SimulationParameters;

/**
 * A scenario and how its method scored on it.
 *
 * @param simulation the recording's parameters
 */
public record ScenarioResult(Scenario scenario, SimulationParameters simulation, Trial trial) {

    /** The threshold the run was given (the least; the false-discovery guard may raise it), in noise SDs. */
    public double thresholdAsked() {
        return trial.calibration().thresholdMinimum();
    }

    /** The threshold the run used, in noise SDs of its statistic. */
    public double thresholdUsed() {
        return trial.calibration().threshold();
    }
}
