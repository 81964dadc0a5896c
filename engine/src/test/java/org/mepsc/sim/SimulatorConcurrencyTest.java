package org.mepsc.sim;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.junit.jupiter.api.Test;
import org.mepsc.io.RecordingReaders;
import org.mepsc.recording.Recording;
import org.mepsc.testing.ConcurrentReads;
import org.mepsc.testing.ConcurrentReads.Reference;
import org.mepsc.testing.RealData;

/**
 * Simulations made and read on many threads at once equal the same simulations made and read on
 * one (a shared instance is covered by {@link SimulatorDeterminismTest}); so do simulations that
 * share one real recording as their noise source.
 */
class SimulatorConcurrencyTest {

    private static final int READS = 60;

    @Test
    void simulationsMadeAndReadOnManyThreadsEqualSerialOnes() throws Exception {
        List<Callable<List<String>>> tasks = new ArrayList<>();
        for (long seed = 1; seed <= 4; seed++) {
            SimulationParameters p = SimulatorDeterminismTest.busy(seed);
            Reference ref = ConcurrentReads.serial("seed " + seed, Simulator.simulate(p));
            SimulatedRecording shared = Simulator.simulate(p);
            tasks.add(ConcurrentReads.task(ref, () -> Simulator.simulate(p), true, seed, READS));
            tasks.add(ConcurrentReads.task(ref, () -> Simulator.simulate(p), true, seed + 10, READS));
            tasks.add(ConcurrentReads.task(ref, () -> shared, false, seed + 20, READS));
        }
        ConcurrentReads.assertAllAgree(tasks);
    }

    @Test
    void simulationsSharingARealNoiseRecordingOnManyThreads() throws Exception {
        Path file = RealData.file("2020_06_16_0000.abf");
        try (Recording real = RecordingReaders.openFile(file)) {
            List<Callable<List<String>>> tasks = new ArrayList<>();
            for (long seed = 1; seed <= 3; seed++) {
                SimulationParameters p = SimulationParameters.defaults().withRateHz(10).withSeed(seed);
                Reference ref = ConcurrentReads.serial("seed " + seed, Simulator.simulate(p,
                        new NoiseSource(real, 0, 0)));
                for (int t = 0; t < 3; t++) {
                    tasks.add(ConcurrentReads.task(ref, () -> Simulator.simulate(p, new NoiseSource(real, 0, 0)),
                            true, seed * 10 + t, READS));
                }
            }
            ConcurrentReads.assertAllAgree(tasks);
        }
    }
}
