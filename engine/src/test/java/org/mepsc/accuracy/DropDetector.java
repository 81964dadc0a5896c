package org.mepsc.accuracy;

import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.mepsc.detect.Detector;
import org.mepsc.detect.DetectorContext;
import org.mepsc.detect.Window;
import org.mepsc.filter.Fir;

/**
 * A plug-in detector as a method developer would write one (the README's example): the trace one
 * time-to-peak after a point minus the mean baseline before it, signed so that events of the run's
 * polarity give large values. Counts the samples it computes, so a test can see it was used.
 */
final class DropDetector implements Detector {

    final AtomicLong computed = new AtomicLong();
    private final int before;
    private final int toPeak;
    private final int sign;

    DropDetector(DetectorContext c) {
        before = Math.max(1, c.templatePre());
        toPeak = Math.max(1, (int) Math.round(c.template().peakTimeMs() * c.rateHz() / 1000));
        sign = c.polarity().sign();
    }

    @Override
    public String name() {
        return "drop";
    }

    @Override
    public List<Fir> kernels() {
        return List.of();
    }

    @Override
    public int reachBefore() {
        return before;
    }

    @Override
    public int reachAfter() {
        return toPeak + 1;
    }

    @Override
    public double onsetOffset() {
        return 0;
    }

    @Override
    public void statistic(Window x, List<Window> kernelOutputs, long from, int count, float[] out, int outOffset) {
        for (int i = 0; i < count; i++) {
            long p = from + i;
            long first = Math.max(x.origin(), p - before); // the trace starts at 0: fewer samples there
            double base = 0;
            for (long q = first; q < p; q++) {
                base += x.at(q);
            }
            base = p > first ? base / (p - first) : x.at(p);
            out[outOffset + i] = (float) (sign * (x.at(p + toPeak) - base));
        }
        computed.addAndGet(count);
    }
}
