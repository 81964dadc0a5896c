package org.mepsc.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.mepsc.events.Event;
import org.mepsc.recording.AbstractRecording;
import org.mepsc.recording.Recording;
import org.mepsc.score.EventList;
import org.mepsc.score.Score;
import org.mepsc.score.Scorer;
import org.mepsc.sim.GroundTruth;
import org.mepsc.sim.GroundTruthEvent;
import org.mepsc.sim.SimulatedRecording;
import org.mepsc.sim.SimulationParameters;
import org.mepsc.sim.Simulator;
import org.mepsc.summary.RecordingSummary;
import org.mepsc.summary.SummaryAccumulator;

/**
 * Simulated recordings (20 s at 20 kHz, 4 events/s of 20 pA in 2 pA noise) broken the ways real
 * ones break: the run must leave the damage out, report it, keep the analysed duration and the
 * frequency honest, and still find the events elsewhere.
 */
class BrokenTraceTest {

    private static final double DURATION_S = 20;
    private static final double FS = 20_000;

    /** What the damage does to one sample (t: seconds, v: the clean value). */
    @FunctionalInterface
    interface Damage {
        float apply(double t, float v);
    }

    /**
     * A row of the table.
     *
     * @param damaged stretches {start, end} (s) where the trace is damaged: nothing may be found there
     * @param excludedS expected excluded time besides the sweep edges: at least this ...
     * @param marginS ... and at most this much more (the zones around an artefact)
     * @param rateHz events per second simulated
     * @param reasons the reasons reported besides the sweep edges
     */
    record Row(String name, Damage damage, double[][] damaged, double excludedS, double marginS, double rateHz,
            ExclusionReason... reasons) {
        @Override
        public String toString() {
            return name;
        }
    }

    /** The simulated trace with damage applied as it is read. */
    static final class Damaged extends AbstractRecording {
        private final Recording clean;
        private final Damage damage;

        Damaged(SimulatedRecording clean, Damage damage) {
            super(Optional.empty(), clean.metadata(), clean.channels(), clean.sweeps());
            this.clean = clean;
            this.damage = damage;
        }

        @Override
        protected void readChecked(int channel, int sweep, long start, int count, float[] dst, int offset) throws IOException {
            clean.read(channel, sweep, start, count, dst, offset);
            for (int i = 0; i < count; i++) {
                dst[offset + i] = damage.apply((start + i) / FS, dst[offset + i]);
            }
        }

        @Override
        public void close() throws IOException {
            clean.close();
        }
    }

    private static boolean in(double t, double a, double b) {
        return t >= a && t < b;
    }

    /** A step of {@code size} at {@code at}, rising over 0.25 ms like an amplifier-filtered one. */
    private static double step(double t, double at, double size) {
        double x = (t - at) / 0.00025;
        return x <= 0 ? 0 : x >= 1 ? size : size * 0.5 * (1 - Math.cos(Math.PI * x));
    }

    static Stream<Arguments> table() {
        double sample = 1 / FS;
        return Stream.of(
                new Row("clean", (t, v) -> v, new double[0][], 0, 0, 4),
                new Row("NaN stretch and single ±Inf samples",
                        (t, v) -> in(t, 5, 5.5) ? Float.NaN : in(t, 9, 9 + sample) ? Float.POSITIVE_INFINITY
                                : in(t, 13, 13 + sample) ? Float.NEGATIVE_INFINITY : v,
                        new double[][] {{5, 5.5}, {9, 9 + sample}, {13, 13 + sample}}, 0.5, 3 * 0.1, 4,
                        ExclusionReason.NON_FINITE, ExclusionReason.NON_FINITE, ExclusionReason.NON_FINITE),
                new Row("dropped stretch read as 0 pA", (t, v) -> in(t, 7, 7.4) ? 0f : v,
                        new double[][] {{7, 7.4}}, 0.4, 0.1, 4, ExclusionReason.SATURATION),
                new Row("dropped stretch repeating the last value", (t, v) -> in(t, 7, 7.4) ? -50f : v,
                        new double[][] {{7, 7.4}}, 0.4 - 0.02, 0.11, 4, ExclusionReason.SATURATION),
                new Row("ADC saturation: a 5 nA deflection clipped at -2 nA",
                        (t, v) -> in(t, 11, 11.3) ? Math.max(-2000f, v - 5000f) : v,
                        new double[][] {{11, 11.3}}, 0.3, 0.1, 4, ExclusionReason.SATURATION),
                new Row("holding current jumps by 200 pA and stays", (t, v) -> (float) (v + step(t, 8, 200)),
                        new double[][] {{8, 8.00025}}, 0, 0.1, 4, ExclusionReason.JUMP),
                new Row("seal loss: a 300 pA step, then drifting",
                        (t, v) -> (float) (v + step(t, 12, -300) - (t > 12 ? 200 * (1 - Math.exp(-(t - 12) / 2)) : 0)),
                        new double[][] {{12, 12.00025}}, 0, 0.1, 4, ExclusionReason.JUMP),
                new Row("slow drift of 100 pA over the recording", (t, v) -> (float) (v + 100 * t / DURATION_S),
                        new double[0][], 0, 0, 4),
                new Row("no events at all", (t, v) -> v, new double[0][], 0, 0, 0),
                new Row("everything at once",
                        (t, v) -> (float) (in(t, 3, 3.5) ? Float.NaN : in(t, 11, 11.3) ? Math.max(-2000f, v - 5000f)
                                : v + step(t, 8, 200) + 50 * t / DURATION_S),
                        new double[][] {{3, 3.5}, {8, 8.00025}, {11, 11.3}}, 0.8, 3 * 0.1, 4,
                        ExclusionReason.NON_FINITE, ExclusionReason.JUMP, ExclusionReason.SATURATION))
                .map(Arguments::of);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("table")
    void brokenStretchesAreLeftOutAndReported(Row row) throws IOException {
        SimulatedRecording sim = Simulator.simulate(SimulationParameters.defaults().withDurationS(DURATION_S)
                .withSampleRateHz(FS).withRateHz(row.rateHz()).withAmplitudeMedianPa(20).withAmplitudeCv(0.3)
                .withNoiseSdPa(2).withHoldingPa(-50).withSeed(row.name().hashCode()));
        Damaged r = new Damaged(sim, row.damage());
        List<Event> events = new ArrayList<>();
        SummaryAccumulator acc = new SummaryAccumulator();
        DetectionParameters p = DetectionParameters.defaults();
        DetectionRun.Result res = DetectionRun.run(r, 0, List.of(), p, new Execution(2, 1 << 15), e -> {
            events.add(e);
            acc.accept(e);
        });
        ExcludedTime x = res.excluded();
        double edges = x.stretches().stream().filter(s -> s.reason() == ExclusionReason.SWEEP_EDGE)
                .mapToDouble(ExcludedStretch::seconds).sum();
        List<Event> accepted = events.stream().filter(Event::accepted).toList();
        List<GroundTruthEvent> truth = GroundTruth.of(sim).events().stream()
                .filter(e -> x.stretches().stream().noneMatch(s -> in(e.peakS(), s.startS(), s.endS()))).toList();
        Score score = new Scorer(EventList.of(truth.stream().mapToDouble(GroundTruthEvent::onsetS).toArray(),
                truth.stream().mapToDouble(GroundTruthEvent::peakS).toArray(), null), 0.002)
                .score(EventList.of(accepted.stream().mapToDouble(Event::onsetS).toArray(),
                        accepted.stream().mapToDouble(Event::peakS).toArray(), null));
        RecordingSummary summary = new RecordingSummary("broken", r.channel(0), List.of(0), p, res, acc);
        System.out.printf("%-55s excluded %.4f s (edges %.4f) in %d stretches %s; analysed %.4f s; %d events, truth %d, "
                + "recall %.3f precision %.3f; %s%n", row.name(), x.seconds(), edges, x.count(), x.counts(),
                res.analysedSeconds(), accepted.size(), truth.size(), score.recall(), score.precision(),
                summary.toText().lines().filter(l -> l.startsWith("excluded")).findFirst().orElse(""));

        // the analysed and excluded times add up to the recording, and the list adds up to the total
        assertThat(res.analysedSeconds() + x.seconds()).isCloseTo(DURATION_S, org.assertj.core.api.Assertions.within(1e-9));
        assertThat(x.stretches().stream().mapToDouble(ExcludedStretch::seconds).sum())
                .isCloseTo(x.seconds(), org.assertj.core.api.Assertions.within(1e-9));
        assertThat(edges).isGreaterThan(0).isLessThan(0.05);
        assertThat(x.stretches()).extracting(ExcludedStretch::reason).filteredOn(why -> why != ExclusionReason.SWEEP_EDGE)
                .containsExactlyInAnyOrder(row.reasons());
        // the damage is excluded, with bounded margins around it, and nothing else
        assertThat(x.seconds() - edges).as("excluded besides the edges")
                .isBetween(row.excludedS() - 1e-9, row.excludedS() + row.marginS() + 1e-9);
        for (double[] d : row.damaged()) {
            assertThat(x.stretches()).as("a stretch covers %s-%s s", d[0], d[1])
                    .anySatisfy(s -> assertThat(s.startS() <= d[0] && s.endS() >= d[1]).isTrue());
            assertThat(events).noneSatisfy(e -> assertThat(in(e.peakS(), d[0], d[1]) || in(e.onsetS(), d[0], d[1])).isTrue());
        }
        assertThat(events).allSatisfy(e -> assertThat(x.stretches())
                .noneSatisfy(s -> assertThat(in(e.onsetS(), s.startS(), s.endS())).isTrue()));
        // the events elsewhere are found, and the frequency over the analysed time is the truth's
        if (row.rateHz() > 0) {
            assertThat(score.recall()).as("recall").isGreaterThan(0.9);
            assertThat(score.precision()).as("precision").isGreaterThan(0.9);
            assertThat(summary.frequencyHz()).isCloseTo(truth.size() / res.analysedSeconds(),
                    org.assertj.core.api.Assertions.withinPercentage(10));
        } else {
            assertThat(accepted.size()).as("false positives in noise alone").isLessThanOrEqualTo(3);
            assertThat(summary.frequencyHz()).isLessThan(0.2);
        }
        assertThat(summary.toJson().path("excluded").size()).isEqualTo(x.stretches().size());
    }

    private static DetectionRun.Result runOn(Recording r, DetectionParameters p, List<Event> events) throws IOException {
        return DetectionRun.run(r, 0, List.of(), p, new Execution(2, 1 << 15), events::add);
    }

    private static SimulatedRecording simulated(double rateHz) {
        return Simulator.simulate(SimulationParameters.defaults().withDurationS(DURATION_S).withSampleRateHz(FS)
                .withRateHz(rateHz).withAmplitudeMedianPa(20).withNoiseSdPa(2).withSeed(11));
    }

    @Test
    void aRecordingWithNothingButNaNHasNoAnalysedTimeAndNoFrequency() throws IOException {
        Damaged r = new Damaged(simulated(4), (t, v) -> Float.NaN);
        List<Event> events = new ArrayList<>();
        DetectionRun.Result res = runOn(r, DetectionParameters.defaults(), events);
        assertThat(events).isEmpty();
        assertThat(res.analysedSeconds()).isZero();
        assertThat(res.excluded().seconds()).isEqualTo(DURATION_S);
        assertThat(res.excluded().stretches()).singleElement()
                .satisfies(s -> assertThat(s.reason()).isEqualTo(ExclusionReason.NON_FINITE));
        RecordingSummary summary = new RecordingSummary("nan", r.channel(0), List.of(0), DetectionParameters.defaults(), res,
                new SummaryAccumulator());
        assertThat(summary.frequencyHz()).isNaN();
        assertThat(summary.toJson().path("frequency_hz").isNull()).isTrue();
        assertThat(summary.toJson().path("excluded_s").asDouble()).isEqualTo(DURATION_S);
        assertThat(summary.toText()).contains("excluded:", "20.0 s in 1 stretch (1 non-finite)");
    }

    @Test
    void aRecordingExcludedWhollyByTheUserHasNoAnalysedTime() throws IOException {
        SimulatedRecording r = simulated(4);
        List<Event> events = new ArrayList<>();
        DetectionParameters p = DetectionParameters.defaults().withExclusions(List.of(Exclusion.parse("0-end")), true);
        DetectionRun.Result res = runOn(r, p, events);
        assertThat(events).isEmpty();
        assertThat(res.analysedSeconds()).isZero();
        assertThat(res.excluded().stretches()).singleElement()
                .satisfies(s -> assertThat(s.reason()).isEqualTo(ExclusionReason.USER));
        assertThat(new RecordingSummary("cut", r.channel(0), List.of(0), p, res, new SummaryAccumulator()).frequencyHz()).isNaN();
    }

    @Test
    void anAllNaNSweepLeavesTheOtherSweepsAnalysed() throws IOException {
        float[] good = new float[(int) (5 * FS)];
        float[] bad = new float[good.length];
        simulated(4).read(0, 0, 0, good.length, good, 0);
        java.util.Arrays.fill(bad, Float.NaN);
        org.mepsc.recording.ArrayRecording r = new org.mepsc.recording.ArrayRecording(
                new org.mepsc.recording.RecordingMetadata("SIMULATED", "", org.mepsc.recording.AcquisitionMode.EPISODIC, "",
                        List.of(), List.of(), Optional.empty()),
                List.of(org.mepsc.recording.Channel.of(0, "Im", "pA")), FS, new float[][][] {{good}, {bad}, {good}});
        List<Event> events = new ArrayList<>();
        DetectionRun.Result res = runOn(r, DetectionParameters.defaults(), events);
        assertThat(res.excluded().stretches()).filteredOn(s -> s.sweep() == 1).singleElement()
                .satisfies(s -> assertThat(s.seconds()).isCloseTo(5, org.assertj.core.api.Assertions.within(1e-9)));
        assertThat(res.analysedSeconds()).isGreaterThan(9.9).isLessThan(10);
        assertThat(events).noneSatisfy(e -> assertThat(e.sweep()).isEqualTo(1));
        assertThat(events.stream().filter(Event::accepted).count()).isGreaterThan(30);
    }
}
