package org.mepsc.pipeline;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import org.mepsc.events.EventSink;
import org.mepsc.filter.BlockStore;
import org.mepsc.recording.Recording;
import org.mepsc.recording.RecordingFormatException;

/**
 * Detects events in one channel of a recording: calibrates (automatic template, noise, hum), then
 * streams every selected sweep through the scan in chunks, on all threads, handing events to a sink
 * in time order. Memory does not grow with the recording's length.
 */
public final class DetectionRun {

    /**
     * Slower recordings are refused: a mini rises within about a millisecond, so below this its rise
     * falls between samples and the templates are a few samples long (below ~200 Hz too short to
     * build at all).
     */
    public static final double MIN_RATE_HZ = 1000;

    /**
     * @param calibration the settings the run used
     * @param analysedSamples samples analysed (excluded stretches removed), at the recording's rate
     * @param analysedSeconds the same in seconds
     * @param excluded the stretches left out (automatic and user exclusions, sweep edges): analysed
     *     + excluded time = the chosen sweeps' duration
     * @param sweeps the sweeps analysed (all of them where none were named)
     */
    public record Result(Calibration calibration, long analysedSamples, double analysedSeconds, ExcludedTime excluded,
            List<Integer> sweeps) {
    }

    private DetectionRun() {
    }

    public static Result run(Recording recording, int channel, List<Integer> sweeps, DetectionParameters parameters,
            Execution execution, EventSink sink) throws IOException {
        try (Prepared prepared = prepare(recording, channel, sweeps, parameters, execution)) {
            return prepared.stream(sink);
        }
    }

    /**
     * Calibrates (template, hum, noise, threshold) without detecting yet; {@link Prepared#stream}
     * then makes the pass over the recording, as often as asked (benchmarks time that pass alone).
     */
    public static Prepared prepare(Recording recording, int channel, List<Integer> sweeps, DetectionParameters parameters,
            Execution execution) throws IOException {
        List<Integer> chosen = validate(recording, channel, sweeps);
        ExecutorService pool = Workers.pool(execution.threads(), "mepsc-detect");
        try {
            // the calibration windows, decimated once for every template tried and for the main pass
            BlockStore front = new BlockStore(Calibrator.BUDGET + Calibrator.BUDGET / 4);
            ParallelChunks parallel = new ParallelChunks(pool, execution.threads(), recording, channel, front);
            Calibrator.Outcome outcome = new Calibrator(recording, channel, chosen, parameters, parallel).calibrate();
            return new Prepared(recording, chosen, execution, pool, parallel, outcome);
        } catch (IOException | RuntimeException | Error e) {
            pool.shutdownNow();
            throw e;
        }
    }

    /** A calibrated run, ready to stream; holds a thread pool until closed. */
    public static final class Prepared implements AutoCloseable {

        private final Recording recording;
        private final List<Integer> sweeps;
        private final Execution execution;
        private final ExecutorService pool;
        private final ParallelChunks parallel;
        private final Calibrator.Outcome outcome;

        private Prepared(Recording recording, List<Integer> sweeps, Execution execution, ExecutorService pool,
                ParallelChunks parallel, Calibrator.Outcome outcome) {
            this.recording = recording;
            this.sweeps = sweeps;
            this.execution = execution;
            this.pool = pool;
            this.parallel = parallel;
            this.outcome = outcome;
        }

        public Calibration calibration() {
            return outcome.calibration();
        }

        /** Scans every chosen sweep, handing events to {@code sink} in time order. */
        public Result stream(EventSink sink) throws IOException {
            ScanSetup setup = outcome.setup();
            int d = setup.decimation();
            List<Chunk> chunks = new ArrayList<>();
            for (int s : sweeps) {
                long length = (recording.sweep(s).length() + d - 1) / d;
                chunks.addAll(Chunk.split(s, 0, length, execution.chunkSamples()));
            }
            double windowS = (setup.template().peakTimeMs() + 3 * setup.template().decayMs()) / 1000;
            NeighbourStage neighbours = new NeighbourStage(windowS, sink);
            long[] analysed = {0};
            ExclusionLog excluded = new ExclusionLog();
            parallel.forEachOrdered(chunks.iterator(), setup, (scanner, c) -> scanner.detect(c.sweep(), c.from(), c.to()),
                    (c, r) -> {
                        analysed[0] += r.analysedSamples();
                        for (var piece : r.excluded()) {
                            excluded.add(recording.sweep(c.sweep()), piece.start(), piece.end(), piece.reason());
                        }
                        for (var e : r.events()) {
                            neighbours.accept(e);
                        }
                    });
            neighbours.finish();
            double fs = recording.sweep(sweeps.get(0)).sampleRateHz();
            return new Result(outcome.calibration(), analysed[0], analysed[0] / fs, excluded.finish(), sweeps);
        }

        @Override
        public void close() {
            pool.shutdownNow();
        }
    }

    private static List<Integer> validate(Recording recording, int channel, List<Integer> sweeps)
            throws RecordingFormatException {
        if (channel < 0 || channel >= recording.channels().size()) {
            throw new IllegalArgumentException("no channel " + channel + " (channels are 0.." + (recording.channels().size() - 1) + ")");
        }
        List<Integer> chosen = sweeps.isEmpty() ? allSweeps(recording) : List.copyOf(sweeps);
        if (chosen.isEmpty()) {
            throw new IllegalArgumentException("the recording has no sweeps");
        }
        double rate = Double.NaN;
        int last = -1;
        for (int s : chosen) {
            if (s < 0 || s >= recording.sweeps().size()) {
                throw new IllegalArgumentException("no sweep " + s + " (sweeps are 0.." + (recording.sweeps().size() - 1) + ")");
            }
            if (s <= last) {
                throw new IllegalArgumentException("sweeps must be listed once each, in increasing order");
            }
            last = s;
            double r = recording.sweep(s).sampleRateHz();
            if (!Double.isNaN(rate) && r != rate) {
                throw new IllegalArgumentException("the chosen sweeps differ in sample rate (" + rate + " and " + r
                        + " Hz); choose sweeps of one rate with --sweeps");
            }
            rate = r;
        }
        if (rate < MIN_RATE_HZ) {
            throw new RecordingFormatException(recording.source().orElse(null), "sampled at " + rate
                    + " Hz: detection needs at least " + (long) MIN_RATE_HZ + " Hz (minis rise within about a millisecond, "
                    + "and the template must span more than a few samples)");
        }
        return chosen;
    }

    private static List<Integer> allSweeps(Recording recording) {
        List<Integer> all = new ArrayList<>();
        for (int i = 0; i < recording.sweeps().size(); i++) {
            all.add(i);
        }
        return all;
    }
}
