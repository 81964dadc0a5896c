package org.mepsc.batch;

import java.io.IOException;
import java.util.ArrayDeque;
import org.mepsc.events.Event;
import org.mepsc.events.EventSink;
import org.mepsc.recording.Recording;
import org.mepsc.recording.Sweep;

/**
 * Picks a second of recording to show in the report: the one-second stretch of a sweep holding
 * the most accepted events (the earliest of equals), found while events stream past, then reads
 * it from the recording (thinned to at most {@link #MAX_RATE_HZ} points per second).
 */
final class ExampleStretch implements EventSink {

    static final double LENGTH_S = 1.0;
    /** Recording shown before the first event of the stretch. */
    static final double LEAD_S = 0.1;
    static final double MAX_RATE_HZ = 10_000;

    /**
     * A stretch of one sweep: {@code current[i]} at {@code startS + i·stepS} s from the start of
     * the recording.
     */
    record Trace(int sweep, double startS, double stepS, float[] current) {

        double endS() {
            return startS + (current.length - 1) * stepS;
        }
    }

    private final ArrayDeque<Double> peaks = new ArrayDeque<>();
    private int sweep = -1;
    private int bestSweep = -1;
    private double bestFirstPeak = Double.NaN;
    private int bestCount;

    @Override
    public void accept(Event e) {
        if (!e.accepted() || !Double.isFinite(e.peakS())) {
            return;
        }
        if (e.sweep() != sweep) {
            peaks.clear();
            sweep = e.sweep();
        }
        peaks.addLast(e.peakS());
        while (e.peakS() - peaks.peekFirst() > LENGTH_S - LEAD_S) {
            peaks.removeFirst();
        }
        if (peaks.size() > bestCount) {
            bestCount = peaks.size();
            bestSweep = sweep;
            bestFirstPeak = peaks.peekFirst();
        }
    }

    /** Reads the chosen stretch; without events, the start of the first analysed sweep. */
    Trace read(Recording recording, int channel, int firstSweep) throws IOException {
        int sw = bestSweep >= 0 ? bestSweep : firstSweep;
        Sweep s = recording.sweep(sw);
        double fs = s.sampleRateHz();
        long length = Math.min(s.length(), (long) Math.ceil(LENGTH_S * fs));
        long start = bestSweep >= 0 ? Math.round((bestFirstPeak - LEAD_S - s.startTimeS()) * fs) : 0;
        start = Math.max(0, Math.min(start, s.length() - length));
        int stride = (int) Math.max(1, Math.ceil(fs / MAX_RATE_HZ));
        float[] out = new float[(int) ((length + stride - 1) / stride)];
        float[] block = new float[Math.min((int) length, 1 << 16) / stride * stride + stride];
        int at = 0;
        for (long from = 0; from < length; from += block.length) {
            int n = (int) Math.min(block.length, length - from);
            recording.read(channel, sw, start + from, n, block, 0);
            for (int i = 0; i < n; i += stride) {
                out[at++] = block[i];
            }
        }
        return new Trace(sw, s.timeOf(start), stride / fs, out);
    }
}
