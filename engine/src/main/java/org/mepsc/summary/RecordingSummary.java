package org.mepsc.summary;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Locale;
import org.apache.commons.math3.special.Erf;
import org.mepsc.Version;
import org.mepsc.detect.Template;
import org.mepsc.events.RejectionRules;
import org.mepsc.json.Json;
import org.mepsc.pipeline.Calibration;
import org.mepsc.pipeline.DetectionParameters;
import org.mepsc.pipeline.DetectionRun;
import org.mepsc.pipeline.ExcludedStretch;
import org.mepsc.pipeline.ExcludedTime;
import org.mepsc.pipeline.Exclusion;
import org.mepsc.pipeline.ExclusionReason;
import org.mepsc.recording.Channel;

/**
 * The per-recording summary: counts, frequency over the analysed duration, amplitude statistics,
 * median kinetics, noise, the threshold and the false positives it lets through in noise alone,
 * the template, and every parameter the run used (enough to repeat it).
 *
 * @param file the recording, as named on the command line
 * @param channel the channel analysed
 * @param sweeps the sweeps analysed
 */
public record RecordingSummary(String file, Channel channel, List<Integer> sweeps, DetectionParameters parameters,
        DetectionRun.Result run, SummaryAccumulator events) {

    /** Unit suffix of amplitude keys: pA, or mV for a voltage channel. */
    public String unit() {
        return channel.isVoltage() ? "mV" : "pA";
    }

    public double frequencyHz() {
        return run.analysedSeconds() > 0 ? events.accepted() / run.analysedSeconds() : Double.NaN;
    }

    /**
     * Upper bound of the false-positive rate of the threshold in Gaussian noise,
     * {@code (1 − Φ(k))·fs} with {@code fs} the rate of the detection statistic.
     */
    public double expectedFalsePositiveRateHz() {
        Calibration c = run.calibration();
        return 0.5 * Erf.erfc(c.threshold() / Math.sqrt(2)) * c.detectionRateHz();
    }

    public ObjectNode toJson() {
        Calibration c = run.calibration();
        String u = unit();
        ObjectNode o = Json.object();
        o.put("file", file);
        o.put("channel", channel.index());
        o.put("channel_name", channel.name());
        o.put("method", parameters.methodLabel());
        o.put("event_count", events.accepted());
        o.put("rejected_count", events.rejected());
        num(o, "analysed_duration_s", run.analysedSeconds());
        num(o, "frequency_hz", frequencyHz());
        excludedJson(o);
        SummaryAccumulator.Stats a = events.amplitude();
        ObjectNode amp = o.putObject("amplitude_" + u);
        num(amp, "mean", a.mean());
        num(amp, "median", a.median());
        num(amp, "sd", a.sd());
        num(o.putObject("rise_10_90_ms"), "median", events.riseMedian());
        num(o.putObject("decay_tau_ms"), "median", events.decayMedian());
        num(o, "noise_sd_" + u, c.noiseSd());
        num(o, "threshold", c.threshold());
        num(o, "expected_false_positive_rate_hz", expectedFalsePositiveRateHz());
        ObjectNode t = o.putObject("template");
        num(t, "rise_ms", c.template().riseMs());
        num(t, "decay_ms", c.template().decayMs());
        t.put("source", c.templateSource());
        num(t, "fit_r2", c.templateFitR2());
        t.put("events_averaged", c.templateEvents());
        o.set("parameters", parametersJson());
        o.put("version", Version.get());
        return o;
    }

    private void excludedJson(ObjectNode o) {
        ExcludedTime x = run.excluded();
        num(o, "excluded_s", x.seconds());
        ArrayNode list = o.putArray("excluded");
        for (ExcludedStretch e : x.stretches()) {
            ObjectNode j = list.addObject();
            j.put("sweep", e.sweep());
            num(j, "start_s", e.startS());
            num(j, "end_s", e.endS());
            j.put("reason", e.reason().label());
        }
        o.put("excluded_unlisted", x.unlisted());
        ObjectNode counts = o.putObject("excluded_counts");
        for (ExclusionReason r : ExclusionReason.values()) {
            if (x.count(r) > 0) {
                counts.put(r.label(), x.count(r));
            }
        }
    }

    /** "1.23 s in 4 stretches (2 jump, 1 non-finite, 1 user)". */
    private String excludedText() {
        ExcludedTime x = run.excluded();
        StringBuilder sb = new StringBuilder(fmt(x.seconds()) + " s in " + x.count() + (x.count() == 1 ? " stretch" : " stretches"));
        String sep = " (";
        for (ExclusionReason r : ExclusionReason.values()) {
            if (x.count(r) > 0) {
                sb.append(sep).append(x.count(r)).append(' ').append(r.label());
                sep = ", ";
            }
        }
        return x.count() > 0 ? sb.append(')').toString() : sb.toString();
    }

    private ObjectNode parametersJson() {
        Calibration c = run.calibration();
        DetectionParameters p = parameters;
        ObjectNode o = Json.object();
        o.put("method", p.methodLabel());
        num(o, "threshold", c.threshold());
        num(o, "threshold_minimum", c.thresholdMinimum());
        num(o, "fdr", p.falseDiscovery());
        o.put("polarity", p.polarity().name().toLowerCase(Locale.ROOT));
        ArrayNode sw = o.putArray("sweeps");
        sweeps.forEach(sw::add);
        Template t = c.template();
        ObjectNode tj = o.putObject("template");
        num(tj, "rise_ms", t.riseMs());
        num(tj, "decay_ms", t.decayMs());
        tj.put("source", c.templateSource());
        ObjectNode lp = o.putObject("lowpass");
        lp.put("shape", p.lowPassKind().name().toLowerCase(Locale.ROOT));
        num(lp, "hz", p.lowPassHz());
        num(o, "highpass_hz", p.highPassHz());
        ObjectNode notch = o.putObject("notch");
        notch.put("source", c.notchSource());
        ArrayNode hz = notch.putArray("hz");
        c.notchHz().forEach(hz::add);
        ArrayNode ex = o.putArray("exclude");
        for (Exclusion e : p.exclusions()) {
            ex.add(e.toString());
        }
        o.put("auto_artefacts", p.autoArtefacts());
        num(o, "refractory_ms", c.refractoryMs());
        num(o, "amplitude_floor", c.amplitudeFloor());
        RejectionRules r = c.rules();
        ObjectNode rules = o.putObject("rejection");
        num(rules, "min_rise_ms", r.minRiseMs());
        num(rules, "max_rise_ms", r.maxRiseMs());
        num(rules, "min_decay_ms", r.minDecayMs());
        num(rules, "max_decay_ms", r.maxDecayMs());
        rules.put("require_decay", r.requireDecay());
        ObjectNode ch = o.putObject("characterisation");
        num(ch, "baseline_ms", c.characterisation().baselineMs());
        num(ch, "baseline_gap_ms", c.characterisation().baselineGapMs());
        num(ch, "peak_search_extra_ms", c.characterisation().peakSearchExtraMs());
        num(ch, "decay_window_taus", c.characterisation().decayWindowTaus());
        num(ch, "peak_fit_fraction", c.characterisation().peakFitFraction());
        num(o, "sample_rate_hz", c.sampleRateHz());
        o.put("decimation", c.decimation());
        num(o, "detection_rate_hz", c.detectionRateHz());
        ObjectNode sn = o.putObject("statistic_noise");
        num(sn, "mean", c.statisticNoise().mean());
        num(sn, "sd", c.statisticNoise().sd());
        num(o, "difference_sd", c.differenceSd());
        num(o, "calibration_s", c.calibrationSeconds());
        num(o, "template_learning_s", c.templateSeconds());
        return o;
    }

    /** A few lines for a person. */
    public String toText() {
        Calibration c = run.calibration();
        String u = unit();
        SummaryAccumulator.Stats a = events.amplitude();
        StringBuilder sb = new StringBuilder();
        line(sb, "file", file);
        line(sb, "channel", channel.index() + " (" + channel.name() + ")");
        line(sb, "method", parameters.methodLabel() + ", threshold " + fmt(c.threshold()) + " SD");
        line(sb, "template", "rise " + fmt(c.template().riseMs()) + " ms, decay " + fmt(c.template().decayMs()) + " ms ("
                + c.templateSource() + (Double.isNaN(c.templateFitR2()) ? "" : ", fit R² " + fmt(c.templateFitR2())
                + " over " + c.templateEvents() + " events") + ")");
        line(sb, "events", events.accepted() + " accepted, " + events.rejected() + " rejected");
        line(sb, "analysed", fmt(run.analysedSeconds()) + " s");
        line(sb, "excluded", excludedText());
        line(sb, "frequency", fmt(frequencyHz()) + " Hz");
        line(sb, "amplitude", "median " + fmt(a.median()) + " " + u + ", mean " + fmt(a.mean()) + " ± " + fmt(a.sd()) + " " + u);
        line(sb, "rise 10-90", "median " + fmt(events.riseMedian()) + " ms");
        line(sb, "decay tau", "median " + fmt(events.decayMedian()) + " ms");
        line(sb, "noise SD", fmt(c.noiseSd()) + " " + u);
        line(sb, "false positives", "at most " + fmt(expectedFalsePositiveRateHz()) + " Hz in pure noise");
        if (!c.notchHz().isEmpty()) {
            line(sb, "notch", c.notchHz() + " Hz (" + c.notchSource() + ")");
        }
        return sb.toString();
    }

    private static void line(StringBuilder sb, String key, String value) {
        sb.append(String.format(Locale.ROOT, "%-16s %s%n", key + ":", value));
    }

    private static String fmt(double v) {
        if (!Double.isFinite(v)) {
            return "n/a";
        }
        return String.format(Locale.ROOT, Math.abs(v) >= 100 ? "%.1f" : Math.abs(v) >= 1 ? "%.3g" : "%.3g", v);
    }

    private static void num(ObjectNode o, String key, double v) {
        if (Double.isFinite(v)) {
            o.put(key, v);
        } else {
            o.putNull(key);
        }
    }
}
