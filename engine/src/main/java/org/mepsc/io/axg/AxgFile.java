package org.mepsc.io.axg;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.mepsc.io.FileBytes;
import org.mepsc.io.Labels;
import org.mepsc.io.SampleEncoding;

/**
 * The column directory of an AxoGraph file (always big-endian), found by walking the columns
 * without reading their values.
 *
 * <ul>
 *   <li>AxoGraph "Graph" format ("AxGr", version 1): int16 version and column count; each column
 *       is an int32 point count, an 80-byte Pascal title and float32 values.
 *   <li>AxoGraph "Digitized" format ("AxGr", version 2): the first column is a series (float32
 *       first value and increment after the title); the others hold a float32 scale and int16
 *       values.
 *   <li>AxoGraph X ("axgx", version 3 and later): int32 version and column count; each column is
 *       an int32 point count, type and title length, the title in UTF-16, then data by type
 *       (4 int16, 5 int32, 6 float32, 7 float64, 9 series of two float64, 10 int16 scaled by a
 *       float64 scale and offset). The comment and notes strings follow the last column.
 * </ul>
 *
 * @param version the format version (1, 2, or 3 and later)
 * @param columns every column, the first being time
 * @param comment AxoGraph X's comment string, or ""
 * @param notes AxoGraph X's notes (acquisition settings and protocol), or ""
 */
record AxgFile(int version, List<AxgColumn> columns, String comment, String notes) {

    private static final ByteOrder ORDER = ByteOrder.BIG_ENDIAN;
    private static final int PASCAL_TITLE = 80;
    /** Titles, comments and notes are short texts; longer lengths are corrupt fields. */
    private static final int MAX_TEXT_BYTES = 1 << 20;

    static AxgFile read(FileBytes file) throws IOException {
        ByteBuffer head = file.read(0, Math.min(12, file.size()), ORDER, "file header");
        if (head.limit() < 8) {
            throw file.problem("file is " + file.size() + " bytes, too short for an AxoGraph header");
        }
        byte[] id = new byte[4];
        head.get(0, id);
        String magic = new String(id, StandardCharsets.ISO_8859_1);
        if (magic.equals("AxGr")) {
            int version = head.getShort(4);
            int columns = head.getShort(6);
            if (version != 1 && version != 2) {
                throw file.problem("AxoGraph 'AxGr' file of format version " + version + "; versions 1 and 2 exist");
            }
            return new AxgFile(version, graphColumns(file, version, columns), "", "");
        }
        if (magic.equals("axgx")) {
            if (head.limit() < 12) {
                throw file.problem("file is " + file.size() + " bytes, too short for an AxoGraph X header");
            }
            int version = head.getInt(4);
            if (version < 3) {
                throw file.problem("AxoGraph X file of format version " + version + "; AxoGraph X starts at version 3");
            }
            return readX(file, version, head.getInt(8));
        }
        throw file.problem("not an AxoGraph file (no 'AxGr' or 'axgx' signature)");
    }

    /** Versions 1 and 2: fixed 80-byte Pascal titles. */
    private static List<AxgColumn> graphColumns(FileBytes file, int version, int count) throws IOException {
        checkCount(file, count, 4 + PASCAL_TITLE, 8);
        List<AxgColumn> columns = new ArrayList<>();
        long at = 8;
        for (int c = 0; c < count; c++) {
            // after the title: nothing (version 1), first value and increment (version 2 time),
            // or a scale (version 2 values)
            int extra = version == 1 ? 0 : c == 0 ? 8 : 4;
            ByteBuffer h = file.read(at, 4 + PASCAL_TITLE + extra, ORDER, "header of column " + c);
            long points = points(file, h.getInt(0), c);
            String title = pascal(h, 4);
            at += 4 + PASCAL_TITLE + extra;
            AxgColumn column;
            if (version == 1) {
                column = AxgColumn.stored(c, title, points, SampleEncoding.FLOAT32, at, 1, 0);
            } else if (c == 0) {
                column = AxgColumn.series(c, title, points, h.getFloat(4 + PASCAL_TITLE), h.getFloat(8 + PASCAL_TITLE));
            } else {
                column = AxgColumn.stored(c, title, points, SampleEncoding.INT16, at, h.getFloat(4 + PASCAL_TITLE), 0);
            }
            at = end(file, column, at);
            columns.add(column);
        }
        return columns;
    }

    private static AxgFile readX(FileBytes file, int version, int count) throws IOException {
        checkCount(file, count, 12, 12);
        List<AxgColumn> columns = new ArrayList<>();
        long at = 12;
        for (int c = 0; c < count; c++) {
            ByteBuffer h = file.read(at, 12, ORDER, "header of column " + c);
            long points = points(file, h.getInt(0), c);
            int type = h.getInt(4);
            String title = utf16(file, at + 8, "title of column " + c);
            at += 12 + Math.max(0, h.getInt(8));
            AxgColumn column;
            switch (type) {
                case 4: column = AxgColumn.stored(c, title, points, SampleEncoding.INT16, at, 1, 0); break;
                case 5: column = AxgColumn.stored(c, title, points, SampleEncoding.INT32, at, 1, 0); break;
                case 6: column = AxgColumn.stored(c, title, points, SampleEncoding.FLOAT32, at, 1, 0); break;
                case 7: column = AxgColumn.stored(c, title, points, SampleEncoding.FLOAT64, at, 1, 0); break;
                case 9: {
                    ByteBuffer s = file.read(at, 16, ORDER, "series parameters of column " + c);
                    column = AxgColumn.series(c, title, points, s.getDouble(0), s.getDouble(8));
                    at += 16;
                    break;
                }
                case 10: {
                    ByteBuffer s = file.read(at, 16, ORDER, "scaling of column " + c);
                    at += 16;
                    column = AxgColumn.stored(c, title, points, SampleEncoding.INT16, at, s.getDouble(0), s.getDouble(8));
                    break;
                }
                default:
                    throw file.problem("column " + c + " has type " + type
                            + ", which is not an AxoGraph data column type (4, 5, 6, 7, 9 or 10)");
            }
            at = end(file, column, at);
            columns.add(column);
        }
        String comment = optionalText(file, at);
        long notesAt = at + 4 + Math.max(0, lengthAt(file, at));
        String notes = comment == null ? "" : optionalText(file, notesAt);
        return new AxgFile(version, columns, comment == null ? "" : comment, notes == null ? "" : notes);
    }

    private static void checkCount(FileBytes file, int count, int minColumnBytes, int headerBytes) throws IOException {
        if (count < 1 || count > (file.size() - headerBytes) / minColumnBytes) {
            throw file.problem("header claims " + count + " columns, which a file of " + file.size()
                    + " bytes cannot hold");
        }
    }

    private static long points(FileBytes file, int points, int column) throws IOException {
        if (points < 0) {
            throw file.problem("column " + column + " claims " + points + " points");
        }
        return points;
    }

    /** The position after a column's values, checked to lie inside the file. */
    private static long end(FileBytes file, AxgColumn column, long dataAt) throws IOException {
        file.requireInside(dataAt, column.dataBytes(), "the values of column " + column.index());
        return dataAt + column.dataBytes();
    }

    private static String pascal(ByteBuffer b, int at) {
        int length = Math.min(Byte.toUnsignedInt(b.get(at)), PASCAL_TITLE - 1);
        byte[] bytes = new byte[length];
        b.get(at + 1, bytes);
        return Labels.printable(new String(bytes, StandardCharsets.ISO_8859_1));
    }

    /** A UTF-16 string preceded by its length in bytes (AxoGraph X); a length of -1 or 0 is "". */
    private static String utf16(FileBytes file, long at, String what) throws IOException {
        int length = file.read(at, 4, ORDER, "length of the " + what).getInt(0);
        if (length <= 0) {
            return "";
        }
        if (length > MAX_TEXT_BYTES) {
            throw file.problem("the " + what + " claims " + length + " bytes");
        }
        ByteBuffer b = file.read(at + 4, length, ORDER, what);
        return Labels.printable(new String(b.array(), 0, length & ~1, StandardCharsets.UTF_16BE));
    }

    private static int lengthAt(FileBytes file, long at) throws IOException {
        return at + 4 <= file.size() ? file.read(at, 4, ORDER, "text length").getInt(0) : 0;
    }

    /**
     * The comment or notes string at {@code at}, or null if the file ends or the length is not
     * plausible there: these trail the data and are not needed to read it.
     */
    private static String optionalText(FileBytes file, long at) throws IOException {
        if (at + 4 > file.size()) {
            return null;
        }
        int length = lengthAt(file, at);
        if (length <= 0) {
            return "";
        }
        if (length > MAX_TEXT_BYTES || length > file.size() - at - 4) {
            return null;
        }
        ByteBuffer b = file.read(at + 4, length, ORDER, "notes");
        return new String(b.array(), 0, length & ~1, StandardCharsets.UTF_16BE);
    }
}
