package org.mepsc.pipeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.mepsc.events.Event;
import org.mepsc.events.Polarity;
import org.mepsc.recording.AcquisitionMode;
import org.mepsc.recording.ArrayRecording;
import org.mepsc.recording.Channel;
import org.mepsc.recording.RecordingMetadata;
import org.mepsc.testing.SyntheticMinis;

/** What a detection run does with exclusions, artefacts, hum, kinetics and polarity. */
class DetectionBehaviourTest {

    private record Outcome(DetectionRun.Result result, List<Event> events) {
        List<Event> accepted() {
            return events.stream().filter(Event::accepted).toList();
        }
    }

    private static Outcome run(ArrayRecording r, DetectionParameters p) throws IOException {
        List<Event> events = new ArrayList<>();
        DetectionRun.Result res = DetectionRun.run(r, 0, List.of(), p, new Execution(2, 1 << 15), events::add);
        return new Outcome(res, events);
    }

    private static boolean outside(double t, double from, double to) {
        return t < from || t > to;
    }

    @Test
    void excludedStretchesAreNeitherSearchedNorCounted() throws IOException {
        SyntheticMinis s = SyntheticMinis.make(3, 10, 20_000, 8, 15, 2, 0.5, 4);
        Outcome all = run(s.recording(), DetectionParameters.defaults());
        Outcome cut = run(s.recording(), DetectionParameters.defaults().withExclusions(List.of(Exclusion.parse("2-4.5")), true));
        assertThat(all.accepted().stream().filter(e -> e.onsetS() > 2.1 && e.onsetS() < 4.4)).isNotEmpty();
        assertThat(cut.accepted()).allSatisfy(e -> assertThat(outside(e.onsetS(), 2.0, 4.5)).isTrue());
        assertThat(all.result().analysedSeconds() - cut.result().analysedSeconds()).isCloseTo(2.5, within(0.01));
        assertThat(all.result().analysedSeconds()).isCloseTo(10, within(0.1));
    }

    @Test
    void stepsSpikesAndGapsAreLeftOutAutomatically() throws IOException {
        SyntheticMinis s = SyntheticMinis.make(4, 12, 20_000, 5, 15, 2, 0.5, 4);
        float[] x = s.samples;
        for (int i = 60_000; i < 60_600; i++) {
            x[i] -= 150; // a 30 ms step, like a seal test
        }
        for (int i = 120_000; i < 124_000; i++) {
            x[i] = Float.NaN; // a 200 ms gap
        }
        x[180_000] += 800; // an electrical spike
        Outcome o = run(s.recording(), DetectionParameters.defaults());
        assertThat(o.result().analysedSeconds()).isLessThan(12 - 0.25).isGreaterThan(11);
        assertThat(o.events()).allSatisfy(e -> {
            assertThat(outside(e.peakS(), 2.99, 3.04)).isTrue();
            assertThat(outside(e.peakS(), 6.0, 6.2)).isTrue();
            assertThat(outside(e.peakS(), 8.99, 9.01)).isTrue();
        });
        Outcome off = run(s.recording(), DetectionParameters.defaults().withExclusions(List.of(), false));
        assertThat(off.result().analysedSeconds()).isGreaterThan(o.result().analysedSeconds());
    }

    @ParameterizedTest
    @CsvSource({"0.2, 1.2", "0.5, 4", "1.0, 12"})
    void theAutomaticTemplateFollowsTheData(double rise, double decay) throws IOException {
        SyntheticMinis s = SyntheticMinis.make(5, 20, 20_000, 4, 18, 2, rise, decay);
        Outcome o = run(s.recording(), DetectionParameters.defaults());
        assertThat(o.result().calibration().templateSource()).isEqualTo("auto");
        assertThat(o.result().calibration().template().decayMs()).isCloseTo(decay, within(0.25 * decay));
        int hits = s.matched(o.accepted().stream().map(Event::onsetS).toList(), 0.002);
        assertThat(hits).isGreaterThan((int) (0.9 * s.onsetsS.size()));
        assertThat(o.accepted().size()).isLessThan((int) (1.1 * s.onsetsS.size()) + 2);
    }

    @Test
    void aLongRecordingLearnsItsTemplateOnASpreadPartAndASparseOneOnAllOfIt() throws IOException {
        // 150 s at 20 kHz: 1.5 M detection-rate samples, over the 2^20 the template is first learned on
        SyntheticMinis busy = SyntheticMinis.make(8, 150, 20_000, 4, 18, 2, 0.5, 4);
        Calibration c = run(busy.recording(), DetectionParameters.defaults()).result().calibration();
        assertThat(c.calibrationSeconds()).isCloseTo(150, within(0.01));
        assertThat(c.templateSeconds()).isLessThanOrEqualTo(Calibrator.LEARNING_BUDGET * 2 / 20_000.0).isGreaterThan(50);
        assertThat(c.templateEvents()).isGreaterThanOrEqualTo(Calibrator.ENOUGH_EVENTS);
        assertThat(c.template().riseMs()).isCloseTo(0.5, within(0.1));
        assertThat(c.template().decayMs()).isCloseTo(4, within(0.4));

        // 100 s: eight learning windows, so the starting shape is chosen on two of them
        SyntheticMinis eight = SyntheticMinis.make(10, 100, 20_000, 4, 18, 2, 0.5, 4);
        Calibration e = run(eight.recording(), DetectionParameters.defaults()).result().calibration();
        assertThat(e.templateSeconds()).isCloseTo(100, within(0.01));
        assertThat(e.templateSource()).isEqualTo("auto");
        assertThat(e.template().riseMs()).isCloseTo(0.5, within(0.1));
        assertThat(e.template().decayMs()).isCloseTo(4, within(0.4));

        // 0.3 events/s: too few in the part, so the template is learned on everything examined
        // (and the starting shape chosen on all of it: a quarter holds too few strict detections)
        SyntheticMinis sparse = SyntheticMinis.make(9, 150, 20_000, 0.3, 18, 2, 0.5, 4);
        Calibration s = run(sparse.recording(), DetectionParameters.defaults()).result().calibration();
        assertThat(s.templateSeconds()).isEqualTo(s.calibrationSeconds());
        assertThat(s.templateSource()).isEqualTo("auto");
        assertThat(s.template().decayMs()).isCloseTo(4, within(1.0));
    }

    @Test
    void humIsFoundInTheSpectrumAndNotched() throws IOException {
        SyntheticMinis s = SyntheticMinis.make(6, 12, 10_000, 3, 15, 2, 0.5, 4);
        for (int i = 0; i < s.samples.length; i++) {
            s.samples[i] += (float) (2.5 * Math.sin(2 * Math.PI * 60 * i / 10_000.0) + 0.8 * Math.sin(2 * Math.PI * 180 * i / 10_000.0));
        }
        Outcome o = run(s.recording(), DetectionParameters.defaults());
        assertThat(o.result().calibration().notchHz()).contains(60.0, 180.0);
        assertThat(o.result().calibration().notchSource()).isEqualTo("auto");
        SyntheticMinis quiet = SyntheticMinis.make(6, 12, 10_000, 3, 15, 2, 0.5, 4);
        assertThat(run(quiet.recording(), DetectionParameters.defaults()).result().calibration().notchHz()).isEmpty();
    }

    /** Below 1 kHz a recording is refused in one line (at 50 Hz the templates could not even be built). */
    @ParameterizedTest
    @CsvSource({"50", "200", "999.5"})
    void recordingsTooSlowForMinisAreRefused(double rateHz) {
        float[] x = new float[20_000];
        SplittableRandom r = new SplittableRandom(3);
        for (int i = 0; i < x.length; i++) {
            x[i] = (float) r.nextGaussian();
        }
        ArrayRecording slow = ArrayRecording.singleCurrent("I", rateHz, x);
        assertThatThrownBy(() -> DetectionRun.run(slow, 0, List.of(), DetectionParameters.defaults(), Execution.defaults(), e -> { }))
                .isInstanceOf(org.mepsc.recording.RecordingFormatException.class)
                .hasMessageContaining("detection needs at least 1000 Hz")
                .hasMessageNotContaining("\n");
    }

    @Test
    void pureNoiseGivesFewEvents() throws IOException {
        SyntheticMinis s = SyntheticMinis.make(7, 30, 20_000, 1e-6, 15, 2, 0.5, 4);
        Outcome o = run(s.recording(), DetectionParameters.defaults().withTemplate(new org.mepsc.detect.Template(0.5, 4)));
        assertThat(o.accepted().size()).isLessThanOrEqualTo(3);
    }

    @Test
    void outwardEventsOnAVoltageChannel() throws IOException {
        SyntheticMinis s = SyntheticMinis.make(8, 15, 20_000, 4, 3, 0.3, 0.5, 6);
        float[] mv = new float[s.samples.length];
        for (int i = 0; i < mv.length; i++) {
            mv[i] = -s.samples[i];
        }
        RecordingMetadata md = new RecordingMetadata("SIMULATED", "", AcquisitionMode.GAP_FREE, "", List.of(), List.of(),
                Optional.empty());
        ArrayRecording r = new ArrayRecording(md, List.of(Channel.of(0, "Vm", "mV")), 20_000, new float[][][] {{mv}});
        Outcome o = run(r, DetectionParameters.defaults().withPolarity(Polarity.POSITIVE));
        int hits = s.matched(o.accepted().stream().map(Event::onsetS).toList(), 0.002);
        assertThat(hits).isGreaterThan((int) (0.9 * s.onsetsS.size()));
        assertThat(o.accepted()).allSatisfy(e -> assertThat(e.amplitude()).isPositive());
    }

    @Test
    void everySweepIsSearchedAndTimesCountFromTheRecordingStart() throws IOException {
        SplittableRandom rnd = new SplittableRandom(2);
        float[][][] data = new float[3][1][20_000];
        for (float[][] sweep : data) {
            for (int i = 0; i < 20_000; i++) {
                sweep[0][i] = (float) (-40 + rnd.nextGaussian());
            }
            for (int i = 10_000; i < 20_000; i++) {
                double t = (i - 10_000) / 20.0;
                sweep[0][i] -= (float) (20 * (Math.exp(-t / 4) - Math.exp(-t / 0.5)) / 0.57);
            }
        }
        RecordingMetadata md = new RecordingMetadata("SIMULATED", "", AcquisitionMode.EPISODIC, "", List.of(), List.of(),
                Optional.empty());
        ArrayRecording r = new ArrayRecording(md, List.of(Channel.of(0, "Im", "pA")), 20_000, data);
        Outcome o = run(r, DetectionParameters.defaults().withTemplate(new org.mepsc.detect.Template(0.5, 4)));
        assertThat(o.accepted()).hasSize(3);
        for (int k = 0; k < 3; k++) {
            assertThat(o.accepted().get(k).sweep()).isEqualTo(k);
            assertThat(o.accepted().get(k).onsetS()).isCloseTo(k + 0.5, within(0.001));
            assertThat(o.accepted().get(k).ieiMs()).isNaN();
        }
    }
}
