package org.mepsc.accuracy;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.mepsc.detect.Template;
import org.mepsc.pipeline.DetectionParameters;
import org.mepsc.recording.Recording;
import org.mepsc.score.Scorer;

/**
 * Detection scored at each value of one numeric parameter: the trade-off between precision and
 * recall, and the best setting. Where the parameter does not change how the template is learned
 * (threshold, amplitude floor), the template is learned once, at the first value, and the other
 * values run with it: the same results, without learning the template again. Values run in
 * parallel.
 */
public final class ParameterSweep {

    /** One value and how detection scored with it. */
    public record Point(double value, Trial trial) {
    }

    /**
     * @param parameter what was varied
     * @param points one per value, in the order given
     */
    public record Result(SweepParameter parameter, List<Point> points) {

        public Result {
            points = List.copyOf(points);
        }

        /** The value with the highest F1 (the first such value on a tie). */
        public Point best() {
            Point best = points.get(0);
            for (Point p : points) {
                if (p.trial().f1() > best.trial().f1() || Double.isNaN(best.trial().f1())) {
                    best = p;
                }
            }
            return best;
        }
    }

    private ParameterSweep() {
    }

    /**
     * @param base the settings of every run but the swept parameter
     * @param values the values to try, at least one
     * @param threads threads for the whole sweep (runs at once × threads per run)
     * @throws IllegalArgumentException if a value is not allowed for the parameter (before anything runs)
     */
    public static Result run(Recording recording, int channel, List<Integer> sweeps, DetectionParameters base,
            SweepParameter parameter, List<Double> values, Scorer scorer, int threads) throws IOException {
        if (values.isEmpty()) {
            throw new IllegalArgumentException("a sweep needs at least one value");
        }
        List<DetectionParameters> settings = new ArrayList<>();
        for (double v : values) {
            try {
                settings.add(parameter.apply(base, v));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException(parameter.optionName() + " = " + v + ": " + e.getMessage());
            }
        }
        List<Point> points = new ArrayList<>();
        int from = 0;
        if (parameter.keepsTemplate() && base.template() == null && settings.size() > 1) {
            Trial first = Trials.run(recording, channel, sweeps, settings.get(0), scorer, threads);
            points.add(new Point(values.get(0), first));
            Template learned = first.calibration().template();
            settings.replaceAll(p -> p.withTemplate(learned));
            from = 1;
        }
        List<Integer> rest = new ArrayList<>();
        for (int i = from; i < settings.size(); i++) {
            rest.add(i);
        }
        int atOnce = Math.max(1, Math.min(threads, rest.size()));
        int perRun = Math.max(1, threads / atOnce);
        List<Trial> trials = Parallel.map(rest, atOnce,
                i -> Trials.run(recording, channel, sweeps, settings.get(i), scorer, perRun));
        for (int k = 0; k < rest.size(); k++) {
            points.add(new Point(values.get(rest.get(k)), trials.get(k)));
        }
        return new Result(parameter, points);
    }
}
