package org.mepsc.io;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Assertions;
import org.mepsc.recording.Recording;
import org.mepsc.recording.RecordingDescription;
import org.mepsc.recording.RecordingFormatException;
import org.mepsc.recording.RecordingMetadata;
import org.mepsc.recording.Sweep;

/**
 * The verdict on any input, however broken, shared by the mutation suite, the fuzz tests and the
 * fuzz-crash regression test: the file opens, describes itself and reads, or it is refused with
 * a one-line {@link RecordingFormatException} that names it. Any other exception or error, or
 * more than {@link #MAX_ALLOCATION} bytes allocated or {@link #TIME_LIMIT} spent while trying, is a
 * finding (an {@link AssertionError}). Each attempt runs in a thread of its own that is abandoned
 * at the time limit, so a hang ends the check; a whole fuzzing run happens inside one JUnit
 * invocation, so the limit cannot be JUnit's {@code @Timeout}.
 */
public final class ReaderOracle {

    /** Far below what an absurd count would ask for, far above what reading a header needs. */
    public static final long MAX_ALLOCATION = 64L << 20;
    /** A reader must be done with any input, good or bad, within this time. */
    public static final Duration TIME_LIMIT = Duration.ofSeconds(10);
    /** Recordings with at most this many samples (all channels) are read whole; else the ends. */
    private static final long READ_WHOLE = 1L << 18;
    /** Samples read at each end of a sweep when it is not read whole. */
    private static final int ENDS = 256;
    /** Sweep × channel pairs visited at most (first, last and evenly spread between). */
    private static final int MAX_PAIRS = 4096;

    private ReaderOracle() {
    }

    /**
     * Opens {@code file} through format detection and checks the outcome.
     *
     * @param what a description of the input for the failure message
     */
    public static void assertCleanOutcome(Path file, String what) {
        attempt(file, what + " (detected)", () -> RecordingReaders.standard().open(file, OpenOptions.DEFAULT));
    }

    /**
     * Opens {@code file} with {@code reader} directly (so a damaged signature still reaches the
     * reader's parser) and through detection, and checks both outcomes.
     *
     * @return the metadata of the directly opened recording, if it opened
     */
    public static Optional<RecordingMetadata> assertCleanOutcome(Path file, RecordingReader reader,
            OpenOptions options, String what) {
        Optional<RecordingMetadata> opened = attempt(file, what + " (" + reader.formatName() + " reader)",
                () -> reader.open(file, options));
        if (!detectsAs(file, reader)) { // else detection would repeat the same work
            assertCleanOutcome(file, what);
        }
        return opened;
    }

    /** Whether detection picks this reader (a detector that hangs is a finding too). */
    private static boolean detectsAs(Path file, RecordingReader reader) {
        return Assertions.assertTimeoutPreemptively(TIME_LIMIT, () -> {
            try {
                return RecordingReaders.standard().detect(file).map(r -> r.getClass() == reader.getClass())
                        .orElse(false);
            } catch (IOException | RuntimeException e) {
                return false; // the detection attempt reports it
            }
        }, () -> file + ": format detection took longer than " + TIME_LIMIT.toSeconds() + " s");
    }

    /**
     * Opens {@code file} and an empty file once, unmeasured and whatever the outcome, so that
     * class loading (and a fuzzer agent's instrumentation of what is loaded) does not count
     * against the first measured input.
     */
    public static void warmUp(Path file, RecordingReader reader) {
        Path empty = file.resolveSibling("warm-up-empty");
        for (Opener o : List.<Opener>of(() -> reader.open(file, OpenOptions.DEFAULT),
                () -> RecordingReaders.standard().open(file, OpenOptions.DEFAULT),
                () -> RecordingReaders.standard().open(java.nio.file.Files.write(empty, new byte[0]),
                        OpenOptions.DEFAULT))) {
            try (Recording r = o.open()) {
                exercise(r);
            } catch (Exception | AssertionError ignored) {
                // only the loading matters here
            }
        }
    }

    @FunctionalInterface
    private interface Opener {
        Recording open() throws IOException;
    }

    private static Optional<RecordingMetadata> attempt(Path file, String what, Opener opener) {
        return Assertions.assertTimeoutPreemptively(TIME_LIMIT, () -> measured(file, what, opener),
                () -> what + ": took longer than " + TIME_LIMIT.toSeconds() + " s");
    }

    private static Optional<RecordingMetadata> measured(Path file, String what, Opener opener) {
        long before = allocatedBytes();
        Optional<RecordingMetadata> opened;
        try (Recording r = opener.open()) {
            exercise(r);
            opened = Optional.of(r.metadata());
        } catch (RecordingFormatException refused) {
            String m = refused.getMessage();
            if (m == null || m.contains("\n") || m.contains("\r") || !m.startsWith(file + ": ")) {
                throw new AssertionError(what + ": the error must be one line naming the file, not: " + m, refused);
            }
            opened = Optional.empty();
        } catch (Throwable t) { // anything else, OutOfMemoryError and StackOverflowError included
            throw new AssertionError(what + ": " + t, t);
        }
        long allocated = allocatedBytes() - before;
        if (allocated > MAX_ALLOCATION) {
            throw new AssertionError(what + ": allocated " + allocated + " bytes (at most " + MAX_ALLOCATION + ")");
        }
        return opened;
    }

    /** Touches everything info, export and detect would: the description, then samples of every channel. */
    private static void exercise(Recording r) throws IOException {
        new RecordingDescription(r).toJson();
        new RecordingDescription(r).toText();
        r.totalSamples();
        r.totalDurationS();
        int sweeps = r.sweeps().size();
        int channels = r.channels().size();
        if (sweeps == 0 || channels == 0) {
            throw new AssertionError("opened a recording of " + sweeps + " sweeps and " + channels + " channels");
        }
        boolean whole = r.totalSamples() <= READ_WHOLE / channels;
        long pairs = (long) sweeps * channels;
        long step = Math.max(1, pairs / MAX_PAIRS);
        float[] buf = new float[4096];
        for (long p = 0; p < pairs; p += step) {
            readPair(r, (int) (p / channels), (int) (p % channels), whole, buf);
        }
        if ((pairs - 1) % step != 0) {
            readPair(r, sweeps - 1, channels - 1, whole, buf);
        }
    }

    private static void readPair(Recording r, int s, int c, boolean whole, float[] buf) throws IOException {
        Sweep sweep = r.sweep(s);
        if (whole) {
            for (long pos = 0; pos < sweep.length(); pos += buf.length) {
                r.read(c, s, pos, (int) Math.min(buf.length, sweep.length() - pos), buf, 0);
            }
        } else {
            int n = (int) Math.min(sweep.length(), ENDS);
            r.read(c, s, 0, n, buf, 0);
            r.read(c, s, sweep.length() - n, n, buf, 0);
        }
    }

    private static long allocatedBytes() {
        return ((com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean()).getCurrentThreadAllocatedBytes();
    }
}
