package org.mepsc.io.abf;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.mepsc.recording.Channel;
import org.mepsc.recording.Recording;
import org.mepsc.recording.RecordingMetadata;
import org.mepsc.recording.Sweep;

/** An opened ABF file: header facts in memory, samples decoded from the mapped data section on each read. */
final class AbfRecording implements Recording {

    private final Path source;
    private final AbfFile abf;
    private final RecordingMetadata metadata;
    private final List<Channel> channels;
    private final List<Sweep> sweeps;
    private final float[] gain;
    private final float[] offset;
    private final AbfSamples samples;
    private volatile boolean closed;

    AbfRecording(Path source, AbfFile abf, FileChannel file) throws IOException {
        this.source = source;
        this.abf = abf;
        this.metadata = abf.metadata();
        int n = abf.channels().size();
        List<Channel> cs = new ArrayList<>(n);
        gain = new float[n];
        offset = new float[n];
        for (int c = 0; c < n; c++) {
            AbfChannel ch = abf.channels().get(c);
            cs.add(ch.toChannel(c));
            AbfChannel.Decoding d = ch.decoding(abf.storage());
            gain[c] = d.gain();
            offset[c] = d.offset();
        }
        this.channels = List.copyOf(cs);
        List<Sweep> ss = new ArrayList<>(abf.sweeps().size());
        long frames = 0;
        for (AbfSweepLayout.Placement p : abf.sweeps()) {
            ss.add(new Sweep(ss.size(), p.startS(), p.length(), abf.sampleRateHz()));
            frames = Math.max(frames, p.firstFrame() + p.length());
        }
        this.sweeps = List.copyOf(ss);
        this.samples = new AbfSamples(file, abf.dataOffset(), frames, n, abf.storage());
    }

    @Override
    public Optional<Path> source() {
        return Optional.of(source);
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
    public void read(int channel, int sweep, long start, int count, float[] dst, int at) throws IOException {
        checkRange(channel, sweep, start, count);
        Objects.checkFromIndexSize(at, count, dst.length);
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
