package org.mepsc.sim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.io.IOException;
import java.util.Arrays;
import java.util.List;
import org.jtransforms.fft.DoubleFFT_1D;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.mepsc.events.Polarity;

/**
 * The simulator delivers the statistics it is asked for. Tolerances are about four standard
 * errors of each estimate (worked out in each test), so a correct simulator fails rarely and a
 * wrong scale or distribution fails surely.
 */
class SimulatorStatisticsTest {

    private static double median(double[] v) {
        double[] s = v.clone();
        Arrays.sort(s);
        int n = s.length;
        return n % 2 == 1 ? s[n / 2] : 0.5 * (s[n / 2 - 1] + s[n / 2]);
    }

    private static double mean(double[] v) {
        double m = 0;
        for (double x : v) {
            m += x;
        }
        return m / v.length;
    }

    private static double sd(double[] v) {
        double m = mean(v);
        double s = 0;
        for (double x : v) {
            s += (x - m) * (x - m);
        }
        return Math.sqrt(s / (v.length - 1));
    }

    private static double[] trace(SimulatedRecording r) throws IOException {
        float[] f = new float[(int) r.totalSamples()];
        r.read(0, 0, 0, f.length, f, 0);
        double[] d = new double[f.length];
        for (int i = 0; i < f.length; i++) {
            d[i] = f[i];
        }
        return d;
    }

    @ParameterizedTest
    @ValueSource(longs = {11, 12, 13})
    void eventRateAmplitudesAndKineticsAreWhatWasAsked(long seed) {
        // 2000 s at 5 Hz: N ≈ 10 000 events (truth only: no sample is computed)
        SimulationParameters p = SimulationParameters.defaults().withDurationS(2000).withRateHz(5)
                .withAmplitudeMedianPa(20).withAmplitudeCv(0.6).withKineticsMs(0.8, 6).withKineticsCv(0.3)
                .withSeed(seed);
        List<GroundTruthEvent> truth = Simulator.simulate(p).truth();
        int n = truth.size();
        // Poisson count: SD √10000 = 100
        assertThat((double) n).isCloseTo(10_000, within(400.0));
        double[] amp = truth.stream().mapToDouble(GroundTruthEvent::amplitudePa).toArray();
        double[] rise = truth.stream().mapToDouble(GroundTruthEvent::riseTauMs).toArray();
        double[] decay = truth.stream().mapToDouble(GroundTruthEvent::decayTauMs).toArray();
        // log-normal median: SE of log-median ≈ 1.25 σ/√n = 1.25·0.55/100 ≈ 0.007 → 4 SE ≈ 3 %
        assertThat(median(amp)).isCloseTo(20, within(0.6));
        // CV estimate: SE ≈ 0.01 at n = 10 000 for CV 0.6 (log-normal tails widen it), 4 SE ≈ 0.04
        assertThat(sd(amp) / mean(amp)).isCloseTo(0.6, within(0.04));
        assertThat(median(rise)).isCloseTo(0.8, within(0.8 * 0.02));
        assertThat(median(decay)).isCloseTo(6, within(6 * 0.02));
        assertThat(sd(rise) / mean(rise)).isCloseTo(0.3, within(0.02));
        assertThat(sd(decay) / mean(decay)).isCloseTo(0.3, within(0.02));
        // Poisson: inter-event intervals are exponential, CV 1 (SE ≈ 0.01)
        double[] isi = new double[n - 1];
        for (int i = 1; i < n; i++) {
            isi[i - 1] = truth.get(i).onsetS() - truth.get(i - 1).onsetS();
        }
        assertThat(sd(isi) / mean(isi)).isCloseTo(1.0, within(0.05));
        assertThat(truth).allSatisfy(e -> {
            assertThat(e.onsetS()).isBetween(0.0, 2000.0);
            assertThat(e.peakS()).isGreaterThan(e.onsetS());
            assertThat(e.decayTauMs()).isGreaterThan(e.riseTauMs());
        });
    }

    /**
     * SD over the whole trace (about its mean), root-mean-square over eight seeds. One seed's SD
     * scatters by about 0.3 % for white noise and 3 % when all noise is 1/f (its slowest rows
     * have few values per trace), so the mean of eight is good to ≈ 0.1–1 %; the tolerances are
     * about four times that.
     */
    @ParameterizedTest
    @CsvSource({
        "20000, 2000, 0.3, 2, 0.02",
        "20000, 2000, 0.0, 1, 0.01",
        "20000, 2000, 1.0, 3, 0.04",
        "10000, 1000, 0.5, 2, 0.03",
        "50000, 10000, 0.3, 4, 0.02",
        "20000, 0, 0.3, 2, 0.02",
        "20000, 20, 0.0, 2, 0.03",
    })
    void noiseHasTheRequestedSdAfterTheFilter(double fs, double lowpass, double pink, double sdPa, double tolerance)
            throws IOException {
        double sumVariance = 0;
        int seeds = 8;
        for (long seed = 1; seed <= seeds; seed++) {
            SimulationParameters p = SimulationParameters.defaults().withDurationS(20).withSampleRateHz(fs)
                    .withLowpassHz(lowpass).withRateHz(0).withPinkFraction(pink).withNoiseSdPa(sdPa)
                    .withHoldingPa(-30).withSeed(seed);
            double[] y = trace(Simulator.simulate(p));
            double sd = sd(y);
            sumVariance += sd * sd;
            assertThat(mean(y)).isCloseTo(-30, within(sdPa));
        }
        assertThat(Math.sqrt(sumVariance / seeds)).isCloseTo(sdPa, within(sdPa * tolerance));
    }

    @Test
    void whiteNoiseSdIsExactToAPercentWhenAveragedOverSeeds() throws IOException {
        double sum = 0;
        for (long seed = 1; seed <= 4; seed++) {
            SimulationParameters p = SimulationParameters.defaults().withDurationS(10).withRateHz(0)
                    .withPinkFraction(0).withNoiseSdPa(2.5).withSeed(seed);
            sum += sd(trace(Simulator.simulate(p)));
        }
        assertThat(sum / 4).isCloseTo(2.5, within(0.025));
    }

    /** Welch PSD (Hann, 50 % overlap) of a whole trace. Returns power per frequency bin 0..seg/2. */
    private static double[] welch(double[] y, int seg) {
        double[] window = new double[seg];
        for (int i = 0; i < seg; i++) {
            window[i] = 0.5 - 0.5 * Math.cos(2 * Math.PI * i / seg);
        }
        double[] psd = new double[seg / 2 + 1];
        DoubleFFT_1D fft = new DoubleFFT_1D(seg);
        double m = mean(y);
        int count = 0;
        for (int start = 0; start + seg <= y.length; start += seg / 2) {
            double[] buf = new double[seg];
            for (int i = 0; i < seg; i++) {
                buf[i] = (y[start + i] - m) * window[i];
            }
            fft.realForward(buf);
            psd[0] += buf[0] * buf[0];
            for (int k = 1; k < seg / 2; k++) {
                psd[k] += buf[2 * k] * buf[2 * k] + buf[2 * k + 1] * buf[2 * k + 1];
            }
            count++;
        }
        for (int k = 0; k < psd.length; k++) {
            psd[k] /= count;
        }
        return psd;
    }

    /** Least-squares slope of log10 PSD against log10 f over [f1, f2], on log-spaced band averages. */
    private static double logLogSlope(double[] psd, double fs, int seg, double f1, double f2) {
        int bands = 20;
        double[] lx = new double[bands];
        double[] ly = new double[bands];
        int used = 0;
        for (int b = 0; b < bands; b++) {
            double lo = f1 * Math.pow(f2 / f1, (double) b / bands);
            double hi = f1 * Math.pow(f2 / f1, (double) (b + 1) / bands);
            double s = 0;
            int n = 0;
            for (int k = (int) Math.ceil(lo * seg / fs); k < hi * seg / fs; k++) {
                s += psd[k];
                n++;
            }
            if (n > 0) {
                lx[used] = Math.log10(Math.sqrt(lo * hi));
                ly[used] = Math.log10(s / n);
                used++;
            }
        }
        double mx = 0;
        double my = 0;
        for (int i = 0; i < used; i++) {
            mx += lx[i] / used;
            my += ly[i] / used;
        }
        double sxy = 0;
        double sxx = 0;
        for (int i = 0; i < used; i++) {
            sxy += (lx[i] - mx) * (ly[i] - my);
            sxx += (lx[i] - mx) * (lx[i] - mx);
        }
        return sxy / sxx;
    }

    @ParameterizedTest
    @CsvSource({"21, 1.0, -1.0", "22, 1.0, -1.0", "23, 0.0, 0.0"})
    void pinkNoiseFallsAsOneOverF(long seed, double pink, double expectedSlope) throws IOException {
        double fs = 20_000;
        int seg = 1 << 16;
        SimulationParameters p = SimulationParameters.defaults().withDurationS(100).withRateHz(0)
                .withPinkFraction(pink).withLowpassHz(5000).withSeed(seed);
        double[] psd = welch(trace(Simulator.simulate(p)), seg);
        // 1–300 Hz: well above the 1/f floor (fs / 2^rows ≈ 0.08 Hz here) and below the filter
        double slope = logLogSlope(psd, fs, seg, 1, 300);
        assertThat(slope).isCloseTo(expectedSlope, within(0.12));
    }

    @Test
    void humHasTheRequestedAmplitudeAndHarmonics() throws IOException {
        SimulationParameters p = SimulationParameters.defaults().withDurationS(10).withRateHz(0)
                .withHumHz(60).withHumPa(4).withNoiseSdPa(2).withSeed(3);
        double[] y = trace(Simulator.simulate(p));
        // lock-in amplitude at each harmonic (10 s holds whole cycles of 60 Hz)
        double[] expected = {4, 0.4, 1.2, 0.2, 0.6};
        for (int h = 1; h <= 5; h++) {
            double c = 0;
            double s = 0;
            for (int i = 0; i < y.length; i++) {
                double ph = 2 * Math.PI * 60 * h * i / 20_000.0;
                c += y[i] * Math.cos(ph);
                s += y[i] * Math.sin(ph);
            }
            double amp = 2 * Math.hypot(c, s) / y.length;
            // 2 kHz Bessel passes 300 Hz at > 99 %; noise adds ≈ 2·√(2/N) ≈ 0.006 pA
            assertThat(amp).as("harmonic %d", h).isCloseTo(expected[h - 1], within(0.03 + 0.01 * expected[h - 1]));
        }
    }

    @Test
    void driftIsSlowWithTheRequestedRms() throws IOException {
        // averaged over seeds, as a few slow sinusoids over one trace vary a lot
        double sumSquares = 0;
        int seeds = 8;
        for (long seed = 1; seed <= seeds; seed++) {
            SimulationParameters p = SimulationParameters.defaults().withDurationS(600).withSampleRateHz(1000)
                    .withLowpassHz(100).withRateHz(0).withNoiseSdPa(0).withDriftPa(10).withHoldingPa(0)
                    .withSeed(seed);
            double[] y = trace(Simulator.simulate(p));
            double ss = 0;
            for (double v : y) {
                ss += v * v;
            }
            sumSquares += ss / y.length;
            // slow: no change of more than 0.01 pA from one millisecond to the next
            for (int i = 1; i < y.length; i++) {
                assertThat(Math.abs(y[i] - y[i - 1])).isLessThan(0.01);
            }
        }
        assertThat(Math.sqrt(sumSquares / seeds)).isCloseTo(10, within(3.0));
    }

    @Test
    void artefactsComeAtTheirRateAndShowInTheTraceButNotInTheEvents() throws IOException {
        SimulationParameters p = SimulationParameters.defaults().withDurationS(200).withRateHz(0)
                .withArtefactRateHz(2).withHoldingPa(0).withSeed(8);
        SimulatedRecording r = Simulator.simulate(p);
        assertThat(r.truth()).isEmpty();
        List<Artefact> arts = r.artefacts();
        assertThat((double) arts.size()).isCloseTo(400, within(80.0)); // SD 20
        long spikes = arts.stream().filter(a -> a.kind() == Artefact.Kind.SPIKE).count();
        assertThat((double) spikes).isCloseTo(arts.size() / 2.0, within(4 * Math.sqrt(arts.size() / 4.0)));
        double[] y = trace(r);
        for (Artefact a : arts) {
            int at = (int) Math.ceil(a.startS() * 20_000);
            int stop = Math.min(y.length, at + 40);
            double extreme = 0;
            for (int i = at; i < stop; i++) {
                extreme = Math.abs(y[i]) > Math.abs(extreme) ? y[i] : extreme;
            }
            // at least 20 pA against 2 pA noise, with the artefact's sign (spikes are blunted by the filter)
            assertThat(Math.abs(extreme)).isGreaterThan(10);
        }
    }

    @ParameterizedTest
    @CsvSource({"31, 2000, NEGATIVE", "32, 0, POSITIVE", "33, 1000, NEGATIVE"})
    void truthIsTheEventsOwnFilteredPeak(long seed, double lowpass, Polarity polarity) throws IOException {
        // No noise: around each isolated event the trace is that event alone.
        SimulationParameters p = SimulationParameters.defaults().withDurationS(100).withRateHz(1)
                .withNoiseSdPa(0).withHoldingPa(-20).withLowpassHz(lowpass).withPolarity(polarity).withSeed(seed);
        SimulatedRecording r = Simulator.simulate(p);
        double[] y = trace(r);
        List<GroundTruthEvent> truth = r.truth();
        int checked = 0;
        for (int k = 0; k < truth.size(); k++) {
            GroundTruthEvent e = truth.get(k);
            boolean isolated = (k == 0 || e.onsetS() - truth.get(k - 1).onsetS() > 0.2)
                    && (k == truth.size() - 1 || truth.get(k + 1).onsetS() - e.onsetS() > 0.05);
            if (!isolated) {
                continue;
            }
            int from = (int) (e.onsetS() * 20_000);
            int to = Math.min(y.length, from + 400);
            int best = from;
            for (int i = from; i < to; i++) {
                if (polarity.sign() * (y[i] - y[best]) > 0) {
                    best = i;
                }
            }
            double sampledPeak = polarity.sign() * (y[best] + 20);
            // the sampled extreme is within one sample of the refined peak time and a hair below its size
            assertThat(Math.abs(best / 20_000.0 - e.peakS())).isLessThanOrEqualTo(0.5 / 20_000 + 1e-9);
            assertThat(sampledPeak).isLessThanOrEqualTo(e.amplitudePa() * (1 + 1e-5))
                    .isGreaterThan(e.amplitudePa() * 0.99);
            checked++;
        }
        assertThat(checked).isGreaterThan(40);
    }
}
