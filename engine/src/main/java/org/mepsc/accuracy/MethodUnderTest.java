package org.mepsc.accuracy;

import java.util.Arrays;
import java.util.List;
import org.mepsc.detect.DetectorFactory;
import org.mepsc.pipeline.DetectionParameters;
import org.mepsc.pipeline.Method;

/**
 * A detection method as a benchmark runs it: its name in tables and plots, and its settings
 * (whatever the benchmark varies is set on top of these).
 */
public record MethodUnderTest(String name, DetectionParameters parameters) {

    public MethodUnderTest {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("a method under test needs a name");
        }
    }

    /** A built-in method at its default settings. */
    public static MethodUnderTest of(Method m) {
        return new MethodUnderTest(m.label(), DetectionParameters.defaults().withMethod(m));
    }

    /** A plugged-in detector at otherwise default settings. */
    public static MethodUnderTest of(DetectorFactory detector) {
        return new MethodUnderTest(detector.name(), DetectionParameters.defaults().withDetector(detector));
    }

    /** Every built-in method at its default settings, the default method first. */
    public static List<MethodUnderTest> builtIn() {
        Method first = DetectionParameters.defaults().method();
        return java.util.stream.Stream.concat(java.util.stream.Stream.of(first),
                Arrays.stream(Method.values()).filter(m -> m != first)).map(MethodUnderTest::of).toList();
    }
}
