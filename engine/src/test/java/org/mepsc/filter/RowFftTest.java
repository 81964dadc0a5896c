package org.mepsc.filter;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.SplittableRandom;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The filter bank's complex FFT against the plain DFT, in its row layout. */
class RowFftTest {

    private static float[][] randomRows(SplittableRandom r, int rows, int lanes) {
        float[][] x = new float[rows][lanes];
        for (float[] row : x) {
            for (int l = 0; l < lanes; l++) {
                row[l] = (float) (r.nextGaussian() + 3);
            }
        }
        return x;
    }

    /** A deep copy of rows (also for {@link ButterfliesTest}). */
    static float[][] copy(float[][] x) {
        float[][] c = new float[x.length][];
        for (int i = 0; i < x.length; i++) {
            c[i] = x[i].clone();
        }
        return c;
    }

    @ParameterizedTest
    @CsvSource({"8, 8, false", "16, 8, true", "8, 32, false", "32, 16, true", "64, 64, false", "32, 64, true"})
    void binsEqualThePlainDft(int rows, int lanes, boolean inverse) {
        SplittableRandom r = new SplittableRandom(rows * 31L + lanes);
        int n = rows * lanes;
        float[][] re = randomRows(r, rows, lanes);
        float[][] im = randomRows(r, rows, lanes);
        double[] xr = new double[n];
        double[] xi = new double[n];
        for (int j = 0; j < n; j++) {
            xr[j] = re[j / lanes][j % lanes];
            xi[j] = im[j / lanes][j % lanes];
        }
        float[][] outRe = new float[lanes][rows];
        float[][] outIm = new float[lanes][rows];
        new RowFft(rows, lanes, inverse).transform(re, im, outRe, outIm);
        double sign = inverse ? 1 : -1;
        double worst = 0;
        double scale = 0;
        for (int k = 0; k < n; k++) {
            double sr = 0;
            double si = 0;
            for (int j = 0; j < n; j++) {
                double a = sign * 2 * Math.PI * ((long) j * k % n) / n;
                sr += xr[j] * Math.cos(a) - xi[j] * Math.sin(a);
                si += xr[j] * Math.sin(a) + xi[j] * Math.cos(a);
            }
            worst = Math.max(worst, Math.hypot(outRe[k / rows][k % rows] - sr, outIm[k / rows][k % rows] - si));
            scale = Math.max(scale, Math.hypot(sr, si));
        }
        // float rounding through log2(n) stages: a few parts in a million of the largest bin
        assertThat(worst).isLessThan(1e-5 * scale);
    }

    /**
     * The output rows are references reordered on each call; a second and third transform with
     * the same storage must give the same values, bit for bit, and the inverse must undo the
     * forward transform (times n).
     */
    @ParameterizedTest
    @CsvSource({"16, 32", "64, 128"})
    void repeatedTransformsAgreeAndTheInverseUndoesThem(int rows, int lanes) {
        SplittableRandom r = new SplittableRandom(rows + lanes);
        float[][] re = randomRows(r, rows, lanes);
        float[][] im = randomRows(r, rows, lanes);
        RowFft forward = new RowFft(rows, lanes, false);
        float[][] outRe = new float[lanes][rows];
        float[][] outIm = new float[lanes][rows];
        float[][] first = null;
        for (int round = 0; round < 3; round++) {
            forward.transform(copy(re), copy(im), outRe, outIm);
            if (first == null) {
                first = copy(outRe);
            } else {
                for (int k = 0; k < lanes; k++) {
                    assertThat(outRe[k]).as("round %d, row %d", round, k).containsExactly(first[k]);
                }
            }
        }
        // the forward output (lanes rows of `rows`) is the inverse's input as it stands
        float[][] backRe = new float[rows][lanes];
        float[][] backIm = new float[rows][lanes];
        new RowFft(lanes, rows, true).transform(outRe, outIm, backRe, backIm);
        int n = rows * lanes;
        double worst = 0;
        for (int j = 0; j < n; j++) {
            // the inverse's output index t sits at row t / lanes, lane t % lanes; the forward's bins
            // were k = k2·rows + k1, so the inverse of that layout returns x in its own order
            worst = Math.max(worst, Math.abs(backRe[j / lanes][j % lanes] / n - re[j / lanes][j % lanes]));
            worst = Math.max(worst, Math.abs(backIm[j / lanes][j % lanes] / n - im[j / lanes][j % lanes]));
        }
        assertThat(worst).isLessThan(1e-5);
    }
}
