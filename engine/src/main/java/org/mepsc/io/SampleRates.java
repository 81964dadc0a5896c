package org.mepsc.io;

import java.nio.file.Path;
import org.mepsc.recording.RecordingFormatException;

/**
 * The sample rates a recording can have: {@link RecordingReaders#open} refuses a recording with a
 * sweep outside them, whatever its format (the NWB and raw readers say so earlier, naming the
 * series or the sidecar). A rate outside them is a damaged header or attribute, not a recording:
 * no amplifier digitises a trace more slowly than once in 1,000 s or faster than 100 MHz, and a
 * rate near zero (a denormal from a corrupted float) would make the sweep last forever.
 */
public final class SampleRates {

    public static final double MIN_HZ = 1e-3;
    public static final double MAX_HZ = 1e8;

    private SampleRates() {
    }

    /** Whether {@code hz} is a rate a recording can have. */
    public static boolean plausible(double hz) {
        return hz >= MIN_HZ && hz <= MAX_HZ;
    }

    /** The range, as the refusals below quote it. */
    public static String range() {
        return "(" + MIN_HZ + " to " + (long) MAX_HZ + " Hz)";
    }

    /**
     * Refuses {@code hz} for {@code what} of {@code file} (a sweep, a series) unless it is plausible.
     *
     * @throws RecordingFormatException "WHAT is sampled at HZ Hz, not a plausible rate (range)"
     */
    public static void require(Path file, String what, double hz) throws RecordingFormatException {
        if (!plausible(hz)) {
            throw new RecordingFormatException(file, what + " is sampled at " + hz + " Hz, not a plausible rate " + range());
        }
    }
}
