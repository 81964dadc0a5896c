package org.mepsc.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.mepsc.events.Polarity;
import org.mepsc.io.RecordingWriter;
import org.mepsc.io.RecordingWriters;
import org.mepsc.recording.Recording;
import org.mepsc.sim.GroundTruth;
import org.mepsc.sim.GroundTruthTable;
import org.mepsc.sim.NoiseSource;
import org.mepsc.sim.SimulatedRecording;
import org.mepsc.sim.SimulationParameters;
import org.mepsc.sim.Simulator;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(name = "simulate", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Write a simulated voltage-clamp trace with known mEPSCs, and its ground truth.",
            "The trace is written in the format of OUT's extension; the events go to <OUT without extension>.truth.csv."})
final class SimulateCommand implements Callable<Integer> {

    private static final SimulationParameters D = SimulationParameters.defaults();

    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "OUT", description = "The trace to write (for example sim.csv or sim.abf).")
    Path out;

    @Option(names = "--duration-s", paramLabel = "S", description = "Length (default: 60, or the whole noise sweep with --noise-from).")
    Double durationS;

    @Option(names = "--fs-hz", paramLabel = "HZ", description = "Sample rate (default: 20000).")
    Double fsHz;

    @Option(names = "--rate-hz", paramLabel = "HZ", description = "Mean event rate, Poisson (default: 2).")
    Double rateHz;

    @Option(names = "--amplitude-median-pA", paramLabel = "PA", description = "Median amplitude, log-normal (default: 15).")
    Double amplitudeMedianPa;

    @Option(names = "--amplitude-cv", paramLabel = "CV", description = "Coefficient of variation of amplitudes (default: 0.5).")
    Double amplitudeCv;

    @Option(names = "--rise-ms", paramLabel = "MS", description = "Median rise time constant (default: 0.5).")
    Double riseMs;

    @Option(names = "--decay-ms", paramLabel = "MS", description = "Median decay time constant (default: 4).")
    Double decayMs;

    @Option(names = "--kinetics-cv", paramLabel = "CV", description = "Coefficient of variation of both time constants (default: 0.2).")
    Double kineticsCv;

    @Option(names = "--noise-sd-pA", paramLabel = "PA", description = "SD of the synthetic noise after the low-pass (default: 2, or 0 with --noise-from).")
    Double noiseSdPa;

    @Option(names = "--pink-fraction", paramLabel = "F", description = "Share of the noise variance that is 1/f (default: 0.3).")
    Double pinkFraction;

    @Option(names = "--hum-hz", paramLabel = "HZ", description = "Mains frequency, usually 50 or 60 (default: no hum); needs --hum-pA.")
    Double humHz;

    @Option(names = "--hum-pA", paramLabel = "PA", description = "Peak amplitude of the hum's fundamental; harmonics 2-5 are smaller.")
    Double humPa;

    @Option(names = "--drift-pA", paramLabel = "PA", description = "RMS of slow baseline drift (default: 0).")
    Double driftPa;

    @Option(names = "--artefact-rate-hz", paramLabel = "HZ", description = "Rate of artefacts (spikes, steps), which are not events (default: 0).")
    Double artefactRateHz;

    @Option(names = "--lowpass-hz", paramLabel = "HZ", description = "4-pole Bessel low-pass cutoff, 0 for none (default: 2000).")
    Double lowpassHz;

    @Option(names = "--holding-pA", paramLabel = "PA", description = "Holding current (default: -50, or 0 with --noise-from).")
    Double holdingPa;

    @Option(names = "--polarity", paramLabel = "P", description = "Event direction: ${COMPLETION-CANDIDATES} (default: negative, inward).")
    Polarity polarity;

    @Option(names = "--seed", paramLabel = "N", description = "Seed: the same seed and options give the same trace (default: 1).")
    Long seed;

    @Option(names = "--noise-from", paramLabel = "FILE", description = "Add the events to the noise of this recording instead of synthetic noise.")
    Path noiseFrom;

    @Option(names = "--noise-channel", paramLabel = "C", defaultValue = "0",
            description = "Channel of --noise-from, index or name (default: ${DEFAULT-VALUE}).")
    String noiseChannel;

    @Option(names = "--noise-sweep", paramLabel = "S", defaultValue = "0",
            description = "Sweep of --noise-from, from 0 (default: ${DEFAULT-VALUE}).")
    int noiseSweep;

    @Mixin
    InputOptions input;

    @Override
    public Integer call() throws Exception {
        if ((humHz == null) != (humPa == null)) {
            throw new UsageError("--hum-hz and --hum-pA go together (for example --hum-hz 50 --hum-pA 3)");
        }
        RecordingWriters writers = RecordingWriters.standard();
        RecordingWriter writer = writers.byExtension(out).orElseThrow(() -> new UsageError(
                "cannot tell the output format from '" + out.getFileName() + "': give OUT one of the extensions "
                        + extensions(writers)));
        Path truthPath = GroundTruthTable.pathFor(out);
        List<Path> inputs = new ArrayList<>();
        if (noiseFrom != null) {
            if (fsHz != null) {
                throw new UsageError("--fs-hz cannot be used with --noise-from: the noise recording's sample rate is used");
            }
            inputs.add(noiseFrom);
            try (Recording noise = input.open(noiseFrom)) {
                int channel = noise.findChannel(noiseChannel).index();
                SimulationParameters p = parameters(true);
                if (durationS == null) {
                    p = p.withDurationS(SimulationParameters.MAX_DURATION_S);
                } else if (noiseSweep >= 0 && noiseSweep < noise.sweeps().size()
                        && durationS > noise.sweep(noiseSweep).durationS() + 1e-9) {
                    throw new UsageError("--duration-s " + durationS + " is longer than sweep " + noiseSweep + " of "
                            + noiseFrom + " (" + noise.sweep(noiseSweep).durationS() + " s)");
                }
                SimulatedRecording sim = Simulator.simulate(p, new NoiseSource(noise, channel, noiseSweep));
                write(sim, writer, truthPath, inputs);
            }
        } else {
            write(Simulator.simulate(parameters(false)), writer, truthPath, inputs);
        }
        return ExitCode.OK;
    }

    private void write(SimulatedRecording sim, RecordingWriter writer, Path truthPath, List<Path> inputs)
            throws java.io.IOException {
        if (truthPath.toAbsolutePath().normalize().equals(out.toAbsolutePath().normalize())) {
            throw new UsageError("OUT must not end in " + GroundTruthTable.SUFFIX + " (the ground truth goes there)");
        }
        writer.write(sim, sim.channels(), sim.sweeps(), out, inputs);
        List<Path> protect = new ArrayList<>(inputs);
        protect.add(out);
        GroundTruthTable.write(truthPath, GroundTruth.of(sim), protect);
        PrintWriter o = spec.commandLine().getOut();
        o.printf(Locale.ROOT, "wrote %s: %s s at %s Hz (%s)%n", out, trim(sim.totalDurationS()),
                trim(sim.sampleRateHz()), writer.formatName());
        o.printf(Locale.ROOT, "wrote %s: %d events, %d artefacts%n", truthPath, sim.truth().size(),
                sim.artefacts().size());
        o.flush();
    }

    private SimulationParameters parameters(boolean realNoise) {
        return new SimulationParameters(
                or(durationS, D.durationS()),
                or(fsHz, D.sampleRateHz()),
                or(rateHz, D.rateHz()),
                or(amplitudeMedianPa, D.amplitudeMedianPa()),
                or(amplitudeCv, D.amplitudeCv()),
                or(riseMs, D.riseTauMs()),
                or(decayMs, D.decayTauMs()),
                or(kineticsCv, D.kineticsCv()),
                or(noiseSdPa, realNoise ? 0 : D.noiseSdPa()),
                or(pinkFraction, D.pinkFraction()),
                or(humHz, D.humHz()),
                or(humPa, D.humPa()),
                or(driftPa, D.driftPa()),
                or(artefactRateHz, D.artefactRateHz()),
                or(lowpassHz, D.lowpassHz()),
                or(holdingPa, realNoise ? 0 : D.holdingPa()),
                polarity == null ? D.polarity() : polarity,
                seed == null ? D.seed() : seed);
    }

    private static double or(Double v, double fallback) {
        return v == null ? fallback : v;
    }

    private static String extensions(RecordingWriters writers) {
        StringBuilder sb = new StringBuilder();
        for (RecordingWriter w : writers.writers()) {
            sb.append(sb.length() == 0 ? "" : ", ").append('.').append(w.extension());
        }
        return sb.toString();
    }

    private static String trim(double v) {
        String s = String.format(Locale.ROOT, "%.6f", v).replaceAll("0+$", "");
        return s.endsWith(".") ? s.substring(0, s.length() - 1) : s;
    }
}
