package org.mepsc.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.mepsc.io.abf.AbfWriter;
import org.mepsc.recording.Recording;
import org.mepsc.sim.SimulatedRecording;
import org.mepsc.sim.SimulationParameters;
import org.mepsc.sim.Simulator;

/**
 * A realistic recording for the benchmarks: a simulated trace (mepsc's default noise and event
 * model, seed 1) written as an int16 ABF into a temporary folder, deleted again by {@link #delete()}.
 */
final class SimulatedFile {

    private final Path dir;
    private final Path file;

    private SimulatedFile(Path dir, Path file) {
        this.dir = dir;
        this.file = file;
    }

    static SimulatedFile write(double sampleRateHz, double eventRateHz, double durationS) throws IOException {
        return write(sampleRateHz, eventRateHz, durationS, 0);
    }

    /** @param humPa peak amplitude of a 50 Hz mains hum with harmonics (0: none) */
    static SimulatedFile write(double sampleRateHz, double eventRateHz, double durationS, double humPa) throws IOException {
        SimulationParameters p = SimulationParameters.defaults().withSampleRateHz(sampleRateHz).withRateHz(eventRateHz)
                .withDurationS(durationS).withSeed(1);
        if (humPa > 0) {
            p = p.withHumHz(50).withHumPa(humPa);
        }
        Path dir = Files.createTempDirectory("mepsc-bench");
        Path file = dir.resolve("sim.abf");
        SimulatedRecording r = Simulator.simulate(p);
        new AbfWriter().write(r, r.channels(), r.sweeps(), file, List.of());
        return new SimulatedFile(dir, file);
    }

    Path path() {
        return file;
    }

    Recording open() throws IOException {
        return org.mepsc.io.RecordingReaders.openFile(file);
    }

    void delete() throws IOException {
        Files.deleteIfExists(file);
        Files.deleteIfExists(dir);
    }
}
