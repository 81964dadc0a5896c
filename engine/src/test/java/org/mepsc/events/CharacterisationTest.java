package org.mepsc.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.mepsc.detect.Template;
import org.mepsc.detect.Window;

/** Measurements of noiseless events, against the biexponential's own numbers. */
class CharacterisationTest {

    private static final double RATE = 20_000;

    private static Window trace(Template t, double amplitude, double baseline, int onset, int n) {
        float[] x = new float[n];
        for (int i = 0; i < n; i++) {
            x[i] = (float) (baseline - amplitude * t.valueAt((i - onset) * 1000 / RATE));
        }
        return new Window(x, 1_000_000, n);
    }

    @Test
    void measuresAnIsolatedEventExactly() {
        Template t = new Template(0.5, 4);
        Window w = trace(t, 20, -50, 400, 2000);
        EventCharacteriser c = new EventCharacteriser(t, RATE, Polarity.NEGATIVE, CharacterisationSettings.DEFAULT);
        Measurement m = c.measure(w, 1_000_400, Double.NEGATIVE_INFINITY, Double.NEGATIVE_INFINITY, Double.POSITIVE_INFINITY);
        assertThat(m.amplitude()).isCloseTo(20, within(0.05));
        assertThat(m.baseline()).isCloseTo(-50, within(1e-4));
        // the parabola through the asymmetric peak sits a sample or so late (50 µs at 20 kHz)
        assertThat(m.peak()).isCloseTo(1_000_400 + t.peakTimeMs() * RATE / 1000, within(1.0));
        assertThat(m.rise1090Ms()).isCloseTo(t.rise1090Ms(), within(0.03));
        // the tail decays with τdecay; the fit from the peak includes a little of the rise
        assertThat(m.decayTauMs()).isCloseTo(4, within(0.25));
        assertThat(m.decayR2()).isGreaterThan(0.99);
        // charge: A·∫ shape = A·(τd − τr)/peak value of the raw biexponential, less what lies beyond the window
        double norm = Math.exp(-t.peakTimeMs() / 4) - Math.exp(-t.peakTimeMs() / 0.5);
        assertThat(m.charge()).isCloseTo(20 * (4 - 0.5) / norm, within(0.03 * 20 * 3.5 / norm));
        assertThat(m.halfWidthMs()).isGreaterThan(m.halfDecayMs());
        assertThat(m.onset()).isCloseTo(1_000_400, within(4.0));
        assertThat(new RejectionRules(1, 0.1, 5, 0.4, 40, true).judge(m)).isNull();
    }

    @Test
    void anEventOnTheTailOfAnotherKeepsItsOwnAmplitude() {
        Template t = new Template(0.5, 4);
        int n = 3000;
        float[] x = new float[n];
        for (int i = 0; i < n; i++) {
            x[i] = (float) (-50 - 30 * t.valueAt((i - 300) * 1000 / RATE) - 10 * t.valueAt((i - 420) * 1000 / RATE));
        }
        Window w = new Window(x, 0, n);
        EventCharacteriser c = new EventCharacteriser(t, RATE, Polarity.NEGATIVE, CharacterisationSettings.DEFAULT);
        Measurement m = c.measure(w, 420, 300, 300 + t.peakTimeMs() * RATE / 1000, Double.POSITIVE_INFINITY);
        assertThat(m.amplitude()).isCloseTo(10, within(0.6));
    }

    @Test
    void rulesNameTheReason() {
        Measurement tiny = new Measurement(10, 12, 0.5, -50, 0.6, 4, 0.9, 3, 4, 10, false);
        Measurement fast = new Measurement(10, 12, 10, -50, 0.01, 4, 0.9, 3, 4, 10, false);
        Measurement flat = new Measurement(10, 12, 10, -50, 0.6, Double.NaN, Double.NaN, Double.NaN, Double.NaN, 10, true);
        RejectionRules rules = new RejectionRules(1, 0.1, 5, 0.4, 40, true);
        assertThat(rules.judge(tiny)).isEqualTo(Rejection.AMPLITUDE_BELOW_FLOOR);
        assertThat(rules.judge(fast)).isEqualTo(Rejection.RISE_IMPLAUSIBLE);
        assertThat(rules.judge(flat)).isEqualTo(Rejection.DECAY_IMPLAUSIBLE);
        assertThat(rules.judge(Measurement.noPeak(3))).isEqualTo(Rejection.NO_PEAK);
    }

    @Test
    void neighboursGiveIntervalsAndOverlapFlags() throws Exception {
        List<Event> out = new ArrayList<>();
        EventSink sink = out::add;
        var stage = new org.mepsc.pipeline.NeighbourStageProbe(0.02, sink);
        stage.accept(event(0, 1.000, true));
        stage.accept(event(0, 1.010, true));
        stage.accept(event(0, 1.500, false));
        stage.accept(event(0, 2.000, true));
        stage.accept(event(1, 0.100, true));
        stage.finish();
        assertThat(out).hasSize(5);
        assertThat(out.get(0).overlap()).isTrue();
        assertThat(out.get(1).overlap()).isTrue();
        assertThat(out.get(1).ieiMs()).isCloseTo(10, within(1e-9));
        assertThat(out.get(2).overlap()).isFalse();
        assertThat(out.get(3).ieiMs()).isCloseTo(990, within(1e-9));
        assertThat(out.get(3).overlap()).isFalse();
        assertThat(out.get(4).ieiMs()).isNaN();
    }

    private static Event event(int sweep, double t, boolean accepted) {
        return new Event(sweep, t, t + 0.001, 10, -50, 0.5, 4, 0.9, 3, 4, 40, Double.NaN, 8, false,
                accepted ? null : Rejection.AMPLITUDE_BELOW_FLOOR);
    }
}
