package org.mepsc.io.abf;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.List;
import org.mepsc.io.FileBytes;

/**
 * The synch array: for each sweep (or event) its start time, in fSynchTimeUnit ticks, and its
 * length in multiplexed samples (all channels counted). Event-driven variable-length files need it
 * to find their sweeps; other files use it for sweep start times.
 */
final class AbfSynchArray {

    /** One entry: {@code lStart} (ticks) and {@code lLength} (multiplexed samples). */
    record Entry(long start, long length) {
    }

    /** More sweeps than this is not a plausible recording but a corrupt count. */
    static final int MAX_ENTRIES = 1 << 20;

    private AbfSynchArray() {
    }

    /**
     * Seconds per synch-array (and tag) tick: fSynchTimeUnit µs, or, when that is 0 (or not a
     * usable number), one interleaved sample interval, as Axon's ABFH_SynchCountToMS has it.
     */
    static double tickS(float synchTimeUnitUs, double interleavedSampleIntervalUs) {
        boolean set = synchTimeUnitUs > 0 && Float.isFinite(synchTimeUnitUs);
        return (set ? synchTimeUnitUs : interleavedSampleIntervalUs) * 1e-6;
    }

    /**
     * Reads {@code count} entries of {@code entryBytes} bytes (at least 8) at {@code offset}; an
     * empty list when the file has no synch array.
     */
    static List<Entry> read(FileBytes file, long offset, long count, long entryBytes) throws IOException {
        if (count == 0) {
            return List.of();
        }
        if (count < 0 || count > MAX_ENTRIES) {
            throw file.problem("synch array claims " + count + " entries (expected 0 to " + MAX_ENTRIES + ")");
        }
        if (entryBytes < 8) {
            throw file.problem("synch array entries of " + entryBytes + " bytes are too small (need 8)");
        }
        ByteBuffer b = file.read(offset, Math.multiplyExact(count, entryBytes), ByteOrder.LITTLE_ENDIAN, "synch array");
        List<Entry> entries = new ArrayList<>((int) count);
        for (int i = 0; i < count; i++) {
            int at = (int) (i * entryBytes);
            entries.add(new Entry(b.getInt(at), b.getInt(at + 4)));
        }
        return entries;
    }
}
