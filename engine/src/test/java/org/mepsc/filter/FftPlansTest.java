package org.mepsc.filter;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.SplittableRandom;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * A run's plans: one per shape and direction, and a transform on a shared plan gives bit for bit
 * what one with a plan of its own gives, also after another transform has used the plan.
 */
class FftPlansTest {

    @ParameterizedTest
    @CsvSource({"8, 8, false", "16, 32, true", "128, 256, false", "256, 128, true"})
    void aSharedPlanTransformsAsAnOwnOne(int rows, int lanes, boolean inverse) {
        FftPlans plans = new FftPlans();
        RowFft.Plan plan = plans.plan(rows, lanes, inverse);
        assertThat(plans.plan(rows, lanes, inverse)).isSameAs(plan);
        assertThat(plans.plan(rows, lanes, !inverse)).isNotSameAs(plan);
        if (rows != lanes) {
            assertThat(plans.plan(lanes, rows, inverse)).isNotSameAs(plan);
        }

        SplittableRandom r = new SplittableRandom(rows * 7L + lanes);
        RowFft shared = new RowFft(plan);
        RowFft other = new RowFft(plans.plan(rows, lanes, inverse));
        RowFft own = new RowFft(rows, lanes, inverse);
        for (int round = 0; round < 2; round++) {
            float[][] re = rows(r, rows, lanes);
            float[][] im = rows(r, rows, lanes);
            float[][][] outs = new float[3][][];
            RowFft[] ffts = {shared, other, own};
            for (int k = 0; k < 3; k++) {
                float[][] outRe = new float[lanes][rows];
                float[][] outIm = new float[lanes][rows];
                ffts[k].transform(RowFftTest.copy(re), RowFftTest.copy(im), outRe, outIm);
                outs[k] = concat(outRe, outIm);
            }
            assertThat(outs[0]).isDeepEqualTo(outs[2]);
            assertThat(outs[1]).isDeepEqualTo(outs[2]);
        }
    }

    private static float[][] rows(SplittableRandom r, int rows, int lanes) {
        float[][] x = new float[rows][lanes];
        for (float[] row : x) {
            for (int l = 0; l < lanes; l++) {
                row[l] = (float) r.nextGaussian();
            }
        }
        return x;
    }

    private static float[][] concat(float[][] a, float[][] b) {
        float[][] c = new float[a.length + b.length][];
        System.arraycopy(a, 0, c, 0, a.length);
        System.arraycopy(b, 0, c, a.length, b.length);
        return c;
    }
}
