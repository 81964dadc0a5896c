package org.mepsc.accuracy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mepsc.recording.Recording;
import org.mepsc.recording.RecordingFormatException;
import org.mepsc.score.MatchOn;
import org.mepsc.testing.RealData;

class EventerDataTest {

    @TempDir
    Path dir;

    @Test
    void readsTheConsensusLabels() throws IOException {
        Path labels = dir.resolve("l.json");
        Files.writeString(labels, "{\"users\": {}, \"consensus_manual\": {\"rule\": \"x\", \"event_times_s\": [0.5, 1.25]}}");
        var events = EventerData.consensus(labels);
        assertThat(events.size()).isEqualTo(2);
        assertThat(events.onsetS(1)).isEqualTo(1.25);
        assertThat(events.hasPeaks()).isFalse();
    }

    @Test
    void aBrokenLabelsFileIsOneLineNamingIt() throws IOException {
        Path labels = dir.resolve("l.json");
        Files.writeString(labels, "{\"consensus_manual\": {\"event_times_s\": [0.5, \"x\"]}}");
        assertThatThrownBy(() -> EventerData.consensus(labels)).isInstanceOf(RecordingFormatException.class)
                .hasMessageContaining("l.json").hasMessageContaining("event time 2");
        Files.writeString(labels, "{\"users\": ");
        assertThatThrownBy(() -> EventerData.consensus(labels)).isInstanceOf(RecordingFormatException.class)
                .hasMessageContaining("not a labels JSON file").satisfies(e -> assertThat(e.getMessage()).doesNotContain("\n"));
        Files.writeString(labels, "[]");
        assertThatThrownBy(() -> EventerData.consensus(labels)).hasMessageContaining("no consensus_manual.event_times_s");
        assertThat(EventerData.checks(dir, 1.5)).isEmpty();
    }

    @Test
    void findsTheThreeEventerRecordingsWithTheirTruth() throws IOException {
        Path real = RealData.dir();
        var checks = EventerData.checks(real, 1.5);
        assertThat(checks).extracting(RealDataCheck::name).containsExactly("Eventer Train1", "Eventer Train2", "Eventer GroupA");
        RealDataCheck groupA = checks.get(2);
        assertThat(groupA.truth().size()).isEqualTo(57);
        assertThat(groupA.toleranceMs()).isEqualTo(1.2);
        assertThat(groupA.matchOn()).isEqualTo(MatchOn.ONSET);
        assertThat(checks.get(0).truth().size()).isEqualTo(40);
        try (Recording r = groupA.open()) {
            assertThat(r.channel(0).isCurrent()).isTrue();
            float[] v = new float[2000];
            r.read(0, 0, 0, v.length, v, 0);
            double mean = 0;
            for (float x : v) {
                mean += x / v.length;
            }
            assertThat(mean).as("holding current in pA").isBetween(-80.0, -30.0);
        }
    }
}
