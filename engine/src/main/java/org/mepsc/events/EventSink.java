package org.mepsc.events;

import java.io.IOException;

/** Receives events one by one, in time order within each sweep, sweeps in order. */
public interface EventSink {

    void accept(Event event) throws IOException;

    /** Called once after the last event. */
    default void finish() throws IOException {
    }

    /** Both sinks, in turn. */
    static EventSink both(EventSink a, EventSink b) {
        return new EventSink() {
            @Override
            public void accept(Event event) throws IOException {
                a.accept(event);
                b.accept(event);
            }

            @Override
            public void finish() throws IOException {
                a.finish();
                b.finish();
            }
        };
    }
}
