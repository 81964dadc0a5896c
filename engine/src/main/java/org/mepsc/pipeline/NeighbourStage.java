package org.mepsc.pipeline;

import java.io.IOException;
import java.util.ArrayDeque;
import org.mepsc.events.Event;
import org.mepsc.events.EventSink;

/**
 * Adds what depends on neighbouring events, streaming: the interval from the previous accepted
 * event, and the overlap flag (another accepted event's onset within {@code window} of this
 * one's, before or after: this one rides on its decay, or is cut short by it). Holds back only the
 * events of the last {@code window} seconds.
 */
final class NeighbourStage implements EventSink {

    private final double window;
    private final EventSink next;
    private final ArrayDeque<Event> pending = new ArrayDeque<>();
    private int sweep = Integer.MIN_VALUE;
    private double lastAcceptedOnset = Double.NaN;
    private double lastAcceptedPeak = Double.NaN;

    NeighbourStage(double windowS, EventSink next) {
        this.window = windowS;
        this.next = next;
    }

    @Override
    public void accept(Event e) throws IOException {
        if (e.sweep() != sweep) {
            drain();
            sweep = e.sweep();
            lastAcceptedOnset = Double.NaN;
            lastAcceptedPeak = Double.NaN;
        }
        pending.add(e);
        while (!pending.isEmpty() && pending.peekFirst().onsetS() + window <= e.onsetS()) {
            release(pending.removeFirst());
        }
    }

    @Override
    public void finish() throws IOException {
        drain();
        next.finish();
    }

    private void drain() throws IOException {
        while (!pending.isEmpty()) {
            release(pending.removeFirst());
        }
    }

    private void release(Event x) throws IOException {
        boolean overlap = !Double.isNaN(lastAcceptedOnset) && x.onsetS() - lastAcceptedOnset < window;
        for (Event y : pending) {
            if (y.accepted() && Math.abs(y.onsetS() - x.onsetS()) < window) {
                overlap = true;
                break;
            }
        }
        double iei = Double.isNaN(lastAcceptedPeak) ? Double.NaN : (x.peakS() - lastAcceptedPeak) * 1000;
        next.accept(x.withNeighbours(iei, overlap));
        if (x.accepted()) {
            lastAcceptedOnset = x.onsetS();
            lastAcceptedPeak = x.peakS();
        }
    }
}
