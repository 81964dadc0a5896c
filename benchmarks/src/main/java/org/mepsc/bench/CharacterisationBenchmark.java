package org.mepsc.bench;

import java.util.concurrent.TimeUnit;
import org.mepsc.detect.Template;
import org.mepsc.detect.Window;
import org.mepsc.events.CharacterisationSettings;
import org.mepsc.events.EventCharacteriser;
import org.mepsc.events.Polarity;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Event characterisation (baseline, peak, 10–90 % rise, decay fit, half-width, charge) of
 * {@value #EVENTS} events on a trace at the detection rate, each with its neighbours as the
 * pipeline passes them. Scores are events per second; at 20 events/s of recording, divide by
 * 20 for the recording seconds per second it sustains.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Fork(1)
@Warmup(iterations = 2, time = 2)
@Measurement(iterations = 3, time = 2)
public class CharacterisationBenchmark {

    static final int EVENTS = 1000;

    /** Detection rate (the pipeline measures on the decimated trace: 12.5 kHz for 50 kHz recordings). */
    @Param({"10000", "20000"})
    double rateHz;

    private EventCharacteriser characteriser;
    private Window trace;
    private double[] onsets;

    @Setup
    public void setUp() {
        Template t = new Template(0.5, 4);
        characteriser = new EventCharacteriser(t, rateHz, Polarity.NEGATIVE, CharacterisationSettings.DEFAULT);
        int spacing = (int) (rateHz * 0.05);
        int n = (EVENTS + 2) * spacing;
        float[] x = BenchTraces.minis(n, rateHz, 0, 3);
        double[] shape = t.sampled(rateHz, 0, spacing);
        onsets = new double[EVENTS];
        for (int e = 0; e < EVENTS; e++) {
            int at = (e + 1) * spacing + (e % 7) * spacing / 10;
            onsets[e] = at;
            double a = 8 + (e % 13) * 3;
            for (int j = 0; j < spacing && at + j < n; j++) {
                x[at + j] -= (float) (a * shape[j]);
            }
        }
        trace = new Window(x, 0, n);
    }

    @Benchmark
    @OperationsPerInvocation(EVENTS)
    public double measure() {
        double sum = 0;
        double peakOffset = 0.5 * rateHz / 1000;
        for (int e = 0; e < EVENTS; e++) {
            double prev = e > 0 ? onsets[e - 1] : Double.NEGATIVE_INFINITY;
            double next = e + 1 < EVENTS ? onsets[e + 1] : Double.POSITIVE_INFINITY;
            org.mepsc.events.Measurement m = characteriser.measure(trace, onsets[e], prev, prev + peakOffset, next);
            sum += m.amplitude();
        }
        return sum;
    }
}
