package org.mepsc.pipeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.io.StringWriter;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.mepsc.events.Event;
import org.mepsc.events.EventCsvWriter;
import org.mepsc.events.Rejection;
import org.mepsc.filter.HumDetector;

/** Exclusion syntax, the false-discovery guard, hum detection, template learning's stop and the CSV columns. */
class SmallPartsTest {

    @Test
    void exclusionsParse() {
        assertThat(Exclusion.parse("0-0.25")).isEqualTo(new Exclusion(-1, 0, 0.25));
        assertThat(Exclusion.parse("3:10.5-12")).isEqualTo(new Exclusion(3, 10.5, 12));
        assertThat(Exclusion.parse("1.5-end").endS()).isInfinite();
        assertThat(Exclusion.parse("2:0-1").appliesTo(2)).isTrue();
        assertThat(Exclusion.parse("2:0-1").appliesTo(1)).isFalse();
        for (String bad : new String[] {"5", "a-b", "2-1", "-1-3", "x:1-2"}) {
            assertThatThrownBy(() -> Exclusion.parse(bad)).isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("exclusion");
        }
    }

    /** The learning's fits alternating between two shapes (as seen on a 20 kHz recording) stop it; converging ones do not. */
    @Test
    void templateLearningStopsWhenTheFitsComeBackToAnEarlierShape() {
        org.mepsc.detect.Template start = new org.mepsc.detect.Template(0.5, 4);
        org.mepsc.detect.Template a = new org.mepsc.detect.Template(0.5191, 4.0023);
        org.mepsc.detect.Template b = new org.mepsc.detect.Template(0.4714, 4.0709);
        assertThat(Calibrator.returnsToEarlier(new org.mepsc.detect.Template(0.5189, 4.0044), java.util.List.of(start, a)))
                .isTrue();
        assertThat(Calibrator.returnsToEarlier(b, java.util.List.of(start))).isFalse();
        // creeping towards a shape, every step more than 3 % from all before
        java.util.List<org.mepsc.detect.Template> before = new java.util.ArrayList<>();
        for (double rise = 0.3; rise < 0.6; rise *= 1.05) {
            org.mepsc.detect.Template t = new org.mepsc.detect.Template(rise, 4);
            assertThat(Calibrator.returnsToEarlier(t, before)).as("rise %s", rise).isFalse();
            before.add(t);
        }
    }

    @Test
    void theStartingShapeIsChosenOnASpreadQuarterOfEightWindowsOrMore() {
        java.util.List<Chunk> eight = new java.util.ArrayList<>();
        for (int w = 0; w < 8; w++) {
            eight.add(new Chunk(0, w * 131_072L, (w + 1) * 131_072L));
        }
        assertThat(Calibrator.startingWindows(eight)).containsExactly(eight.get(2), eight.get(6));
        java.util.List<Chunk> seven = eight.subList(0, 7);
        assertThat(Calibrator.startingWindows(seven)).isEqualTo(seven);
        java.util.List<Chunk> many = new java.util.ArrayList<>();
        for (int w = 0; w < 32; w++) {
            many.add(new Chunk(w % 2, w * 1_000_000L, w * 1_000_000L + 131_072));
        }
        assertThat(Calibrator.startingWindows(many)).hasSize(8).startsWith(many.get(2)).contains(many.get(30));
    }

    @Test
    void aSpreadSubsetTakesEveryKthWindowWithinTheBudget() {
        java.util.List<Chunk> windows = new java.util.ArrayList<>();
        for (int w = 0; w < 32; w++) {
            windows.add(new Chunk(0, w * 1_000_000L, w * 1_000_000L + 131_072));
        }
        assertThat(Calibrator.spreadSubset(windows, 1L << 22)).isSameAs(windows);
        java.util.List<Chunk> part = Calibrator.spreadSubset(windows, 1L << 20);
        assertThat(part).hasSize(8).containsExactly(windows.get(2), windows.get(6), windows.get(10), windows.get(14),
                windows.get(18), windows.get(22), windows.get(26), windows.get(30));
        // many short sweeps: about the budget, from all over the recording
        java.util.List<Chunk> sweeps = new java.util.ArrayList<>();
        for (int s = 0; s < 100; s++) {
            sweeps.add(new Chunk(s, 0, 20_000));
        }
        java.util.List<Chunk> some = Calibrator.spreadSubset(sweeps, 500_000);
        long total = some.stream().mapToLong(c -> c.to() - c.from()).sum();
        assertThat(total).isLessThanOrEqualTo(500_000).isGreaterThan(400_000);
        assertThat(some.get(0).sweep()).isLessThan(5);
        assertThat(some.get(some.size() - 1).sweep()).isGreaterThan(95);
    }

    private static FloatList gaussianTail(long seed, int n, double shift) {
        SplittableRandom r = new SplittableRandom(seed);
        FloatList out = new FloatList();
        for (int i = 0; i < n; i++) {
            double z = r.nextGaussian() + shift;
            if (z >= 2.5) {
                out.add((float) z);
            }
        }
        return out;
    }

    @Test
    void theGuardKeepsTheMinimumWhenEventsAreAbundantAndRaisesItWhenTheyAreRare() {
        FloatList noisePeaks = gaussianTail(1, 200_000, 0);
        FloatList dips = gaussianTail(2, 200_000, 0);
        FloatList many = new FloatList();
        many.addAll(noisePeaks);
        for (int i = 0; i < 5000; i++) {
            many.add(6 + (i % 20));
        }
        double low = FalseDiscoveryGuard.threshold(many, dips, 2.5, 3.0, 0.02);
        assertThat(low).isLessThan(3.6);
        FloatList few = new FloatList();
        few.addAll(noisePeaks);
        for (int i = 0; i < 20; i++) {
            few.add(8);
        }
        double high = FalseDiscoveryGuard.threshold(few, dips, 2.5, 3.0, 0.02);
        assertThat(high).isGreaterThan(low + 0.5).isLessThanOrEqualTo(FalseDiscoveryGuard.CEILING);
        assertThat(FalseDiscoveryGuard.threshold(few, dips, 2.5, 3.0, 0)).isEqualTo(3.0);
        assertThat(FalseDiscoveryGuard.threshold(few, dips, 2.5, 7.0, 0.02)).isEqualTo(7.0);
    }

    @Test
    void humStandsOutOfTheSpectrum() {
        double fs = 20_000;
        HumDetector quiet = new HumDetector(fs);
        HumDetector hum = new HumDetector(fs);
        SplittableRandom r = new SplittableRandom(4);
        float[] a = new float[quiet.segmentLength()];
        float[] b = new float[quiet.segmentLength()];
        for (int s = 0; s < 6; s++) {
            for (int i = 0; i < a.length; i++) {
                double t = (s * a.length + i) / fs;
                a[i] = (float) (2 * r.nextGaussian());
                b[i] = a[i] + (float) (1.0 * Math.sin(2 * Math.PI * 60 * t) + 0.4 * Math.sin(2 * Math.PI * 180 * t + 1));
            }
            quiet.add(a, 0);
            hum.add(b, 0);
        }
        assertThat(quiet.result().harmonicsHz()).isEmpty();
        assertThat(hum.result().mainsHz()).isEqualTo(60);
        assertThat(hum.result().harmonicsHz()).contains(60.0, 180.0).doesNotContain(120.0);
    }

    /** Segments' periodograms made by other detectors (other threads) and added in order give the same spectrum bit for bit. */
    @Test
    void periodogramsAddedInOrderGiveTheSameHumSpectrum() {
        double fs = 20_000;
        HumDetector direct = new HumDetector(fs);
        HumDetector gathered = new HumDetector(fs);
        HumDetector[] workers = {new HumDetector(fs), new HumDetector(fs)};
        SplittableRandom r = new SplittableRandom(5);
        float[] x = new float[direct.segmentLength() + 7];
        for (int s = 0; s < 5; s++) {
            for (int i = 0; i < x.length; i++) {
                x[i] = (float) (3 * r.nextGaussian() + 0.3 * Math.sin(2 * Math.PI * 50 * (s * x.length + i) / fs) - 20);
            }
            direct.add(x, 7);
            gathered.add(workers[s % 2].periodogram(x, 7));
        }
        assertThat(gathered.result()).isEqualTo(direct.result());
        assertThat(gathered.result().mainsHz()).isEqualTo(50);
        assertThat(gathered.result().segments()).isEqualTo(5);
    }

    @Test
    void csvColumnsFollowTheChannelsUnit() throws Exception {
        assertThat(EventCsvWriter.header("pA", false)).isEqualTo("file,channel,sweep,event,onset_s,peak_s,amplitude_pA,"
                + "baseline_pA,rise_10_90_ms,decay_tau_ms,decay_r2,half_decay_ms,half_width_ms,charge_fC,iei_ms,score,overlap\n");
        assertThat(EventCsvWriter.header("mV", true)).isEqualTo("file,channel,sweep,event,onset_s,peak_s,amplitude_mV,"
                + "baseline_mV,rise_10_90_ms,decay_tau_ms,decay_r2,half_decay_ms,half_width_ms,iei_ms,score,overlap,accepted,reason\n");
        StringWriter w = new StringWriter();
        EventCsvWriter csv = new EventCsvWriter(w, "a,b.abf", 1, "pA", true);
        csv.accept(new Event(0, 1.5, 1.501, 12.25, -40, 0.5, Double.NaN, Double.NaN, 2, 3, 40, Double.NaN, 7.5, false, null));
        csv.accept(new Event(0, 2.5, 2.501, 1.0, -40, 0.5, 4, 0.9, 2, 3, 40, 1000, 4.5, true, Rejection.AMPLITUDE_BELOW_FLOOR));
        csv.finish();
        String[] lines = w.toString().split("\n");
        assertThat(lines[1]).isEqualTo("\"a,b.abf\",1,0,0,1.500000,1.501000,12.2500,-40.0000,0.5000,,,2.0000,3.0000,40.000,,7.500,false,true,");
        assertThat(lines[2]).startsWith("\"a,b.abf\",1,0,,2.500000").endsWith(",true,false,amplitude_below_floor");
        assertThat(Double.parseDouble(lines[2].split(",")[15])).isCloseTo(1000, within(1e-9));
    }
}
