package org.mepsc.recording;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * An opened recording: channels × sweeps of samples, read lazily in physical units.
 *
 * <p>Samples come out in the canonical unit of their channel ({@link Channel#unit()}): pA for
 * currents and mV for voltages, whatever the file declares. Nothing is loaded up front; every
 * {@link #read} goes to the file (positioned or memory-mapped reads, HDF5 slice reads), so memory
 * stays flat however long the recording is.
 *
 * <p>A recording has at least one channel and at least one sweep: readers reject files without
 * samples with a {@link RecordingFormatException}. Implementations are safe for concurrent
 * {@code read} calls from many threads.
 */
public interface Recording extends AutoCloseable {

    /** The file this recording was opened from, if any (synthetic recordings have none). */
    Optional<Path> source();

    RecordingMetadata metadata();

    /** Channels, indexed from 0 in file order. */
    List<Channel> channels();

    /** Sweeps, indexed from 0 in time order. A gap-free recording has exactly one. */
    List<Sweep> sweeps();

    /**
     * Copies {@code count} samples of one channel and sweep, starting at sample {@code start} of
     * the sweep, into {@code dst[offset..offset+count)}, in the channel's canonical unit.
     *
     * @throws IndexOutOfBoundsException if the channel or sweep does not exist, or the range
     *     {@code [start, start+count)} is not inside the sweep
     * @throws RecordingFormatException if the file turns out to be corrupt where it is read
     * @throws IOException on an I/O failure
     */
    void read(int channel, int sweep, long start, int count, float[] dst, int offset)
            throws IOException;

    @Override
    void close() throws IOException;

    default Channel channel(int index) {
        return channels().get(index);
    }

    default Sweep sweep(int index) {
        return sweeps().get(index);
    }

    /** The sample rate of the first sweep (sweeps of an NWB file may differ: see {@link Sweep}). */
    default double sampleRateHz() {
        return sweeps().get(0).sampleRateHz();
    }

    /** Total samples per channel over all sweeps. */
    default long totalSamples() {
        long n = 0;
        for (Sweep s : sweeps()) {
            n += s.length();
        }
        return n;
    }

    /** Recorded time per channel over all sweeps, in seconds (gaps between sweeps excluded). */
    default double totalDurationS() {
        double t = 0;
        for (Sweep s : sweeps()) {
            t += s.durationS();
        }
        return t;
    }

    /**
     * Finds a channel by index ("0") or by name ("IN0", case-insensitive).
     *
     * @throws IllegalArgumentException naming the channels there are, if none matches
     */
    default Channel findChannel(String indexOrName) {
        List<Channel> all = channels();
        String key = indexOrName.trim();
        if (key.matches("\\d+")) {
            int i = Integer.parseInt(key);
            if (i < all.size()) {
                return all.get(i);
            }
        }
        for (Channel c : all) {
            if (c.name().equalsIgnoreCase(key)) {
                return c;
            }
        }
        StringBuilder known = new StringBuilder();
        for (Channel c : all) {
            known.append(known.length() == 0 ? "" : ", ").append(c.index()).append('=').append(c.name());
        }
        throw new IllegalArgumentException(
                "no channel '" + indexOrName + "' (channels are " + known + ")");
    }

    /** Checks a read request against the recording's shape; readers call it first. */
    default void checkRange(int channel, int sweep, long start, int count) {
        if (channel < 0 || channel >= channels().size()) {
            throw new IndexOutOfBoundsException(
                    "channel " + channel + " out of range 0.." + (channels().size() - 1));
        }
        if (sweep < 0 || sweep >= sweeps().size()) {
            throw new IndexOutOfBoundsException(
                    "sweep " + sweep + " out of range 0.." + (sweeps().size() - 1));
        }
        long length = sweeps().get(sweep).length();
        if (start < 0 || count < 0 || start + count > length) {
            throw new IndexOutOfBoundsException(
                    "samples [" + start + ", " + (start + count) + ") outside sweep " + sweep
                            + " of " + length + " samples");
        }
    }
}
