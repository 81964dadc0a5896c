package org.mepsc.io;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

/** Names and units read from files, made safe to print in one-line messages and tables. */
public final class Labels {

    private Labels() {
    }

    /** Control characters (a corrupt label's line breaks, NULs) become spaces; ends are trimmed. */
    public static String printable(String s) {
        return s.replaceAll("\\p{Cc}", " ").strip();
    }

    /** A NUL-terminated Latin-1 string in a fixed-size field of {@code length} bytes, made printable. */
    public static String cString(ByteBuffer b, int offset, int length) {
        int end = offset;
        while (end < offset + length && b.get(end) != 0) {
            end++;
        }
        byte[] bytes = new byte[end - offset];
        b.get(offset, bytes);
        return printable(new String(bytes, StandardCharsets.ISO_8859_1));
    }
}
