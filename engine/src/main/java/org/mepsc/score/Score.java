package org.mepsc.score;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Locale;
import org.mepsc.json.Json;

/**
 * How well detections agree with the true events. Ratios whose denominator is zero are NaN
 * (null in JSON, "n/a" in text).
 *
 * @param matchedOn "peak" or "onset"
 * @param toleranceMs the matching tolerance
 * @param nTruth true events
 * @param nDetected detections
 * @param tp matched pairs
 * @param fp detections without a true event
 * @param fn true events not detected
 * @param precision tp / (tp + fp)
 * @param recall tp / (tp + fn)
 * @param f1 2·tp / (2·tp + fp + fn), the harmonic mean of precision and recall
 * @param amplitudeErrorMedianPa median of |detected − true amplitude| over pairs (NaN without amplitudes)
 * @param amplitudeErrorP90Pa its 90th percentile
 * @param amplitudeErrorMedianPct median of |detected − true| / true · 100
 * @param amplitudeErrorP90Pct its 90th percentile
 * @param amplitudeBiasMedianPct median of (detected − true) / true · 100: systematic over- or underestimation
 * @param durationS the duration frequencies refer to (NaN if unknown)
 * @param frequencyTrueHz nTruth / duration
 * @param frequencyDetectedHz nDetected / duration
 * @param frequencyErrorPct (nDetected − nTruth) / nTruth · 100 (needs no duration)
 * @param timingErrorMedianMs median |detected − true time| over pairs
 * @param timingErrorP90Ms its 90th percentile
 * @param timingBiasMs median of (detected − true time): positive when detections come late
 */
public record Score(
        String matchedOn,
        double toleranceMs,
        int nTruth,
        int nDetected,
        int tp,
        int fp,
        int fn,
        double precision,
        double recall,
        double f1,
        double amplitudeErrorMedianPa,
        double amplitudeErrorP90Pa,
        double amplitudeErrorMedianPct,
        double amplitudeErrorP90Pct,
        double amplitudeBiasMedianPct,
        double durationS,
        double frequencyTrueHz,
        double frequencyDetectedHz,
        double frequencyErrorPct,
        double timingErrorMedianMs,
        double timingErrorP90Ms,
        double timingBiasMs) {

    /**
     * JSON keys: matched_on, tolerance_ms, n_truth, n_detected, tp, fp, fn, precision, recall, f1,
     * amplitude_error_median_pA, amplitude_error_p90_pA, amplitude_error_median_pct,
     * amplitude_error_p90_pct, amplitude_bias_median_pct, duration_s, frequency_true_hz,
     * frequency_detected_hz, frequency_error_pct, timing_error_median_ms, timing_error_p90_ms,
     * timing_bias_ms.
     */
    public ObjectNode toJson() {
        ObjectNode o = Json.object();
        o.put("matched_on", matchedOn);
        num(o, "tolerance_ms", toleranceMs);
        o.put("n_truth", nTruth);
        o.put("n_detected", nDetected);
        o.put("tp", tp);
        o.put("fp", fp);
        o.put("fn", fn);
        num(o, "precision", precision);
        num(o, "recall", recall);
        num(o, "f1", f1);
        num(o, "amplitude_error_median_pA", amplitudeErrorMedianPa);
        num(o, "amplitude_error_p90_pA", amplitudeErrorP90Pa);
        num(o, "amplitude_error_median_pct", amplitudeErrorMedianPct);
        num(o, "amplitude_error_p90_pct", amplitudeErrorP90Pct);
        num(o, "amplitude_bias_median_pct", amplitudeBiasMedianPct);
        num(o, "duration_s", durationS);
        num(o, "frequency_true_hz", frequencyTrueHz);
        num(o, "frequency_detected_hz", frequencyDetectedHz);
        num(o, "frequency_error_pct", frequencyErrorPct);
        num(o, "timing_error_median_ms", timingErrorMedianMs);
        num(o, "timing_error_p90_ms", timingErrorP90Ms);
        num(o, "timing_bias_ms", timingBiasMs);
        return o;
    }

    private static void num(ObjectNode o, String key, double v) {
        Json.putNumber(o, key, v);
    }

    /** A few lines for a person. */
    public String toText() {
        StringBuilder sb = new StringBuilder();
        sb.append(String.format(Locale.ROOT, "matched on %s times within %s ms: %d true events, %d detections%n",
                matchedOn, trim(toleranceMs), nTruth, nDetected));
        sb.append(String.format(Locale.ROOT, "recall     %s  (%d of %d true events found, %d missed)%n",
                f3(recall), tp, nTruth, fn));
        sb.append(String.format(Locale.ROOT, "precision  %s  (%d of %d detections true, %d false)%n",
                f3(precision), tp, nDetected, fp));
        sb.append(String.format(Locale.ROOT, "F1         %s%n", f3(f1)));
        if (Double.isNaN(amplitudeErrorMedianPa)) {
            sb.append("amplitude error  n/a (a table has no amplitudes, or nothing matched)\n");
        } else {
            sb.append(String.format(Locale.ROOT,
                    "amplitude error  median %s pA (%s %%), 90th percentile %s pA (%s %%); bias %s %%%n",
                    sig(amplitudeErrorMedianPa), sig(amplitudeErrorMedianPct), sig(amplitudeErrorP90Pa),
                    sig(amplitudeErrorP90Pct), signed(amplitudeBiasMedianPct)));
        }
        if (Double.isNaN(durationS)) {
            sb.append(String.format(Locale.ROOT, "frequency error  %s %% (duration unknown: no rates in Hz)%n",
                    signed(frequencyErrorPct)));
        } else {
            sb.append(String.format(Locale.ROOT, "frequency  true %s Hz, detected %s Hz, error %s %% (over %s s)%n",
                    sig(frequencyTrueHz), sig(frequencyDetectedHz), signed(frequencyErrorPct), trim(durationS)));
        }
        if (Double.isNaN(timingErrorMedianMs)) {
            sb.append("timing error  n/a (nothing matched)\n");
        } else {
            sb.append(String.format(Locale.ROOT, "timing error  median %s ms, 90th percentile %s ms; bias %s ms%n",
                    sig(timingErrorMedianMs), sig(timingErrorP90Ms), signed(timingBiasMs)));
        }
        return sb.toString();
    }

    private static String f3(double v) {
        return Double.isNaN(v) ? "n/a" : String.format(Locale.ROOT, "%.3f", v);
    }

    /** Four significant digits, trailing zeros dropped. */
    private static String sig(double v) {
        if (Double.isNaN(v)) {
            return "n/a";
        }
        if (v == 0) {
            return "0";
        }
        return new java.math.BigDecimal(v).round(new java.math.MathContext(4)).stripTrailingZeros().toPlainString();
    }

    private static String signed(double v) {
        return Double.isNaN(v) ? "n/a" : (v > 0 ? "+" : "") + sig(v);
    }

    private static String trim(double v) {
        String s = String.format(Locale.ROOT, "%.6f", v);
        s = s.replaceAll("0+$", "");
        return s.endsWith(".") ? s.substring(0, s.length() - 1) : s;
    }
}
