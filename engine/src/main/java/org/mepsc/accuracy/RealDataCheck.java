package org.mepsc.accuracy;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.mepsc.io.RecordingReaders;
import org.mepsc.recording.Recording;
import org.mepsc.recording.UnitOverride;
import org.mepsc.score.EventList;
import org.mepsc.score.MatchOn;
import org.mepsc.score.Scorer;

/**
 * A recording whose events are known from elsewhere (semi-synthetic ground truth or human labels),
 * scored like a simulated scenario.
 *
 * @param name short name for tables
 * @param recording the recording (its first current channel is analysed, else channel 0)
 * @param assumeUnit a unit to read the recording in instead of the declared one, for mislabelled files
 * @param truth the known events
 * @param toleranceMs matching tolerance
 * @param matchOn which times to match (onsets when the truth has only onsets)
 * @param about where the truth comes from, in a few words
 */
public record RealDataCheck(String name, Path recording, Optional<String> assumeUnit, EventList truth, double toleranceMs,
        MatchOn matchOn, String about) {

    /** Opens the recording, in the assumed unit if one is given. */
    public Recording open() throws IOException {
        Recording r = RecordingReaders.openFile(recording);
        return assumeUnit.isPresent() ? UnitOverride.of(r, assumeUnit.get()) : r;
    }

    /** Detects with {@code method} and scores against the truth. */
    public Trial run(MethodUnderTest method, int threads) throws IOException {
        try (Recording r = open()) {
            int channel = r.channels().stream().filter(c -> c.isCurrent()).findFirst().map(c -> c.index()).orElse(0);
            EventList t = truth.durationS().isPresent() ? truth : truth.withDurationS(r.totalDurationS());
            return Trials.run(r, channel, List.of(), method.parameters(), new Scorer(t, toleranceMs / 1000, matchOn), threads);
        }
    }
}
