package org.mepsc.io.abf;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.Locale;
import java.util.Optional;

/** Strings, versions and dates as ABF headers store them. */
final class AbfText {

    private AbfText() {
    }

    /**
     * A fixed-length text field: ANSI (Latin-1, so 0xB5 reads as µ), padded with spaces or NULs.
     * Cut at the first NUL and trimmed; inner spaces are kept ("IN 0").
     */
    static String fixed(ByteBuffer b, int offset, int length) {
        byte[] raw = new byte[length];
        b.get(offset, raw);
        int end = 0;
        while (end < length && raw[end] != 0) {
            end++;
        }
        return new String(raw, 0, end, StandardCharsets.ISO_8859_1).strip();
    }

    /** The protocol's name from its path as Clampex stores it ("C:\...\0402 VC 2s MT-50.pro" → "0402 VC 2s MT-50"). */
    static String protocolName(String path) {
        String name = path.substring(Math.max(path.lastIndexOf('\\'), path.lastIndexOf('/')) + 1).strip();
        return name.toLowerCase(Locale.ROOT).endsWith(".pro") ? name.substring(0, name.length() - 4) : name;
    }

    /** An ABF1 version float as "1.83", "1.3" (1.2999999 stored), "1.0". */
    static String version(float fileVersionNumber) {
        String s = String.format(Locale.ROOT, "%.2f", fileVersionNumber);
        s = s.replaceAll("0+$", "");
        return s.endsWith(".") ? s + "0" : s;
    }

    /** An ABF2 version from its four bytes, major first: "2.6", or "2.6.1" when bugfix/build are set. */
    static String version(int major, int minor, int bugfix, int build) {
        String v = major + "." + minor;
        if (bugfix != 0 || build != 0) {
            v += "." + bugfix + (build != 0 ? "." + build : "");
        }
        return v;
    }

    /**
     * The acquisition's start. ABF stores local wall-clock time without a zone; it is returned as
     * that wall-clock time in UTC. Dates are YYYYMMDD, or YYMMDD in old files (80–99 → 19xx).
     * Empty when the date is unset or not a date.
     */
    static Optional<Instant> startTime(long date, long millisOfDay) {
        if (date <= 0 || millisOfDay < 0 || millisOfDay >= 86_400_000L) {
            return Optional.empty();
        }
        long year = date / 10_000;
        if (date < 1_000_000) {
            year += year >= 80 ? 1900 : 2000;
        }
        try {
            LocalDate day = LocalDate.of((int) year, (int) (date / 100 % 100), (int) (date % 100));
            LocalDateTime t = day.atStartOfDay().plusNanos(millisOfDay * 1_000_000L);
            return Optional.of(t.toInstant(ZoneOffset.UTC));
        } catch (DateTimeException e) {
            return Optional.empty();
        }
    }
}
