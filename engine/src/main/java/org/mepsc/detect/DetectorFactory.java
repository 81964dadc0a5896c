package org.mepsc.detect;

import java.util.Objects;
import java.util.function.Function;

/**
 * Makes the {@link Detector} of a run, once its template and detection rate are known: how a
 * detector that is not built in takes part in detection, sweeps and benchmarks. Pass one to
 * {@code DetectionParameters.withDetector}; the run then learns its template and noise as usual and
 * scans with this detector instead of the method's.
 *
 * <pre>{@code
 * DetectorFactory mine = DetectorFactory.of("slope", SlopeDetector::new);   // SlopeDetector(DetectorContext)
 * }</pre>
 */
public interface DetectorFactory {

    /** The detector's name in tables, plots and summaries. */
    String name();

    /** The run's detector; called once per run (and once per calibration pass). */
    Detector create(DetectorContext context);

    /** Threshold, in noise SDs of the statistic, when the user gives none. */
    default double defaultThreshold() {
        return 5;
    }

    /** A factory from a name and a constructor (or any function), with the default threshold 5. */
    static DetectorFactory of(String name, Function<DetectorContext, Detector> create) {
        return of(name, 5, create);
    }

    static DetectorFactory of(String name, double defaultThreshold, Function<DetectorContext, Detector> create) {
        return new Named(name, defaultThreshold, create);
    }

    /** The factory {@link #of} makes (in settings written as JSON: its name and default threshold). */
    record Named(String name, double defaultThreshold,
            @com.fasterxml.jackson.annotation.JsonIgnore Function<DetectorContext, Detector> constructor)
            implements DetectorFactory {

        public Named {
            if (name == null || name.isBlank()) {
                throw new IllegalArgumentException("a detector needs a name");
            }
            if (!(defaultThreshold > 0 && defaultThreshold < 1000)) {
                throw new IllegalArgumentException("default threshold must be a positive number of noise SDs, got "
                        + defaultThreshold);
            }
            Objects.requireNonNull(constructor, "constructor");
        }

        @Override
        public Detector create(DetectorContext context) {
            return Objects.requireNonNull(constructor.apply(context), () -> name + " made no detector");
        }
    }
}
