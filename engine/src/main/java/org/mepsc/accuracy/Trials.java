package org.mepsc.accuracy;

import java.io.IOException;
import java.util.Arrays;
import java.util.List;
import org.mepsc.events.Event;
import org.mepsc.events.EventSink;
import org.mepsc.pipeline.DetectionParameters;
import org.mepsc.pipeline.DetectionRun;
import org.mepsc.pipeline.Execution;
import org.mepsc.recording.Recording;
import org.mepsc.score.EventList;
import org.mepsc.score.Score;
import org.mepsc.score.Scorer;

/** Runs detection on a recording and scores the accepted events. */
public final class Trials {

    private Trials() {
    }

    /**
     * @param sweeps sweeps to analyse (empty: all)
     * @param scorer the truth; its duration, or else the recording's, gives the true frequency
     * @param threads detection threads for this run
     */
    public static Trial run(Recording recording, int channel, List<Integer> sweeps, DetectionParameters parameters,
            Scorer scorer, int threads) throws IOException {
        long start = System.nanoTime();
        Accepted accepted = new Accepted();
        DetectionRun.Result result = DetectionRun.run(recording, channel, sweeps, parameters,
                new Execution(threads, Execution.defaults().chunkSamples()), accepted);
        double wall = (System.nanoTime() - start) * 1e-9;
        EventList truth = scorer.truth();
        double duration = truth.durationS().orElse(recording.totalDurationS());
        EventList detected = EventList.of(accepted.onsets(), accepted.peaks(), accepted.amplitudes()).withDurationS(duration);
        Score score = scorer.score(detected);
        double trueRate = truth.size() / duration;
        double foundRate = result.analysedSeconds() > 0 ? accepted.count / result.analysedSeconds() : Double.NaN;
        double frequencyError = trueRate > 0 ? 100 * (foundRate - trueRate) / trueRate : Double.NaN;
        return new Trial(score, medianError(accepted.amplitudes(), truth), frequencyError, result.calibration(), wall);
    }

    private static double medianError(double[] found, EventList truth) {
        if (!truth.hasAmplitudes() || truth.size() == 0 || found.length == 0) {
            return Double.NaN;
        }
        double[] t = new double[truth.size()];
        for (int i = 0; i < t.length; i++) {
            t[i] = truth.amplitudePa(i);
        }
        double m = median(t);
        return 100 * (median(found) - m) / m;
    }

    static double median(double[] v) {
        double[] s = v.clone();
        Arrays.sort(s);
        int n = s.length;
        return n % 2 == 1 ? s[n / 2] : 0.5 * (s[n / 2 - 1] + s[n / 2]);
    }

    /** The accepted events' times and amplitudes (a few numbers per event; never the trace). */
    private static final class Accepted implements EventSink {
        private double[] onsets = new double[256];
        private double[] peaks = new double[256];
        private double[] amplitudes = new double[256];
        private int count;

        @Override
        public void accept(Event e) {
            if (!e.accepted()) {
                return;
            }
            if (count == onsets.length) {
                onsets = Arrays.copyOf(onsets, 2 * count);
                peaks = Arrays.copyOf(peaks, 2 * count);
                amplitudes = Arrays.copyOf(amplitudes, 2 * count);
            }
            onsets[count] = e.onsetS();
            peaks[count] = e.peakS();
            amplitudes[count] = e.amplitude();
            count++;
        }

        double[] onsets() {
            return Arrays.copyOf(onsets, count);
        }

        double[] peaks() {
            return Arrays.copyOf(peaks, count);
        }

        double[] amplitudes() {
            return Arrays.copyOf(amplitudes, count);
        }
    }
}
