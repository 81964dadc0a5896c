package org.mepsc.accuracy;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.mepsc.json.Json;
import org.mepsc.recording.RecordingFormatException;
import org.mepsc.score.EventList;
import org.mepsc.score.EventTableReader;
import org.mepsc.score.MatchOn;

/**
 * The public recordings with known events from the Eventer paper (Winchester, Steele et al. 2024,
 * Front Neuroinform), as the shared test data holds them: Train1 and Train2 (real noise plus 40
 * simulated mEPSCs each, onset times in {@code *_EventTimes.txt}) and GroupA (a real recording with
 * the events at least 3 of 5 users marked; declared in mV but holding current in mA).
 */
public final class EventerData {

    /** Matching tolerance of the Eventer paper for the labelled recording. */
    public static final double GROUP_A_TOLERANCE_MS = 1.2;

    private EventerData() {
    }

    /** The checks whose files are in {@code dir} (none if it holds none of them). */
    public static List<RealDataCheck> checks(Path dir, double toleranceMs) throws IOException {
        List<RealDataCheck> out = new ArrayList<>();
        for (String train : List.of("Train1", "Train2")) {
            Path abf = dir.resolve("eventer_" + train + "_Simulation.abf");
            Path times = dir.resolve("eventer_" + train + "_EventTimes.txt");
            if (Files.isRegularFile(abf) && Files.isRegularFile(times)) {
                out.add(new RealDataCheck("Eventer " + train, abf, Optional.empty(), EventTableReader.read(times),
                        toleranceMs, MatchOn.ONSET, "real noise + 40 simulated events (onsets)"));
            }
        }
        Path groupA = dir.resolve("eventer_GroupA.abf");
        Path labels = dir.resolve("eventer_GroupA.labels.json");
        if (Files.isRegularFile(groupA) && Files.isRegularFile(labels)) {
            out.add(new RealDataCheck("Eventer GroupA", groupA, Optional.of("mA"), consensus(labels),
                    GROUP_A_TOLERANCE_MS, MatchOn.ONSET, "consensus of 5 users' labels (>= 3 of 5)"));
        }
        return out;
    }

    /** The {@code consensus_manual.event_times_s} of a labels file. */
    static EventList consensus(Path labels) throws IOException {
        JsonNode root;
        try {
            root = Json.mapper().readTree(labels.toFile());
        } catch (IOException e) {
            throw new RecordingFormatException(labels, "not a labels JSON file: " + e.getMessage().lines().findFirst().orElse(""));
        }
        JsonNode times = root == null ? null : root.path("consensus_manual").path("event_times_s");
        if (times == null || !times.isArray()) {
            throw new RecordingFormatException(labels, "no consensus_manual.event_times_s list");
        }
        double[] t = new double[times.size()];
        for (int i = 0; i < t.length; i++) {
            if (!times.get(i).isNumber()) {
                throw new RecordingFormatException(labels, "event time " + (i + 1) + " is not a number");
            }
            t[i] = times.get(i).asDouble();
        }
        return EventList.ofOnsets(t).withName(labels.toString());
    }
}
