package org.mepsc.batch;

import java.io.IOException;
import org.mepsc.events.Event;
import org.mepsc.events.EventSink;
import org.mepsc.recording.Recording;
import org.mepsc.recording.Sweep;

/**
 * The average recorded waveform of a file's isolated events (accepted, not overlapping another),
 * aligned at their onsets, as recorded (inward events stay negative) less each event's own
 * baseline: the mean of the raw samples from 5 to 1 ms before its onset. Streams: only running
 * sums are kept. Samples are interpolated linearly onto a fixed grid, so files recorded at
 * different rates average onto the same times.
 */
final class AverageEvent implements EventSink {

    static final double FROM_MS = -5;
    static final double TO_MS = 45;
    static final double STEP_MS = 0.1;
    static final int POINTS = (int) Math.round((TO_MS - FROM_MS) / STEP_MS) + 1;
    private static final double BASELINE_TO_MS = -1;

    /** The average: {@code mean[k]} at {@code FROM_MS + k·STEP_MS} ms from the onset, over {@code events}. */
    record Waveform(int events, double[] mean) {

        static double timeMs(int k) {
            return FROM_MS + k * STEP_MS;
        }
    }

    private final Recording recording;
    private final int channel;
    private final double[] sum = new double[POINTS];
    private float[] window = new float[0];
    private int events;

    AverageEvent(Recording recording, int channel) {
        this.recording = recording;
        this.channel = channel;
    }

    @Override
    public void accept(Event e) throws IOException {
        if (!e.accepted() || e.overlap() || !Double.isFinite(e.onsetS())) {
            return;
        }
        Sweep s = recording.sweep(e.sweep());
        double perMs = s.sampleRateHz() / 1000;
        double onset = (e.onsetS() - s.startTimeS()) * s.sampleRateHz();
        long first = (long) Math.floor(onset + FROM_MS * perMs);
        long last = (long) Math.ceil(onset + TO_MS * perMs) + 1;
        if (first < 0 || last >= s.length()) {
            return; // too close to the sweep's edge for a whole window
        }
        int n = (int) (last - first + 1);
        if (window.length < n) {
            window = new float[n];
        }
        recording.read(channel, e.sweep(), first, n, window, 0);
        double base = 0;
        int baseCount = 0;
        for (int i = 0; i < n; i++) {
            double tMs = (first + i - onset) / perMs;
            if (tMs >= FROM_MS && tMs <= BASELINE_TO_MS) {
                base += window[i];
                baseCount++;
            }
        }
        if (baseCount == 0) {
            return;
        }
        base /= baseCount;
        for (int k = 0; k < POINTS; k++) {
            double x = onset + Waveform.timeMs(k) * perMs - first;
            int i = (int) Math.floor(x);
            double f = x - i;
            sum[k] += window[i] + f * (window[i + 1] - window[i]) - base;
        }
        events++;
    }

    /** The average so far, or null without events. */
    Waveform waveform() {
        if (events == 0) {
            return null;
        }
        double[] mean = new double[POINTS];
        for (int k = 0; k < POINTS; k++) {
            mean[k] = sum[k] / events;
        }
        return new Waveform(events, mean);
    }
}
