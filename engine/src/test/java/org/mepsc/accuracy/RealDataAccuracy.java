package org.mepsc.accuracy;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.mepsc.events.Event;
import org.mepsc.io.RecordingReaders;
import org.mepsc.json.Json;
import org.mepsc.pipeline.DetectionParameters;
import org.mepsc.pipeline.DetectionRun;
import org.mepsc.pipeline.Execution;
import org.mepsc.recording.ArrayRecording;
import org.mepsc.recording.Channel;
import org.mepsc.recording.Recording;
import org.mepsc.score.EventList;
import org.mepsc.score.MatchOn;
import org.mepsc.score.Score;
import org.mepsc.score.Scorer;

/**
 * F1 on the real recordings with known events in {@code ../shared/testdata/real} (docs/accuracy.md
 * gives the command): the Eventer training files (real whole-cell noise plus 40 simulated mEPSCs,
 * onset times known) and Eventer's GroupA sEPSC recording with the consensus of five people's
 * marks. Arguments: the folder.
 */
public final class RealDataAccuracy {

    public static void main(String[] args) throws IOException {
        Path dir = Path.of(args.length > 0 ? args[0] : "../shared/testdata/real");
        System.out.println("| recording | truth | events | detected | tolerance | precision | recall | F1 | template τr/τd ms | threshold |");
        System.out.println("|---|---|---|---|---|---|---|---|---|---|");
        for (String train : List.of("Train1", "Train2")) {
            Path abf = dir.resolve("eventer_" + train + "_Simulation.abf");
            List<Double> onsets = new ArrayList<>();
            for (String line : Files.readAllLines(dir.resolve("eventer_" + train + "_EventTimes.txt"))) {
                if (!line.isBlank()) {
                    // 1-based MATLAB sample index / 40 kHz: the 0-based onset sample is round(t·fs) − 1
                    onsets.add((Math.round(Double.parseDouble(line.trim()) * 40_000) - 1) / 40_000.0);
                }
            }
            try (Recording r = RecordingReaders.openFile(abf)) {
                report(abf.getFileName().toString(), "simulated onsets", r, onsets, MatchOn.ONSET);
            }
        }
        Path group = dir.resolve("eventer_GroupA.abf");
        JsonNode labels = Json.mapper().readTree(dir.resolve("eventer_GroupA.labels.json").toFile());
        List<Double> consensus = new ArrayList<>();
        labels.get("consensus_manual").get("event_times_s").forEach(n -> consensus.add(n.asDouble()));
        try (Recording r = RecordingReaders.openFile(group)) {
            report(group.getFileName().toString(), "consensus of 5 users", picoamperes(r, 1e9), consensus, MatchOn.ONSET);
        }
    }

    /** The file declares mV but holds current in units of 1e-3 A (SOURCES.md): rescaled to pA. */
    static Recording picoamperes(Recording r, double factor) throws IOException {
        int n = (int) r.sweep(0).length();
        float[] x = new float[n];
        r.read(0, 0, 0, n, x, 0);
        for (int i = 0; i < n; i++) {
            x[i] *= (float) factor;
        }
        return new ArrayRecording(r.metadata(), List.of(Channel.of(0, "Im", "pA")), r.sampleRateHz(), new float[][][] {{x}});
    }

    static void report(String name, String truthName, Recording r, List<Double> truth, MatchOn on) throws IOException {
        List<Event> events = new ArrayList<>();
        DetectionRun.Result res = DetectionRun.run(r, 0, List.of(), DetectionParameters.defaults(), Execution.defaults(), events::add);
        List<Event> acc = events.stream().filter(Event::accepted).toList();
        double[] t = truth.stream().mapToDouble(Double::doubleValue).toArray();
        for (double tol : new double[] {0.0015, 0.003}) {
            Scorer scorer = new Scorer(EventList.ofOnsets(t), tol, on);
            Score s = scorer.score(EventList.of(acc.stream().mapToDouble(Event::onsetS).toArray(),
                    acc.stream().mapToDouble(Event::peakS).toArray(), null));
            System.out.printf(Locale.ROOT, "| %s | %s | %d | %d | %.1f ms (%s) | %.3f | %.3f | %.3f | %.2f/%.2f %s | %.2f |%n",
                    name, truthName, t.length, acc.size(), tol * 1000, on.name().toLowerCase(Locale.ROOT),
                    s.precision(), s.recall(), s.f1(), res.calibration().template().riseMs(),
                    res.calibration().template().decayMs(), res.calibration().templateSource(), res.calibration().threshold());
        }
    }
}
