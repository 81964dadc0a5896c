package org.mepsc.io.abf;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.mepsc.recording.AbstractRecording;
import org.mepsc.recording.Channel;
import org.mepsc.recording.Sweep;

/** An opened ABF file: header facts in memory, samples decoded from the mapped data section on each read. */
final class AbfRecording extends AbstractRecording {

    private final Path source;
    private final AbfFile abf;
    private final float[] gain;
    private final float[] offset;
    private final AbfSamples samples;
    private volatile boolean closed;

    AbfRecording(Path source, AbfFile abf, FileChannel file) throws IOException {
        super(Optional.of(source), abf.metadata(), channels(abf), sweeps(abf));
        this.source = source;
        this.abf = abf;
        int n = abf.channels().size();
        gain = new float[n];
        offset = new float[n];
        for (int c = 0; c < n; c++) {
            AbfChannel.Decoding d = abf.channels().get(c).decoding(abf.storage());
            gain[c] = d.gain();
            offset[c] = d.offset();
        }
        long frames = 0;
        for (AbfSweepLayout.Placement p : abf.sweeps()) {
            frames = Math.max(frames, p.firstFrame() + p.length());
        }
        this.samples = new AbfSamples(file, abf.dataOffset(), frames, n, abf.storage());
    }

    private static List<Channel> channels(AbfFile abf) {
        List<Channel> cs = new ArrayList<>(abf.channels().size());
        for (int c = 0; c < abf.channels().size(); c++) {
            cs.add(abf.channels().get(c).toChannel(c));
        }
        return cs;
    }

    private static List<Sweep> sweeps(AbfFile abf) {
        List<Sweep> ss = new ArrayList<>(abf.sweeps().size());
        for (AbfSweepLayout.Placement p : abf.sweeps()) {
            ss.add(new Sweep(ss.size(), p.startS(), p.length(), abf.sampleRateHz()));
        }
        return ss;
    }

    @Override
    protected void readChecked(int channel, int sweep, long start, int count, float[] dst, int at) throws IOException {
        if (closed) {
            throw new IOException(source + ": recording is closed");
        }
        long firstFrame = abf.sweeps().get(sweep).firstFrame() + start;
        samples.read(channel, firstFrame, count, gain[channel], offset[channel], dst, at);
    }

    /** The mapping is released by the garbage collector; after close, reads are refused. */
    @Override
    public void close() {
        closed = true;
    }
}
