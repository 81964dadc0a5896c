package org.mepsc.io.heka;

import java.time.Instant;
import java.util.Optional;

/** HEKA's time stamps: seconds since 1904 (the Mac epoch), stored with a fixed offset. */
final class HekaTime {

    /** Subtracted from every stored time, as HEKA's TimeFormat notes describe. */
    private static final double JAN_FIRST_1990 = 1580970496.0;
    private static final double TWO_TO_32 = 4294967296.0;
    private static final double MAC_TO_UNIX = 2082844800.0;
    /** Times outside 1970..2100 are corrupt fields, not recording dates. */
    private static final double LATEST = 4102444800.0;

    private HekaTime() {
    }

    static Optional<Instant> toInstant(double stored) {
        if (!Double.isFinite(stored) || stored == 0) { // 0: never set
            return Optional.empty();
        }
        double mac = stored - JAN_FIRST_1990;
        if (mac < 0) {
            mac += TWO_TO_32;
        }
        double unix = mac - MAC_TO_UNIX;
        if (!(unix >= 0 && unix <= LATEST)) {
            return Optional.empty();
        }
        return Optional.of(Instant.ofEpochMilli(Math.round(unix * 1000)));
    }
}
