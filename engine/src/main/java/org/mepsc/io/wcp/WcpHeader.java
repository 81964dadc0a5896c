package org.mepsc.io.wcp;

import java.io.IOException;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.mepsc.io.FileBytes;
import org.mepsc.io.Labels;

/**
 * The text header of a WinWCP file: {@code KEY=value} lines (VER, NC, NR, NBH, NBA, NBD, ADCMAX,
 * DT, and per channel YNn, YUn, YGn, YOn, YZn, …), padded with NULs to NBH bytes.
 */
final class WcpHeader {

    /** Bytes per disc sector: NBA and NBD count sectors. */
    static final int SECTOR = 512;
    private static final int FIRST_PART = 1024;
    /** WinWCP's header grows by 1 KiB per 8 channels; anything near this is a corrupt NBH. */
    private static final int MAX_HEADER_BYTES = 1 << 20;

    private final FileBytes file;
    private final Map<String, String> values;

    private WcpHeader(FileBytes file, Map<String, String> values) {
        this.file = file;
        this.values = values;
    }

    static WcpHeader read(FileBytes file) throws IOException {
        long first = Math.min(FIRST_PART, file.size());
        WcpHeader h = new WcpHeader(file, parse(file.read(0, first, ByteOrder.LITTLE_ENDIAN, "header").array()));
        long size = h.headerBytes();
        if (size > first) {
            return new WcpHeader(file, parse(file.read(0, size, ByteOrder.LITTLE_ENDIAN, "header").array()));
        }
        return h;
    }

    private static Map<String, String> parse(byte[] text) {
        Map<String, String> values = new LinkedHashMap<>();
        int end = 0;
        while (end < text.length && text[end] != 0) {
            end++;
        }
        for (String line : new String(text, 0, end, StandardCharsets.ISO_8859_1).split("\r?\n")) {
            int eq = line.indexOf('=');
            if (eq > 0) {
                values.putIfAbsent(line.substring(0, eq).strip().toUpperCase(Locale.ROOT),
                        Labels.printable(line.substring(eq + 1)));
            }
        }
        return values;
    }

    /** NBH: the header size in bytes; older files without it use 1 KiB per 8 channels. */
    long headerBytes() throws IOException {
        Optional<String> nbh = text("NBH");
        long bytes = nbh.isPresent() ? integer("NBH", 1, MAX_HEADER_BYTES)
                : ((integer("NC", 1, 1024) - 1) / 8 + 1) * 1024L;
        if (bytes > MAX_HEADER_BYTES) {
            throw file.problem("header claims " + bytes + " bytes (NBH), more than a WinWCP header can be");
        }
        return bytes;
    }

    Optional<String> text(String key) {
        return Optional.ofNullable(values.get(key));
    }

    String textOr(String key, String otherwise) {
        return values.getOrDefault(key, otherwise);
    }

    /** An integer field within {@code [min, max]}. */
    long integer(String key, long min, long max) throws IOException {
        String v = require(key);
        long n;
        try {
            n = Long.parseLong(v.strip());
        } catch (NumberFormatException e) {
            throw file.problem("header field " + key + "=" + v + " is not a whole number");
        }
        if (n < min || n > max) {
            throw file.problem("header field " + key + "=" + n + " is outside " + min + ".." + max);
        }
        return n;
    }

    /** A decimal field (a comma may stand for the point, as some Windows locales write it). */
    double real(String key) throws IOException {
        String v = require(key);
        try {
            return Double.parseDouble(v.strip().replace(',', '.'));
        } catch (NumberFormatException e) {
            throw file.problem("header field " + key + "=" + v + " is not a number");
        }
    }

    boolean has(String key) {
        return values.containsKey(key);
    }

    private String require(String key) throws IOException {
        String v = values.get(key);
        if (v == null) {
            throw file.problem("WinWCP header lacks the field " + key + "=");
        }
        return v;
    }
}
