package org.mepsc.pipeline;

import java.util.List;
import java.util.SplittableRandom;
import org.mepsc.detect.Template;
import org.mepsc.recording.ArrayRecording;

/**
 * A seeded 20 kHz test trace (noise and a few inward steps of events) with the template setup
 * calibration would scan it with, for tests of one worker's scan.
 *
 * @param random the generator after making the trace, for the test's own draws
 */
record TemplateScene(float[] trace, ArrayRecording recording, ScanSetup setup, SplittableRandom random) {

    static TemplateScene of(long seed, int samples) {
        SplittableRandom r = new SplittableRandom(seed);
        double fs = 20_000;
        float[] x = new float[samples];
        for (int i = 0; i < x.length; i++) {
            x[i] = (float) (2 * r.nextGaussian() - 40 + (r.nextInt(3000) == 0 ? -25 : 0));
        }
        Conditioning c = Conditioning.design(fs, LowPassKind.GAUSSIAN, 2000, 0, List.of());
        ScanSetup setup = SetupFactory.forCalibration(c, DetectionParameters.defaults(), Method.TEMPLATE,
                new Template(0.5, 4), new RawNoise(1, 1, 50), x.length, null);
        return new TemplateScene(x, ArrayRecording.singleCurrent("I", fs, x), setup, r);
    }

    /** A worker's scanner of the trace, with no stored or shared blocks. */
    ChunkScanner scanner() {
        return new ChunkScanner(recording, 0, setup, null, null, null, null);
    }
}
