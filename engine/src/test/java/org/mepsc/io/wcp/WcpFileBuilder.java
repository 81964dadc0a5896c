package org.mepsc.io.wcp;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Writes small WinWCP files for tests: the KEY=value header padded to NBH bytes, then per record
 * an analysis block (status, type, group, time, interval, VMax per channel, marker) and a data
 * block of interleaved little-endian int16 samples, channel n at position YOn.
 */
final class WcpFileBuilder {

    record ChannelSpec(String name, String unit, double gain, int position) {
    }

    record RecordSpec(String status, float time, float interval, float[] vmax, String marker, short[][] adc) {
    }

    private final List<ChannelSpec> channels = new ArrayList<>();
    private final List<RecordSpec> records = new ArrayList<>();
    private String dt = "0.001";
    private int adcMax = 32767;
    private int sectorsPerRecord = 1;
    private Integer np;
    private final List<String> extraLines = new ArrayList<>();

    WcpFileBuilder channel(String name, String unit, double gain, int position) {
        channels.add(new ChannelSpec(name, unit, gain, position));
        return this;
    }

    /** {@code adc[c]} holds channel c's samples (by channel index, not position). */
    WcpFileBuilder record(String status, float time, float interval, float[] vmax, String marker, short[][] adc) {
        records.add(new RecordSpec(status, time, interval, vmax, marker, adc));
        return this;
    }

    WcpFileBuilder dt(String text) {
        this.dt = text;
        return this;
    }

    WcpFileBuilder dataSectors(int sectors) {
        this.sectorsPerRecord = sectors;
        return this;
    }

    WcpFileBuilder np(int samples) {
        this.np = samples;
        return this;
    }

    WcpFileBuilder line(String keyValue) {
        extraLines.add(keyValue);
        return this;
    }

    byte[] build() {
        int nc = channels.size();
        int headerBytes = ((nc - 1) / 8 + 1) * 1024;
        StringBuilder h = new StringBuilder();
        h.append("VER=9\r\nNBH=").append(headerBytes).append("\r\nADCMAX=").append(adcMax)
                .append("\r\nNC=").append(nc).append("\r\nNBA=1\r\nNBD=").append(sectorsPerRecord)
                .append("\r\nNR=").append(records.size()).append("\r\nDT=").append(dt).append("\r\n");
        if (np != null) {
            h.append("NP=").append(np).append("\r\n");
        }
        for (int c = 0; c < nc; c++) {
            ChannelSpec ch = channels.get(c);
            h.append("YO").append(c).append('=').append(ch.position()).append("\r\n")
                    .append("YU").append(c).append('=').append(ch.unit()).append("\r\n")
                    .append("YN").append(c).append('=').append(ch.name()).append("\r\n")
                    .append("YG").append(c).append('=').append(ch.gain()).append("\r\n")
                    .append("YZ").append(c).append("=0\r\n");
        }
        extraLines.forEach(l -> h.append(l).append("\r\n"));
        int recordBytes = 512 + 512 * sectorsPerRecord;
        ByteBuffer out = ByteBuffer.allocate(headerBytes + records.size() * recordBytes).order(ByteOrder.LITTLE_ENDIAN);
        out.put(0, h.toString().getBytes(StandardCharsets.ISO_8859_1));
        for (int r = 0; r < records.size(); r++) {
            RecordSpec rec = records.get(r);
            int at = headerBytes + r * recordBytes;
            out.put(at, pad(rec.status(), 8));
            out.put(at + 8, pad("TEST", 4));
            out.putFloat(at + 12, r + 1);
            out.putFloat(at + 16, rec.time());
            out.putFloat(at + 20, rec.interval());
            for (int c = 0; c < nc; c++) {
                out.putFloat(at + 24 + 4 * c, rec.vmax()[c]);
            }
            out.put(at + 24 + 4 * nc, pad(rec.marker(), 16));
            int data = at + 512;
            for (int c = 0; c < nc; c++) {
                short[] s = rec.adc()[c];
                for (int i = 0; i < s.length; i++) {
                    out.putShort(data + 2 * (i * nc + channels.get(c).position()), s[i]);
                }
            }
        }
        return out.array();
    }

    private static byte[] pad(String s, int length) {
        byte[] b = new byte[length];
        byte[] t = s.getBytes(StandardCharsets.ISO_8859_1);
        System.arraycopy(t, 0, b, 0, Math.min(t.length, length));
        return b;
    }
}
