package org.mepsc.cli;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.mepsc.json.Json;
import org.mepsc.score.EventList;
import org.mepsc.score.EventTableReader;
import org.mepsc.score.MatchOn;
import org.mepsc.score.Score;
import org.mepsc.score.Scorer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(name = "score", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Score detected events against ground truth: recall, precision, F1, amplitude, frequency and timing errors.",
            "Detections and true events are matched one to one within the tolerance (the most matches, then the smallest total time difference),"
                + " on peak times when both tables have them, otherwise on onsets."})
final class ScoreCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "DETECTED", description = "Detected events: mepsc's events CSV, a table with a time column, or one time (s) per line.")
    Path detected;

    @Parameters(index = "1", paramLabel = "TRUTH", description = "True events: a .truth.csv from mepsc simulate, or any table DETECTED may be.")
    Path truth;

    @Option(names = "--tolerance-ms", paramLabel = "MS", defaultValue = "1.5",
            description = "Largest time difference of a match, inclusive (default: ${DEFAULT-VALUE}).")
    double toleranceMs;

    @Option(names = "--match", paramLabel = "ON", defaultValue = "auto",
            description = "Times to match: ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}: peak if both tables have peaks, else onset).")
    MatchOn match;

    @Option(names = "--duration-s", paramLabel = "S",
            description = "Duration for frequencies in Hz (default: the truth table's # duration_s= line).")
    Double durationS;

    @Option(names = "--json", description = "Print JSON for scripts instead of text.")
    boolean json;

    @Option(names = "--debug", description = "Show stack traces of errors.")
    boolean debug;

    @Override
    public Integer call() throws Exception {
        if (!(toleranceMs >= 0 && toleranceMs <= 1000)) {
            throw new UsageError("--tolerance-ms must be between 0 and 1000 (got " + toleranceMs + ")");
        }
        if (durationS != null && !(durationS > 0 && durationS < 1e9)) {
            throw new UsageError("--duration-s must be positive (got " + durationS + ")");
        }
        EventList truthEvents = EventTableReader.read(truth);
        EventList detectedEvents = EventTableReader.read(detected);
        if (durationS != null) {
            truthEvents = truthEvents.withDurationS(durationS);
        }
        Score score = new Scorer(truthEvents, toleranceMs * 1e-3, match).score(detectedEvents);
        PrintWriter out = spec.commandLine().getOut();
        if (json) {
            ObjectNode o = Json.object();
            o.put("detected_file", detected.toString());
            o.put("truth_file", truth.toString());
            o.setAll(score.toJson());
            out.print(Json.pretty(o));
        } else {
            out.println("detected: " + detected);
            out.println("truth:    " + truth);
            out.print(score.toText());
        }
        out.flush();
        return ExitCode.OK;
    }
}
