package org.mepsc.testing;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import org.mepsc.io.RecordingWriters;
import org.mepsc.sim.SimulatedRecording;
import org.mepsc.sim.SimulationParameters;
import org.mepsc.sim.Simulator;

/**
 * A cohort of simulated cells written as ABF files, {@code DIR/GROUP/CELL.abf}, one file per cell,
 * with the true event count of each: input for batch tests. Cells differ from one another as real
 * cells do: each has its own rate and median amplitude, the group's times a log-normal factor.
 */
public final class SimulatedCohort {

    /** One group: cells around a mean event rate and a median amplitude. */
    public record Group(String name, int cells, double rateHz, double amplitudeMedianPa) {
    }

    /**
     * @param base the simulation every cell starts from
     * @param cellSdLog SD of the log of each cell's rate and median amplitude around its group's
     */
    public record Spec(SimulationParameters base, double cellSdLog, long seed) {
    }

    /** A written cell and its truth. */
    public record Cell(String name, String group, Path file, int trueEvents, double durationS) {
        public double trueFrequencyHz() {
            return trueEvents / durationS;
        }
    }

    private SimulatedCohort() {
    }

    public static List<Cell> write(Path dir, Spec spec, Group... groups) throws IOException {
        List<Cell> cells = new ArrayList<>();
        SplittableRandom random = new SplittableRandom(spec.seed());
        for (Group g : groups) {
            for (int c = 1; c <= g.cells(); c++) {
                String name = String.format(Locale.ROOT, "%s%02d", g.name().substring(0, Math.min(4, g.name().length())), c);
                Path file = dir.resolve(g.name()).resolve(name + ".abf");
                Files.createDirectories(file.getParent());
                double rate = g.rateHz() * Math.exp(spec.cellSdLog() * random.nextGaussian());
                double amplitude = g.amplitudeMedianPa() * Math.exp(spec.cellSdLog() * random.nextGaussian());
                SimulatedRecording sim = Simulator.simulate(spec.base().withRateHz(rate).withAmplitudeMedianPa(amplitude)
                        .withSeed(random.nextLong()));
                RecordingWriters.standard().byName("abf").write(sim, sim.channels(), sim.sweeps(), file, List.of());
                cells.add(new Cell(name, g.name(), file, sim.truth().size(), sim.totalDurationS()));
            }
        }
        return cells;
    }

    /** A manifest {@code file,cell,group} for the cells, with paths relative to its folder. */
    public static Path manifest(Path file, List<Cell> cells) throws IOException {
        StringBuilder sb = new StringBuilder("file,cell,group\n");
        for (Cell c : cells) {
            sb.append(file.getParent().relativize(c.file()).toString().replace('\\', '/')).append(',').append(c.name())
                    .append(',').append(c.group()).append('\n');
        }
        Files.writeString(file, sb, StandardCharsets.UTF_8);
        return file;
    }

    public static Map<String, Cell> byName(List<Cell> cells) {
        Map<String, Cell> m = new LinkedHashMap<>();
        cells.forEach(c -> m.put(c.name(), c));
        return m;
    }
}
