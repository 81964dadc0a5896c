package org.mepsc.batch;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.Writer;
import java.util.List;
import java.util.stream.DoubleStream;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.mepsc.Version;
import org.mepsc.events.Event;
import org.mepsc.events.EventSink;
import org.mepsc.json.Json;
import org.mepsc.pipeline.Calibration;
import org.mepsc.pipeline.DetectionParameters;
import org.mepsc.pipeline.DetectionRun;
import org.mepsc.recording.Channel;
import org.mepsc.stats.Samples;

/**
 * PROVISIONAL — the per-recording outputs of {@code mepsc detect} (its events table and summary
 * JSON), with the columns and keys the detection branch specifies. The detection branch owns
 * these tables; this adapter exists only until its writer lands, and is then replaced by it so
 * that there is one implementation. Not public on purpose.
 */
final class DetectOutputs {

    /** The events table's columns, in order: accepted events only. */
    static final List<String> EVENT_COLUMNS = List.of("file", "channel", "sweep", "event", "onset_s", "peak_s",
            "amplitude_pA", "baseline_pA", "rise_10_90_ms", "decay_tau_ms", "decay_r2", "half_decay_ms", "half_width_ms",
            "charge_fC", "iei_ms", "score", "overlap");

    private DetectOutputs() {
    }

    /** Writes accepted events as rows of the events table, numbering them from 0. */
    static final class EventsTable implements EventSink {
        private final CSVPrinter printer;
        private final String file;
        private final int channel;
        private long count;

        EventsTable(Writer out, String file, int channel) throws IOException {
            this.printer = new CSVPrinter(out, CSVFormat.DEFAULT.builder()
                    .setHeader(EVENT_COLUMNS.toArray(String[]::new)).setRecordSeparator('\n').get());
            this.file = file;
            this.channel = channel;
        }

        @Override
        public void accept(Event e) throws IOException {
            if (!e.accepted()) {
                return;
            }
            printer.printRecord(file, channel, e.sweep(), count++, fixed(e.onsetS(), 6), fixed(e.peakS(), 6),
                    fixed(e.amplitude(), 4), fixed(e.baseline(), 4), fixed(e.rise1090Ms(), 4), fixed(e.decayTauMs(), 4),
                    fixed(e.decayR2(), 4), fixed(e.halfDecayMs(), 4), fixed(e.halfWidthMs(), 4), fixed(e.charge(), 3),
                    fixed(e.ieiMs(), 4), fixed(e.score(), 3), e.overlap());
        }

        @Override
        public void finish() throws IOException {
            printer.flush();
        }
    }

    /** Values of the accepted events that the summary reports. */
    static final class Statistics implements EventSink {
        private final DoubleStream.Builder amplitudes = DoubleStream.builder();
        private final DoubleStream.Builder rises = DoubleStream.builder();
        private final DoubleStream.Builder decays = DoubleStream.builder();
        private long count;

        @Override
        public void accept(Event e) {
            if (!e.accepted()) {
                return;
            }
            count++;
            amplitudes.add(e.amplitude());
            // kinetics of an event riding on another's decay are not its own
            if (!e.overlap()) {
                rises.add(e.rise1090Ms());
                decays.add(e.decayTauMs());
            }
        }

        long count() {
            return count;
        }

        ObjectNode summary(String file, Channel channel, DetectionParameters p, DetectionRun.Result r) {
            double[] amp = Samples.finite(amplitudes.build().toArray());
            Calibration c = r.calibration();
            ObjectNode o = Json.object();
            o.put("file", file);
            o.put("channel", channel.index());
            o.put("method", p.method().label());
            o.put("event_count", count);
            Json.putNumber(o, "analysed_duration_s", r.analysedSeconds());
            Json.putNumber(o, "frequency_hz", r.analysedSeconds() > 0 ? count / r.analysedSeconds() : Double.NaN);
            ObjectNode a = o.putObject("amplitude_pA");
            Json.putNumber(a, "mean", Samples.mean(amp));
            Json.putNumber(a, "median", Samples.median(amp));
            Json.putNumber(a, "sd", Samples.sd(amp));
            Json.putNumber(o.putObject("rise_10_90_ms"), "median", Samples.median(Samples.finite(rises.build().toArray())));
            Json.putNumber(o.putObject("decay_tau_ms"), "median", Samples.median(Samples.finite(decays.build().toArray())));
            Json.putNumber(o, "noise_sd_pA", c.noiseSd());
            Json.putNumber(o, "threshold", c.threshold());
            o.putNull("expected_false_positive_rate_hz"); // the detection branch computes it
            ObjectNode t = o.putObject("template");
            Json.putNumber(t, "rise_ms", c.template().riseMs());
            Json.putNumber(t, "decay_ms", c.template().decayMs());
            t.put("source", c.templateSource());
            o.set("parameters", parameters(p));
            o.put("version", Version.get());
            return o;
        }
    }

    /** Every detection parameter, as the summary records it (null: chosen automatically). */
    static ObjectNode parameters(DetectionParameters p) {
        return Json.mapper().valueToTree(p);
    }

    private static String fixed(double v, int decimals) {
        return Decimals.fixed(v, decimals);
    }
}
