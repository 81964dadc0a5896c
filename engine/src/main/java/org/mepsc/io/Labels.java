package org.mepsc.io;

/** Names and units read from files, made safe to print in one-line messages and tables. */
public final class Labels {

    private Labels() {
    }

    /** Control characters (a corrupt label's line breaks, NULs) become spaces; ends are trimmed. */
    public static String printable(String s) {
        return s.replaceAll("\\p{Cc}", " ").strip();
    }
}
