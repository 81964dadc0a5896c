package org.mepsc.sim;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import org.mepsc.recording.AbstractRecording;
import org.mepsc.recording.AcquisitionMode;
import org.mepsc.recording.Channel;
import org.mepsc.recording.RecordingMetadata;
import org.mepsc.recording.Sweep;

/**
 * A simulated trace: one current channel "Im" (pA), one gap-free sweep, generated lazily.
 *
 * <p>The trace is cut into fixed blocks of {@link #blockSize()} samples. A block is computed on
 * its own from the seed and its index: the pre-filter signal (noise, events, hum, artefacts) is
 * generated from a fixed number of samples before the block (the filter's settling time, after
 * which what came earlier is forgotten to 1e−15), low-pass filtered, and holding current and
 * drift are added. The same block always runs the same arithmetic, so any read, in any order and
 * any chunking, returns identical samples; memory stays one block per reader whatever the length.
 * Events, artefacts and their truth are drawn when the recording is made and kept in memory
 * (a few dozen bytes per event).
 *
 * <p>Safe for concurrent reads: blocks are computed in local arrays and the one-block cache is
 * an atomically replaced immutable pair.
 */
public final class SimulatedRecording extends AbstractRecording {

    private static final int MIN_BLOCK = 8192;

    private final SimulationParameters parameters;
    private final long samples;
    private final BesselLowPass filter;
    private final int warmup;
    private final int blockSize;
    private final NoiseModel noise;
    private final Sinusoids hum;
    private final Sinusoids drift;
    private final EventTrain events;
    private final ArtefactTrain artefacts;
    private final Optional<NoiseSource> realNoise;
    private final AtomicReference<Block> cache = new AtomicReference<>();

    private record Block(long index, float[] samples) {
    }

    SimulatedRecording(SimulationParameters p, Optional<NoiseSource> realNoise) {
        super(Optional.empty(), metadata(p, realNoise), List.of(Channel.of(0, "Im", "pA")),
                List.of(new Sweep(0, 0, p.sampleCount(), p.sampleRateHz())));
        this.parameters = p;
        this.samples = p.sampleCount();
        this.realNoise = realNoise;
        double fs = p.sampleRateHz();
        this.filter = p.lowpassHz() == 0 ? BesselLowPass.none(fs) : BesselLowPass.design(4, p.lowpassHz(), fs);
        this.warmup = filter.settleSamples(1e-15);
        this.blockSize = Math.max(MIN_BLOCK, Integer.highestOneBit(Math.max(1, warmup)) * 4);
        this.noise = new NoiseModel(p.noiseSdPa(), p.pinkFraction(), filter, samples, p.seed());
        this.hum = Sinusoids.hum(p.humHz(), p.humPa(), fs, p.seed());
        this.drift = Sinusoids.drift(p.driftPa(), p.seed());
        this.events = EventTrain.generate(p, filter, samples);
        this.artefacts = ArtefactTrain.generate(p, samples);
    }

    private static RecordingMetadata metadata(SimulationParameters p, Optional<NoiseSource> realNoise) {
        List<String> comments = new ArrayList<>();
        comments.add("mepsc simulate: " + p.describe());
        realNoise.ifPresent(n -> comments.add("noise from " + n.recording().source().map(Path::toString)
                .orElse("a recording") + ", channel " + n.channel() + ", sweep " + n.sweep()));
        return new RecordingMetadata("SIMULATED", "", AcquisitionMode.GAP_FREE, "mepsc simulate",
                List.of(), comments, Optional.empty());
    }

    /** The parameters the trace was made with (with a noise source: its rate and length). */
    public SimulationParameters parameters() {
        return parameters;
    }

    /** The events, in onset order. */
    public List<GroundTruthEvent> truth() {
        return events.truth();
    }

    /** The artefacts (not events), in time order. */
    public List<Artefact> artefacts() {
        return artefacts.artefacts();
    }

    /** The real recording the noise comes from, if any. */
    public Optional<NoiseSource> noiseSource() {
        return realNoise;
    }

    /** Samples per block: reads aligned to blocks of this size are the cheapest. */
    public int blockSize() {
        return blockSize;
    }

    @Override
    protected void readChecked(int channel, int sweep, long start, int count, float[] dst, int offset)
            throws IOException {
        long pos = start;
        long end = start + count;
        while (pos < end) {
            long b = pos / blockSize;
            float[] block = block(b);
            int from = (int) (pos - b * blockSize);
            int n = (int) Math.min(block.length - from, end - pos);
            System.arraycopy(block, from, dst, offset + (int) (pos - start), n);
            pos += n;
        }
    }

    private float[] block(long index) throws IOException {
        Block cached = cache.get();
        if (cached != null && cached.index() == index) {
            return cached.samples();
        }
        float[] computed = compute(index);
        cache.set(new Block(index, computed));
        return computed;
    }

    /** Block {@code index}, from the seed alone (and the real noise, if any). */
    private float[] compute(long index) throws IOException {
        long first = index * blockSize;
        int length = (int) Math.min(blockSize, samples - first);
        long inputFirst = first - warmup;
        double[] x = new double[warmup + length];
        noise.addTo(x, inputFirst);
        hum.addTo(x, 0, x.length, inputFirst, parameters.sampleRateHz());
        events.addTo(x, inputFirst);
        artefacts.addTo(x, inputFirst);
        filter.filter(x);
        drift.addTo(x, warmup, length, first, parameters.sampleRateHz());
        float[] out = new float[length];
        double holding = parameters.holdingPa();
        for (int i = 0; i < length; i++) {
            out[i] = (float) (x[warmup + i] + holding);
        }
        if (realNoise.isPresent()) {
            NoiseSource src = realNoise.get();
            float[] real = new float[length];
            src.recording().read(src.channel(), src.sweep(), first, length, real, 0);
            for (int i = 0; i < length; i++) {
                out[i] += real[i];
            }
        }
        return out;
    }

    /** Closes nothing: a noise source's recording belongs to the caller. */
    @Override
    public void close() {
        // nothing held
    }
}
