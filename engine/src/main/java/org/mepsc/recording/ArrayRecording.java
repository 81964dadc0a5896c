package org.mepsc.recording;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A recording held in memory, for tests and small synthetic data. Samples are given in each
 * channel's canonical unit.
 */
public final class ArrayRecording implements Recording {

    private final RecordingMetadata metadata;
    private final List<Channel> channels;
    private final List<Sweep> sweeps;
    private final float[][][] data; // [sweep][channel][sample]

    /**
     * @param data samples as {@code data[sweep][channel][i]}, in canonical units
     */
    public ArrayRecording(RecordingMetadata metadata, List<Channel> channels, double sampleRateHz,
            float[][][] data) {
        this.metadata = metadata;
        this.channels = List.copyOf(channels);
        this.data = data;
        List<Sweep> s = new ArrayList<>();
        double t = 0;
        for (int k = 0; k < data.length; k++) {
            if (data[k].length != channels.size()) {
                throw new IllegalArgumentException("sweep " + k + " has " + data[k].length + " channels");
            }
            Sweep sweep = new Sweep(k, t, data[k][0].length, sampleRateHz);
            s.add(sweep);
            t += sweep.durationS();
        }
        this.sweeps = List.copyOf(s);
    }

    /** A one-channel, one-sweep current recording. */
    public static ArrayRecording singleCurrent(String name, double sampleRateHz, float[] pA) {
        RecordingMetadata md = new RecordingMetadata("SIMULATED", "", AcquisitionMode.GAP_FREE, "",
                List.of(), List.of(), Optional.empty());
        return new ArrayRecording(md, List.of(Channel.of(0, name, "pA")), sampleRateHz,
                new float[][][] {{pA}});
    }

    @Override
    public Optional<Path> source() {
        return Optional.empty();
    }

    @Override
    public RecordingMetadata metadata() {
        return metadata;
    }

    @Override
    public List<Channel> channels() {
        return channels;
    }

    @Override
    public List<Sweep> sweeps() {
        return sweeps;
    }

    @Override
    public void read(int channel, int sweep, long start, int count, float[] dst, int offset) {
        checkRange(channel, sweep, start, count);
        System.arraycopy(data[sweep][channel], (int) start, dst, offset, count);
    }

    @Override
    public void close() {
        // nothing to release
    }
}
