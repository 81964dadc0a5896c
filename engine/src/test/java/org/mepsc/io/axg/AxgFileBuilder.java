package org.mepsc.io.axg;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

/**
 * Writes small AxoGraph files for tests, big-endian as AxoGraph writes them, following the
 * column layouts of AxoGraph_ReadWrite.h (Graph v1, Digitized v2, AxoGraph X).
 */
final class AxgFileBuilder {

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();

    private AxgFileBuilder() {
    }

    /** AxoGraph X: "axgx", int32 version and column count; add columns, then {@link #notes}. */
    static AxgFileBuilder x(int version, int columns) {
        AxgFileBuilder b = new AxgFileBuilder();
        b.out.writeBytes("axgx".getBytes(StandardCharsets.ISO_8859_1));
        b.putInt(version);
        b.putInt(columns);
        return b;
    }

    /** Graph (1) or Digitized (2): "AxGr", int16 version and column count. */
    static AxgFileBuilder graph(int version, int columns) {
        AxgFileBuilder b = new AxgFileBuilder();
        b.out.writeBytes("AxGr".getBytes(StandardCharsets.ISO_8859_1));
        b.out.writeBytes(ByteBuffer.allocate(4).putShort((short) version).putShort((short) columns).array());
        return b;
    }

    AxgFileBuilder seriesColumn(String title, int points, double first, double increment) {
        columnHeader(points, 9, title);
        putDouble(first);
        putDouble(increment);
        return this;
    }

    /** Type 4 (int16), 5 (int32), 6 (float32) or 7 (float64). */
    AxgFileBuilder arrayColumn(String title, int type, double[] values) {
        columnHeader(values.length, type, title);
        for (double v : values) {
            switch (type) {
                case 4: out.writeBytes(ByteBuffer.allocate(2).putShort((short) v).array()); break;
                case 5: putInt((int) v); break;
                case 6: out.writeBytes(ByteBuffer.allocate(4).putFloat((float) v).array()); break;
                default: putDouble(v); break;
            }
        }
        return this;
    }

    AxgFileBuilder scaledColumn(String title, double scale, double offset, short[] values) {
        columnHeader(values.length, 10, title);
        putDouble(scale);
        putDouble(offset);
        for (short v : values) {
            out.writeBytes(ByteBuffer.allocate(2).putShort(v).array());
        }
        return this;
    }

    /** The comment and notes strings that follow AxoGraph X columns. */
    AxgFileBuilder notes(String comment, String notes) {
        utf16(comment);
        utf16(notes);
        return this;
    }

    /** Graph format: Pascal title and float32 values. */
    AxgFileBuilder floatColumn(String title, float[] values) {
        putInt(values.length);
        pascal(title);
        for (float v : values) {
            out.writeBytes(ByteBuffer.allocate(4).putFloat(v).array());
        }
        return this;
    }

    /** Digitized format, first column: first value and increment. */
    AxgFileBuilder digitizedTime(String title, int points, float first, float increment) {
        putInt(points);
        pascal(title);
        out.writeBytes(ByteBuffer.allocate(8).putFloat(first).putFloat(increment).array());
        return this;
    }

    /** Digitized format, other columns: a scale and int16 values. */
    AxgFileBuilder digitizedColumn(String title, float scale, short[] values) {
        putInt(values.length);
        pascal(title);
        out.writeBytes(ByteBuffer.allocate(4).putFloat(scale).array());
        for (short v : values) {
            out.writeBytes(ByteBuffer.allocate(2).putShort(v).array());
        }
        return this;
    }

    byte[] bytes() {
        return out.toByteArray();
    }

    private void columnHeader(int points, int type, String title) {
        putInt(points);
        putInt(type);
        utf16(title);
    }

    private void utf16(String s) {
        byte[] t = s.getBytes(StandardCharsets.UTF_16BE);
        putInt(t.length);
        out.writeBytes(t);
    }

    private void pascal(String s) {
        byte[] t = new byte[80];
        byte[] b = s.getBytes(StandardCharsets.ISO_8859_1);
        t[0] = (byte) b.length;
        System.arraycopy(b, 0, t, 1, b.length);
        out.writeBytes(t);
    }

    private void putInt(int v) {
        out.writeBytes(ByteBuffer.allocate(4).putInt(v).array());
    }

    private void putDouble(double v) {
        out.writeBytes(ByteBuffer.allocate(8).putDouble(v).array());
    }
}
