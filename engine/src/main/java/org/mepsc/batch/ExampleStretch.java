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
 * it from the recording. From 3 × {@link #BINS_PER_S} samples per second up the stretch is thinned to
 * the smallest and largest sample of each bin, in time order: every peak stays, at a fifth of
 * the size at 20 kHz.
 */
final class ExampleStretch implements EventSink {

    static final double LENGTH_S = 1.0;
    /** Recording shown before the first event of the stretch. */
    static final double LEAD_S = 0.1;
    static final int BINS_PER_S = 2000;

    /** A stretch of one sweep: {@code current[i]} at {@code timeS[i]} s from the start of the recording. */
    record Trace(int sweep, double[] timeS, float[] current) {

        double startS() {
            return timeS[0];
        }

        double endS() {
            return timeS[timeS.length - 1];
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
        int bin = (int) Math.max(1, Math.floor(fs / BINS_PER_S));
        int points = bin <= 2 ? (int) length : (int) (2 * ((length + bin - 1) / bin));
        double[] time = new double[points];
        float[] current = new float[points];
        float[] block = new float[Math.min((int) length, 1 << 16) / bin * bin + bin];
        int at = 0;
        for (long from = 0; from < length; from += block.length) {
            int n = (int) Math.min(block.length, length - from);
            recording.read(channel, sw, start + from, n, block, 0);
            if (bin <= 2) {
                for (int i = 0; i < n; i++) {
                    time[at] = s.timeOf(start + from + i);
                    current[at++] = block[i];
                }
                continue;
            }
            for (int b0 = 0; b0 < n; b0 += bin) {
                int lo = b0;
                int hi = b0;
                for (int i = b0 + 1; i < Math.min(n, b0 + bin); i++) {
                    lo = block[i] < block[lo] ? i : lo;
                    hi = block[i] > block[hi] ? i : hi;
                }
                int first = Math.min(lo, hi);
                int second = Math.max(lo, hi);
                time[at] = s.timeOf(start + from + first);
                current[at++] = block[first];
                time[at] = s.timeOf(start + from + second);
                current[at++] = block[second];
            }
        }
        return new Trace(sw, java.util.Arrays.copyOf(time, at), java.util.Arrays.copyOf(current, at));
    }
}
