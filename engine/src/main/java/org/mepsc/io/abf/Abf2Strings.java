package org.mepsc.io.abf;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.mepsc.io.FileBytes;

/**
 * The ABF2 strings section: channel names, units, the protocol path, the file comment and the
 * creator's name, referred to by 1-based index from other sections. It starts with a 44-byte
 * header (signature "SSCH", version, string count, longest length, total bytes, reserved) followed
 * by NUL-terminated strings.
 */
final class Abf2Strings {

    private static final int SIGNATURE = 0x48435353; // "SSCH" little-endian
    private static final int HEADER_BYTES = 44;

    /** Index 0 means "no string". */
    private final List<String> strings;

    private Abf2Strings(List<String> strings) {
        this.strings = strings;
    }

    static final Abf2Strings NONE = new Abf2Strings(List.of(""));

    /**
     * Reads the section. Its map entry's uBytes is the size of the whole block (its entry count is
     * the number of strings).
     */
    static Abf2Strings read(FileBytes file, Abf2SectionMap.Section section) throws IOException {
        if (!section.isPresent() || section.entryBytes() == 0) {
            return NONE;
        }
        ByteBuffer b = file.read(section.offset(), section.entryBytes(), ByteOrder.LITTLE_ENDIAN, "ABF2 strings section");
        int start = b.remaining() >= HEADER_BYTES && b.getInt(0) == SIGNATURE ? HEADER_BYTES : 0;
        List<String> strings = new ArrayList<>();
        strings.add("");
        int from = start;
        for (int i = start; i < b.limit(); i++) {
            if (b.get(i) == 0) {
                strings.add(decode(b, from, i));
                from = i + 1;
            }
        }
        if (from < b.limit()) {
            strings.add(decode(b, from, b.limit()));
        }
        return new Abf2Strings(strings);
    }

    private static String decode(ByteBuffer b, int from, int to) {
        byte[] raw = new byte[to - from];
        b.get(from, raw);
        return new String(raw, StandardCharsets.ISO_8859_1).strip();
    }

    /** The string at a 1-based index; "" for 0 or an index past the end (names are not worth failing over). */
    String get(long index) {
        return index > 0 && index < strings.size() ? strings.get((int) index) : "";
    }
}
