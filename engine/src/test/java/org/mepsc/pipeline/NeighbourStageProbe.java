package org.mepsc.pipeline;

import java.io.IOException;
import org.mepsc.events.Event;
import org.mepsc.events.EventSink;

/** Test access to the package-private {@link NeighbourStage}. */
public final class NeighbourStageProbe implements EventSink {

    private final NeighbourStage stage;

    public NeighbourStageProbe(double windowS, EventSink next) {
        this.stage = new NeighbourStage(windowS, next);
    }

    @Override
    public void accept(Event e) throws IOException {
        stage.accept(e);
    }

    @Override
    public void finish() throws IOException {
        stage.finish();
    }
}
