package org.mepsc.accuracy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.mepsc.pipeline.DetectionParameters;
import org.mepsc.score.EventList;
import org.mepsc.score.Scorer;
import org.mepsc.sim.GroundTruth;
import org.mepsc.sim.SimulatedRecording;
import org.mepsc.sim.SimulationParameters;
import org.mepsc.sim.Simulator;

class ParameterSweepTest {

    private static final List<Double> THRESHOLDS = List.of(2.0, 3.0, 4.5, 6.0, 8.0);

    @Test
    void thresholdTradesRecallForPrecisionAndTheBestIsNamed() throws IOException {
        SimulatedRecording rec = Simulator.simulate(SimulationParameters.defaults().withDurationS(20).withRateHz(5)
                .withAmplitudeMedianPa(8).withSeed(11));
        Scorer scorer = new Scorer(EventList.fromTruth(GroundTruth.of(rec)), 0.0015);
        // without the false-discovery guard, which would raise the low thresholds
        DetectionParameters base = DetectionParameters.defaults().withFalseDiscovery(0);
        ParameterSweep.Result r = ParameterSweep.run(rec, 0, List.of(), base, SweepParameter.THRESHOLD, THRESHOLDS, scorer, 2);

        assertThat(r.points()).extracting(ParameterSweep.Point::value).containsExactlyElementsOf(THRESHOLDS);
        for (int i = 1; i < r.points().size(); i++) {
            var lower = r.points().get(i - 1).trial().score();
            var higher = r.points().get(i).trial().score();
            assertThat(higher.recall()).as("recall at %s", THRESHOLDS.get(i)).isLessThanOrEqualTo(lower.recall() + 0.02);
            assertThat(higher.precision()).as("precision at %s", THRESHOLDS.get(i)).isGreaterThanOrEqualTo(lower.precision() - 0.02);
        }
        var lowest = r.points().get(0).trial().score();
        var highest = r.points().get(THRESHOLDS.size() - 1).trial().score();
        assertThat(lowest.recall()).isGreaterThan(highest.recall() + 0.1);
        assertThat(lowest.precision()).isLessThan(highest.precision() - 0.1);

        ParameterSweep.Point best = r.best();
        for (ParameterSweep.Point p : r.points()) {
            assertThat(best.trial().f1()).isGreaterThanOrEqualTo(p.trial().f1());
        }
        assertThat(best.value()).isBetween(3.0, 6.0);
        assertThat(best.trial().f1()).isGreaterThan(0.85);

        // the template is learned once; the runs that reuse it report exactly what a full run reports
        var first = r.points().get(0).trial().calibration().template();
        r.points().forEach(p -> assertThat(p.trial().calibration().template()).isEqualTo(first));
        Trial alone = Trials.run(rec, 0, List.of(), base.withThreshold(4.5), scorer, 1);
        Trial swept = r.points().get(2).trial();
        assertThat(swept.calibration().threshold()).isEqualTo(4.5);
        assertThat(alone.calibration().template()).isEqualTo(first);
        assertThat(swept.score()).isEqualTo(alone.score());
    }

    @Test
    void refusesAValueTheParameterDoesNotAllowBeforeRunningAnything() {
        SimulatedRecording rec = Simulator.simulate(SimulationParameters.defaults().withDurationS(2));
        Scorer scorer = new Scorer(EventList.fromTruth(GroundTruth.of(rec)), 0.0015);
        assertThatThrownBy(() -> ParameterSweep.run(rec, 0, List.of(), DetectionParameters.defaults(),
                SweepParameter.LOWPASS_HZ, List.of(2000.0, -5.0), scorer, 1))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("lowpass-hz = -5.0");
        assertThatThrownBy(() -> ParameterSweep.run(rec, 0, List.of(), DetectionParameters.defaults(),
                SweepParameter.THRESHOLD, List.of(), scorer, 1)).hasMessageContaining("at least one value");
    }
}
