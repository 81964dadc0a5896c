package org.mepsc.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.mepsc.events.Event;
import org.mepsc.testing.SyntheticMinis;

class DetectionSmokeTest {

    @Test
    void findsClearEvents() throws IOException {
        SyntheticMinis s = SyntheticMinis.make(1, 30, 20_000, 5, 20, 2, 0.4, 4);
        List<Event> events = new ArrayList<>();
        DetectionRun.Result r = DetectionRun.run(s.recording(), 0, List.of(), DetectionParameters.defaults(),
                new Execution(2, 1 << 15), events::add);
        List<Double> onsets = events.stream().filter(Event::accepted).map(Event::onsetS).toList();
        int hits = s.matched(onsets, 0.0015);
        System.out.println(r.calibration());
        System.out.println("true " + s.onsetsS.size() + " detected " + onsets.size() + " all " + events.size() + " matched " + hits
                + " analysed " + r.analysedSeconds());
        events.stream().filter(e -> !e.accepted()).limit(10).forEach(System.out::println);
        assertThat(hits).isGreaterThan((int) (0.9 * s.onsetsS.size()));
        assertThat(onsets.size()).isLessThan((int) (1.1 * s.onsetsS.size()));
    }
}
