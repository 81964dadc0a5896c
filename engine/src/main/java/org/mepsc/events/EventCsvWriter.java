package org.mepsc.events;

import java.io.IOException;
import java.io.Writer;
import org.mepsc.output.FixedDecimals;

/**
 * Writes events as CSV rows as they arrive (nothing is collected). Columns:
 * {@code file,channel,sweep,event,onset_s,peak_s,amplitude_pA,baseline_pA,rise_10_90_ms,
 * decay_tau_ms,decay_r2,half_decay_ms,half_width_ms,charge_fC,iei_ms,score,overlap}, then
 * {@code accepted,reason} when rejected candidates are kept. For a voltage channel the unit
 * suffixes read {@code _mV} and there is no charge column. Values that could not be measured are
 * empty. {@code event} numbers the accepted events of the file from 0; rejected rows leave it empty.
 */
public final class EventCsvWriter implements EventSink {

    private final Writer out;
    private final String file;
    private final int channel;
    private final boolean current;
    private final boolean keepRejected;
    private final StringBuilder row = new StringBuilder(256);
    private long accepted;

    /**
     * @param file the recording's name as the rows give it
     * @param channel channel index
     * @param unit "pA" for a current channel, "mV" for a voltage channel (then no charge column)
     * @param keepRejected also write rejected candidates, with {@code accepted,reason} columns
     */
    public EventCsvWriter(Writer out, String file, int channel, String unit, boolean keepRejected) throws IOException {
        this.out = out;
        this.file = csv(file);
        this.channel = channel;
        this.current = !unit.equals("mV");
        this.keepRejected = keepRejected;
        out.write(header(unit, keepRejected));
    }

    /** The header line (with its newline). */
    public static String header(String unit, boolean keepRejected) {
        boolean current = !unit.equals("mV");
        String u = current ? "pA" : "mV";
        StringBuilder h = new StringBuilder("file,channel,sweep,event,onset_s,peak_s,amplitude_").append(u)
                .append(",baseline_").append(u)
                .append(",rise_10_90_ms,decay_tau_ms,decay_r2,half_decay_ms,half_width_ms");
        if (current) {
            h.append(",charge_fC");
        }
        h.append(",iei_ms,score,overlap");
        if (keepRejected) {
            h.append(",accepted,reason");
        }
        return h.append('\n').toString();
    }

    @Override
    public void accept(Event e) throws IOException {
        if (!e.accepted() && !keepRejected) {
            return;
        }
        row.setLength(0);
        row.append(file).append(',').append(channel).append(',').append(e.sweep()).append(',');
        if (e.accepted()) {
            row.append(accepted++);
        }
        row.append(',');
        num(e.onsetS(), 6).append(',');
        num(e.peakS(), 6).append(',');
        num(e.amplitude(), 4).append(',');
        num(e.baseline(), 4).append(',');
        num(e.rise1090Ms(), 4).append(',');
        num(e.decayTauMs(), 4).append(',');
        num(e.decayR2(), 4).append(',');
        num(e.halfDecayMs(), 4).append(',');
        num(e.halfWidthMs(), 4).append(',');
        if (current) {
            num(e.charge(), 3).append(',');
        }
        num(e.ieiMs(), 3).append(',');
        num(e.score(), 3).append(',');
        row.append(e.overlap());
        if (keepRejected) {
            row.append(',').append(e.accepted()).append(',').append(e.accepted() ? "" : e.rejection().label());
        }
        out.write(row.append('\n').toString());
    }

    @Override
    public void finish() throws IOException {
        out.flush();
    }

    private StringBuilder num(double v, int decimals) {
        if (Double.isFinite(v)) {
            FixedDecimals.append(row, v, decimals);
        }
        return row;
    }

    private static String csv(String s) {
        if (s.contains(",") || s.contains("\"") || s.contains("\n")) {
            return '"' + s.replace("\"", "\"\"") + '"';
        }
        return s;
    }
}
