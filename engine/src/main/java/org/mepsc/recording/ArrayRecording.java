package org.mepsc.recording;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A recording held in memory, for tests and small synthetic data. Samples are given in each
 * channel's canonical unit.
 */
public final class ArrayRecording extends AbstractRecording {

    private final float[][][] data; // [sweep][channel][sample]

    /**
     * @param data samples as {@code data[sweep][channel][i]}, in canonical units
     */
    public ArrayRecording(RecordingMetadata metadata, List<Channel> channels, double sampleRateHz,
            float[][][] data) {
        super(Optional.empty(), metadata, channels, sweeps(channels.size(), sampleRateHz, data));
        this.data = data;
    }

    private static List<Sweep> sweeps(int channels, double sampleRateHz, float[][][] data) {
        List<Sweep> s = new ArrayList<>();
        double t = 0;
        for (int k = 0; k < data.length; k++) {
            if (data[k].length != channels) {
                throw new IllegalArgumentException("sweep " + k + " has " + data[k].length + " channels");
            }
            Sweep sweep = new Sweep(k, t, data[k][0].length, sampleRateHz);
            s.add(sweep);
            t += sweep.durationS();
        }
        return s;
    }

    /** A one-channel, one-sweep current recording. */
    public static ArrayRecording singleCurrent(String name, double sampleRateHz, float[] pA) {
        RecordingMetadata md = new RecordingMetadata("SIMULATED", "", AcquisitionMode.GAP_FREE, "",
                List.of(), List.of(), Optional.empty());
        return new ArrayRecording(md, List.of(Channel.of(0, name, "pA")), sampleRateHz,
                new float[][][] {{pA}});
    }

    @Override
    protected void readChecked(int channel, int sweep, long start, int count, float[] dst, int offset) {
        System.arraycopy(data[sweep][channel], (int) start, dst, offset, count);
    }

    @Override
    public void close() {
        // nothing to release
    }
}
