package org.mepsc.filter;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.SplittableRandom;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.mepsc.trace.ArrayTrace;
import org.mepsc.trace.Trace;

class HalfBandDecimatorTest {

    /** The cascade computed the slow way: each level in doubles, its ends repeated, written from the formula. */
    private static double[] reference(float[] x, HalfBandDecimator design) {
        double[] level = new double[x.length];
        for (int i = 0; i < x.length; i++) {
            level[i] = x[i];
        }
        for (HalfBand stage : design.stages()) {
            double[] h = stage.pairTaps();
            double[] next = new double[(level.length + 1) / 2];
            for (int n = 0; n < next.length; n++) {
                double y = 0.5 * level[2 * n];
                for (int p = 0; p < h.length; p++) {
                    y += h[p] * (at(level, 2 * n - 2 * p - 1) + at(level, 2 * n + 2 * p + 1));
                }
                next[n] = y;
            }
            level = next;
        }
        return level;
    }

    private static double at(double[] v, long i) {
        return v[(int) Math.min(v.length - 1, Math.max(0, i))];
    }

    @ParameterizedTest
    @CsvSource({"2, 20011", "4, 50000", "8, 40961", "4, 7"})
    void eachOutputIsTheCascadeOfItsInputsWithTheEndsRepeated(int decimation, int n) throws IOException {
        HalfBandDecimator design = HalfBandDecimator.of(decimation);
        float[] x = SpectralBankTest.noise(decimation * 31L + n, n);
        Trace t = design.over(new ArrayTrace(x, 20_000));
        double[] expected = reference(x, design);
        assertThat(t.length()).isEqualTo(expected.length).isEqualTo((n + decimation - 1) / decimation);
        assertThat(t.sampleRateHz()).isEqualTo(20_000.0 / decimation);
        float[] got = new float[expected.length];
        t.read(0, got.length, got, 0);
        for (int i = 0; i < got.length; i++) {
            // float arithmetic on values near −40: a few ulps of the sum
            assertThat((double) got[i]).as("output %d", i).isCloseTo(expected[i], org.assertj.core.data.Offset.offset(2e-4));
        }
    }

    @ParameterizedTest
    @ValueSource(ints = {2, 4, 8})
    void readsInAnyPiecesGiveTheSameValues(int decimation) throws IOException {
        float[] x = SpectralBankTest.noise(decimation, 300_001);
        HalfBandDecimator design = HalfBandDecimator.of(decimation);
        Trace whole = design.over(new ArrayTrace(x, 50_000));
        int m = (int) whole.length();
        float[] once = new float[m];
        whole.read(0, m, once, 0);
        SplittableRandom r = new SplittableRandom(decimation);
        Trace pieces = design.over(new ArrayTrace(x, 50_000));
        float[] joined = new float[m];
        for (int start = 0; start < m;) {
            int count = Math.min(m - start, 1 + r.nextInt(9000));
            pieces.read(start, count, joined, start);
            start += count;
        }
        assertThat(joined).isEqualTo(once);
        float[] late = new float[100];
        design.over(new ArrayTrace(x, 50_000)).read(m - 100, 100, late, 0);
        for (int i = 0; i < 100; i++) {
            assertThat(late[i]).isEqualTo(once[m - 100 + i]);
        }
    }

    /**
     * A sine wave in the last stage's flat band comes through unchanged; one that the decimation
     * would fold onto that band is gone. Both read from the response and from the filtered trace.
     */
    @ParameterizedTest
    @ValueSource(ints = {2, 4, 8})
    void flatBandPassesAndWhatWouldFoldOntoItIsRemoved(int decimation) throws IOException {
        double fs = 10_000.0 * decimation;
        double outRate = fs / decimation;
        HalfBandDecimator design = HalfBandDecimator.of(decimation);
        FrequencyResponse response = design.response(fs);
        double[] out = new double[2];
        double limit = Math.pow(10, -HalfBandDecimator.ATTENUATION_DB / 20);
        for (double f = 0; f <= 0.4 * outRate; f += outRate / 200) {
            response.at(f, out);
            assertThat(Math.abs(out[0] - 1)).as("pass band at %.0f Hz", f).isLessThan(2 * limit);
            // whatever lies at k·outRate ± f in the input lands on f
            for (int k = 1; k <= decimation / 2; k++) {
                for (double image : new double[] {k * outRate - f, k * outRate + f}) {
                    if (image <= fs / 2) {
                        response.at(image, out);
                        assertThat(Math.abs(out[0])).as("image of %.0f Hz at %.0f Hz", f, image).isLessThan(2 * limit);
                    }
                }
            }
        }
        assertThat(amplitudeAfter(design, fs, 0.3 * outRate)).isCloseTo(1, org.assertj.core.data.Offset.offset(1e-3));
        assertThat(amplitudeAfter(design, fs, outRate - 0.3 * outRate)).isLessThan(1e-3);
    }

    /** Amplitude of a unit sine at {@code f} after decimation: its projection on a sine and cosine at the output's frequency, away from the ends. */
    private static double amplitudeAfter(HalfBandDecimator design, double fs, double f) throws IOException {
        int n = 1 << 16;
        float[] x = new float[n];
        for (int i = 0; i < n; i++) {
            x[i] = (float) Math.sin(2 * Math.PI * f * i / fs);
        }
        Trace t = design.over(new ArrayTrace(x, fs));
        float[] y = new float[(int) t.length()];
        t.read(0, y.length, y, 0);
        double rate = t.sampleRateHz();
        double alias = Math.abs(f - rate * Math.rint(f / rate));
        double s = 0;
        double c = 0;
        int from = y.length / 4;
        int to = from + (int) (Math.round((y.length / 2) * alias / rate) * rate / alias);
        for (int i = from; i < to; i++) {
            s += y[i] * Math.sin(2 * Math.PI * alias * i / rate);
            c += y[i] * Math.cos(2 * Math.PI * alias * i / rate);
        }
        return 2 * Math.hypot(s, c) / (to - from);
    }
}
