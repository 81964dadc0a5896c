package org.mepsc.io.wcp;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.mepsc.io.FileBytes;
import org.mepsc.io.Labels;
import org.mepsc.io.OpenOptions;
import org.mepsc.io.RecordingReader;
import org.mepsc.io.SampleEncoding;
import org.mepsc.io.StoredRecording;
import org.mepsc.io.StoredSamples;
import org.mepsc.recording.AcquisitionMode;
import org.mepsc.recording.Channel;
import org.mepsc.recording.Recording;
import org.mepsc.recording.RecordingMetadata;
import org.mepsc.recording.Sweep;
import org.mepsc.recording.Tag;

/**
 * WinWCP (Strathclyde Electrophysiology Software) ".wcp" files.
 *
 * <p>A text header (NBH bytes) is followed by NR records. Each record is an analysis block (NBA
 * sectors: status, type, time, sample interval, and per channel the A/D voltage range VMax)
 * and a data block (NBD sectors) of little-endian int16 samples with the NC channels
 * interleaved; channel n is at position YOn of each sample group. A sample in the channel's unit
 * YUn is {@code adc × VMax[n] / (ADCMAX × YGn)}, with the VMax of the sample's own record. Records
 * are sweeps.
 */
public final class WcpReader implements RecordingReader {

    /** Bytes of the analysis block before the VMax array: status, type, group, time, interval. */
    private static final int VMAX_AT = 24;
    private static final int MARKER_BYTES = 16;
    /** WinWCP records up to 128 channels. */
    private static final int MAX_CHANNELS = 128;

    @Override
    public String formatName() {
        return "WCP";
    }

    @Override
    public boolean recognises(Path file, ByteBuffer head) {
        byte[] b = new byte[Math.min(head.limit(), 1024)];
        head.get(0, b);
        String text = new String(b, StandardCharsets.ISO_8859_1);
        return text.startsWith("VER=") && text.contains("\nNC=") && text.contains("\nNR=");
    }

    @Override
    public Recording open(Path file, OpenOptions options) throws IOException {
        return FileBytes.parse(file, WcpReader::open);
    }

    private static Recording open(FileBytes file) throws IOException {
        WcpHeader h = WcpHeader.read(file);
        int nc = (int) h.integer("NC", 1, MAX_CHANNELS);
        long nr = h.integer("NR", 1, Integer.MAX_VALUE);
        long analysisBytes = h.integer("NBA", 1, Integer.MAX_VALUE / WcpHeader.SECTOR) * WcpHeader.SECTOR;
        long dataBytes = h.integer("NBD", 1, Integer.MAX_VALUE / WcpHeader.SECTOR) * WcpHeader.SECTOR;
        long headerBytes = h.headerBytes();
        long recordBytes = analysisBytes + dataBytes;
        if (nr > (file.size() - headerBytes) / recordBytes) {
            throw file.problem("header says " + nr + " records of " + recordBytes + " bytes after a " + headerBytes
                    + "-byte header, but the file of " + file.size() + " bytes holds "
                    + Math.max(0, (file.size() - headerBytes) / recordBytes));
        }
        long samples = h.has("NP") ? h.integer("NP", 0, dataBytes / (2L * nc)) : dataBytes / (2L * nc);
        if (VMAX_AT + 4L * nc > analysisBytes) {
            throw file.problem("analysis blocks of " + analysisBytes + " bytes cannot hold the A/D ranges of " + nc
                    + " channels");
        }
        double adcMax = h.real("ADCMAX");
        double headerInterval = h.real("DT");
        if (!(adcMax > 0) || Double.isInfinite(adcMax)) {
            throw file.problem("header field ADCMAX=" + adcMax + " is not a positive number");
        }
        List<Channel> channels = new ArrayList<>();
        int[] position = new int[nc];
        double[] gain = new double[nc];
        List<String> comments = new ArrayList<>();
        for (int c = 0; c < nc; c++) {
            channels.add(Channel.of(c, h.textOr("YN" + c, "Ch" + c), h.textOr("YU" + c, "")));
            position[c] = (int) h.integer("YO" + c, 0, nc - 1);
            gain[c] = h.real("YG" + c);
            if (!Double.isFinite(gain[c]) || gain[c] == 0) {
                throw file.problem("header field YG" + c + "=" + gain[c] + " is not a usable gain");
            }
            String zero = h.textOr("YZ" + c, "0").strip();
            if (!zero.equals("0")) {
                comments.add("channel " + channels.get(c).name() + ": zero level YZ" + c + "=" + zero
                        + " A/D units is not subtracted (as neo and myokit read it)");
            }
        }
        List<Sweep> sweeps = new ArrayList<>();
        List<List<StoredSamples>> layout = new ArrayList<>();
        List<Tag> tags = new ArrayList<>();
        List<Long> rejected = new ArrayList<>();
        double firstTime = Double.NaN;
        double previousStart = 0;
        double elapsed = 0;
        boolean clockUsable = true;
        for (int r = 0; r < nr; r++) {
            long at = headerBytes + r * recordBytes;
            Analysis a = Analysis.read(file, at, nc, (int) Math.min(analysisBytes, VMAX_AT + 4L * nc + MARKER_BYTES), r);
            double interval = interval(a.interval(), headerInterval);
            if (!(interval > 0) || !Double.isFinite(1.0 / interval)) {
                throw file.problem("record " + (r + 1) + ": sample interval " + a.interval() + " s (header DT="
                        + headerInterval + ") is not a positive time");
            }
            firstTime = r == 0 ? a.time() : firstTime;
            double start = a.time() - firstTime;
            clockUsable &= Double.isFinite(start) && start >= previousStart;
            if (!clockUsable) {
                start = elapsed;
            }
            Sweep sweep = new Sweep(r, start, samples, 1.0 / interval);
            previousStart = start;
            elapsed = start + sweep.durationS();
            sweeps.add(sweep);
            List<StoredSamples> row = new ArrayList<>();
            for (int c = 0; c < nc; c++) {
                double scale = a.vmax()[c] / (adcMax * gain[c]) * channels.get(c).unit().toCanonical();
                if (!Double.isFinite(scale)) {
                    throw file.problem("record " + (r + 1) + ": A/D range " + a.vmax()[c] + " V of channel "
                            + channels.get(c).name() + " gives no usable scale");
                }
                row.add(StoredSamples.strided(at + analysisBytes + 2L * position[c], samples, SampleEncoding.INT16,
                        ByteOrder.LITTLE_ENDIAN, 2 * nc, scale, 0));
            }
            layout.add(row);
            if (!a.marker().isEmpty()) {
                tags.add(new Tag(start, a.marker()));
            }
            if (a.status().toUpperCase(Locale.ROOT).startsWith("REJECTED")) {
                rejected.add(r + 1L);
            }
        }
        if (!rejected.isEmpty()) {
            comments.add("records marked rejected in WinWCP (numbered from 1): " + rejected);
        }
        h.text("ID").filter(s -> !s.isEmpty()).ifPresent(id -> comments.add("experiment: " + id));
        h.text("CTIME").ifPresent(t -> comments.add("created " + t + " (as the file writes it)"));
        RecordingMetadata md = new RecordingMetadata("WCP", h.textOr("VER", ""), AcquisitionMode.EPISODIC, "",
                tags, comments, Optional.empty());
        return new StoredRecording(file, md, channels, sweeps, layout);
    }

    /**
     * The record's own interval, or the header's DT where the record's float32 is DT rounded:
     * the header's decimal value is the exact one.
     */
    private static double interval(double record, double header) {
        if (record > 0 && Double.isFinite(record)) {
            return Math.abs(record - header) <= 1e-6 * record ? header : record;
        }
        return header;
    }

    /** The parts of a record's analysis block mepsc uses. */
    private record Analysis(String status, double time, double interval, double[] vmax, String marker) {

        static Analysis read(FileBytes file, long at, int nc, int length, int record) throws IOException {
            ByteBuffer b = file.read(at, length, ByteOrder.LITTLE_ENDIAN, "analysis block of record " + (record + 1));
            double[] vmax = new double[nc];
            for (int c = 0; c < nc; c++) {
                vmax[c] = b.getFloat(VMAX_AT + 4 * c);
            }
            int markerAt = VMAX_AT + 4 * nc;
            String marker = markerAt + MARKER_BYTES <= length ? Labels.cString(b, markerAt, MARKER_BYTES) : "";
            return new Analysis(Labels.cString(b, 0, 8), b.getFloat(16), b.getFloat(20), vmax, marker);
        }

    }
}
