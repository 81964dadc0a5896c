package org.mepsc.bench;

import org.openjdk.jmh.annotations.AuxCounters;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/** Samples processed by a benchmark (read, or analysed), which JMH reports as a rate beside its own score. */
@State(Scope.Thread)
@AuxCounters(AuxCounters.Type.OPERATIONS)
public class SampleCounter {
    public long samples;

    @Setup(Level.Iteration)
    public void reset() {
        samples = 0;
    }
}
