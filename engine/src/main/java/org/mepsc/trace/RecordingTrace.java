package org.mepsc.trace;

import java.io.IOException;
import org.mepsc.recording.Recording;
import org.mepsc.recording.Sweep;

/** One channel of one sweep of a recording, in the channel's canonical unit (pA or mV). */
public final class RecordingTrace implements Trace {

    private final Recording recording;
    private final int channel;
    private final Sweep sweep;

    public RecordingTrace(Recording recording, int channel, int sweep) {
        recording.checkRange(channel, sweep, 0, 0);
        this.recording = recording;
        this.channel = channel;
        this.sweep = recording.sweep(sweep);
    }

    public Sweep sweep() {
        return sweep;
    }

    public int channel() {
        return channel;
    }

    @Override
    public double sampleRateHz() {
        return sweep.sampleRateHz();
    }

    @Override
    public long length() {
        return sweep.length();
    }

    @Override
    public void read(long start, int count, float[] dst, int offset) throws IOException {
        checkRange(start, count);
        recording.read(channel, sweep.index(), start, count, dst, offset);
    }
}
