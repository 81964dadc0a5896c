package org.mepsc.batch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.io.IOException;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.mepsc.events.Event;
import org.mepsc.recording.ArrayRecording;

/** The average event and the example stretch, on traces whose answer is known. */
class ReportPiecesTest {

    private static final double FS = 20_000;

    private static Event event(double onsetS, double peakS, boolean overlap, boolean accepted) {
        return new Event(0, onsetS, peakS, 10, -50, 1, 4, 0.9, 3, 4, 50, Double.NaN, 6, overlap,
                accepted ? null : org.mepsc.events.Rejection.NO_PEAK);
    }

    /** −10 pA × a fixed shape from the onset, on a baseline that differs from event to event. */
    private static double shape(double tMs) {
        return tMs < 0 ? 0 : -10 * (Math.exp(-tMs / 4) - Math.exp(-tMs / 0.5));
    }

    @Test
    void averageEventIsTheShapeAtEveryOnsetLessItsBaseline() throws IOException {
        float[] trace = new float[(int) (2 * FS)];
        double[] onsets = {0.1003, 0.40021, 0.7, 1.30007};
        double[] baselines = {-50, -42, -61, -55};
        int k = 0;
        for (int i = 0; i < trace.length; i++) {
            double t = i / FS;
            while (k + 1 < onsets.length && t >= onsets[k + 1] - 0.01) {
                k++;
            }
            trace[i] = (float) (baselines[k] + shape((t - onsets[k]) * 1000));
        }
        AverageEvent average = new AverageEvent(ArrayRecording.singleCurrent("Im", FS, trace), 0);
        for (double onset : onsets) {
            average.accept(event(onset, onset + 0.001, false, true));
        }
        average.accept(event(1.0, 1.001, true, true)); // overlapping: not averaged
        average.accept(event(1.5, 1.501, false, false)); // rejected: not averaged
        average.accept(event(1.99, 1.991, false, true)); // too near the end for a whole window
        AverageEvent.Waveform w = average.waveform();
        assertThat(w.events()).isEqualTo(4);
        for (int i = 0; i < AverageEvent.POINTS; i++) {
            double t = AverageEvent.Waveform.timeMs(i);
            // linear interpolation between samples 0.05 ms apart: exact but for the curvature of the shape,
            // and for the kink at the onset (a slope of 17.5 pA/ms starting between two samples)
            assertThat(w.mean()[i]).as("t %s ms", t).isCloseTo(shape(t), within(Math.abs(t) < 0.2 ? 0.25 : 0.03));
        }
        assertThat(new AverageEvent(ArrayRecording.singleCurrent("Im", FS, trace), 0).waveform()).isNull();
    }

    @Test
    void exampleIsTheBusiestSecondAndKeepsEveryPeak() throws IOException {
        SplittableRandom random = new SplittableRandom(7);
        float[] trace = new float[(int) (10 * FS)];
        for (int i = 0; i < trace.length; i++) {
            trace[i] = (float) (-50 + random.nextGaussian());
        }
        int spike = (int) (6.2 * FS) + 3;
        trace[spike] = -200;
        trace[spike + 7] = 100;
        ExampleStretch example = new ExampleStretch();
        for (double peak : new double[] {0.5, 1.2, 6.05, 6.2, 6.4, 6.9, 6.96, 8.0, 8.3}) {
            example.accept(event(peak - 0.001, peak, false, true));
        }
        example.accept(event(3.0, 3.001, false, false));
        ExampleStretch.Trace t = example.read(ArrayRecording.singleCurrent("Im", FS, trace), 0, 0);
        // the second from 0.1 s before the event at 6.05 s holds four events, more than any other
        assertThat(t.startS()).isCloseTo(5.95, within(1 / FS));
        assertThat(t.endS()).isCloseTo(6.95, within(0.001));
        // 20 kHz thinned to the smallest and largest of every 10 samples, in time order
        assertThat(t.current()).hasSize(4000).contains(-200f, 100f);
        for (int i = 1; i < t.timeS().length; i++) {
            assertThat(t.timeS()[i]).isGreaterThan(t.timeS()[i - 1]);
        }
        ExampleStretch none = new ExampleStretch();
        ExampleStretch.Trace first = none.read(ArrayRecording.singleCurrent("Im", 5000, new float[20_000]), 0, 0);
        assertThat(first.startS()).isZero();
        assertThat(first.current()).hasSize(5000); // below 6 kHz every sample is kept
    }
}
