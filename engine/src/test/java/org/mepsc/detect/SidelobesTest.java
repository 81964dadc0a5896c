package org.mepsc.detect;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.SplittableRandom;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.mepsc.filter.Fir;

/** The detector's response to one event is the convolution's definition, bit for bit. */
class SidelobesTest {

    /** Every tap against every sample, the out-of-range pairs skipped, in rising order of tap. */
    private static double[] definition(Fir kernel, double[] event) {
        double[] r = new double[event.length + kernel.length() - 1];
        for (int i = 0; i < r.length; i++) {
            double s = 0;
            for (int k = 0; k < kernel.length(); k++) {
                int e = i - k;
                if (e >= 0 && e < event.length) {
                    s += kernel.tap(kernel.first() + k) * event[e];
                }
            }
            r[i] = s;
        }
        return r;
    }

    /**
     * Kernels shorter and longer than the event, one of each being one sample, taps before zero, and
     * short ones whose entries the four-at-a-time sums split in every way.
     */
    @ParameterizedTest
    @CsvSource({"1, 1, 0", "1, 50, 0", "50, 1, -3", "7, 300, -3", "300, 7, 0", "2677, 480, -1338", "480, 2677, -200",
            "64, 64, 5", "2, 2, 0", "3, 4, 0", "4, 3, -1", "5, 5, 0", "2, 9, 0", "9, 2, 0", "6, 7, 1"})
    void responseIsTheConvolution(int taps, int samples, int first) {
        SplittableRandom r = new SplittableRandom(taps * 31L + samples);
        double[] t = new double[taps];
        for (int i = 0; i < taps; i++) {
            t[i] = r.nextGaussian() / Math.sqrt(taps);
        }
        double[] event = new double[samples];
        for (int i = 0; i < samples; i++) {
            event[i] = (1 - Math.exp(-i / 3.0)) * Math.exp(-i / 40.0) + 1e-3 * r.nextGaussian();
        }
        Fir kernel = new Fir(t, first);
        double[] got = Sidelobes.response(kernel, event);
        double[] want = definition(kernel, event);
        assertThat(got).hasSize(want.length);
        for (int i = 0; i < want.length; i++) {
            assertThat(Double.doubleToRawLongBits(got[i])).as("entry %d", i).isEqualTo(Double.doubleToRawLongBits(want[i]));
        }
    }
}
