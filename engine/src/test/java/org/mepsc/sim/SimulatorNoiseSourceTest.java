package org.mepsc.sim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.io.IOException;
import java.util.List;
import java.util.Optional;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.mepsc.recording.AcquisitionMode;
import org.mepsc.recording.ArrayRecording;
import org.mepsc.recording.Channel;
import org.mepsc.recording.RecordingMetadata;

class SimulatorNoiseSourceTest {

    private static ArrayRecording noise(double fs, int n, long seed) {
        SplittableRandom rng = new SplittableRandom(seed);
        float[] v = new float[n];
        for (int i = 0; i < n; i++) {
            v[i] = (float) (-70 + 3 * rng.nextGaussian());
        }
        return ArrayRecording.singleCurrent("IN0", fs, v);
    }

    @Test
    void eventsAreAddedToTheRealNoiseAtItsRateAndLength() throws IOException {
        ArrayRecording real = noise(10_000, 50_000, 4); // 5 s at 10 kHz
        SimulationParameters p = SimulationParameters.defaults().withRateHz(5).withNoiseSdPa(0).withHoldingPa(0)
                .withLowpassHz(1000).withSeed(2);
        SimulatedRecording sim = Simulator.simulate(p, new NoiseSource(real, 0, 0));
        assertThat(sim.sampleRateHz()).isEqualTo(10_000);
        assertThat(sim.totalSamples()).isEqualTo(50_000); // the defaults' 60 s capped at the sweep
        assertThat(sim.parameters().durationS()).isEqualTo(5);
        assertThat(sim.noiseSource()).isPresent();
        // the same events without the noise: the difference is the real noise, sample for sample
        SimulatedRecording eventsOnly = Simulator.simulate(sim.parameters());
        assertThat(eventsOnly.truth()).isEqualTo(sim.truth()).isNotEmpty();
        float[] a = new float[50_000];
        float[] b = new float[50_000];
        float[] n = new float[50_000];
        sim.read(0, 0, 0, a.length, a, 0);
        eventsOnly.read(0, 0, 0, b.length, b, 0);
        real.read(0, 0, 0, n.length, n, 0);
        for (int i = 0; i < a.length; i++) {
            assertThat((double) a[i] - b[i]).isCloseTo(n[i], within(1e-4));
        }
    }

    @Test
    void aShorterDurationTakesTheStartOfTheSweep() {
        ArrayRecording real = noise(20_000, 40_000, 1);
        SimulatedRecording sim = Simulator.simulate(SimulationParameters.defaults().withDurationS(1),
                new NoiseSource(real, 0, 0));
        assertThat(sim.totalSamples()).isEqualTo(20_000);
    }

    @Test
    void refusesAVoltageChannelOrAMissingOne() {
        RecordingMetadata md = new RecordingMetadata("TEST", "", AcquisitionMode.GAP_FREE, "", List.of(), List.of(),
                Optional.empty());
        ArrayRecording twoChannels = new ArrayRecording(md, List.of(Channel.of(0, "Im", "pA"), Channel.of(1, "Vm", "mV")),
                10_000, new float[][][] {{new float[100], new float[100]}});
        SimulationParameters p = SimulationParameters.defaults();
        assertThatThrownBy(() -> Simulator.simulate(p, new NoiseSource(twoChannels, 1, 0)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("not a current");
        assertThatThrownBy(() -> Simulator.simulate(p, new NoiseSource(twoChannels, 2, 0)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("no channel 2");
        assertThatThrownBy(() -> Simulator.simulate(p, new NoiseSource(twoChannels, 0, 1)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("no sweep 1");
    }
}
