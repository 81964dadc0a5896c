package org.mepsc.io.abf;

import java.util.ArrayList;
import java.util.List;
import org.mepsc.io.FileBytes;
import org.mepsc.recording.RecordingFormatException;

/**
 * Where each sweep lies in the data section and when it started, from the acquisition mode,
 * lActualEpisodes, lNumSamplesPerEpisode and the synch array, as Axon's readers (and pyABF, neo)
 * interpret them:
 *
 * <ul>
 *   <li>gap-free: one sweep holding all the data;
 *   <li>event-driven variable-length: one sweep per synch entry, back to back in the data, each
 *       lLength multiplexed samples long;
 *   <li>fixed-length modes (episodic, fixed-length events, oscilloscope): lActualEpisodes sweeps of
 *       lNumSamplesPerEpisode multiplexed samples. Files without a synch array (ABF 1.3) are split
 *       the same way.
 * </ul>
 *
 * Start times come from the synch array where it has one entry per sweep (lStart ticks of
 * fSynchTimeUnit µs, or of one sample interval when that is 0); otherwise sweeps start every
 * fEpisodeStartToStart seconds, or back to back when that is not set.
 */
final class AbfSweepLayout {

    /**
     * One sweep.
     *
     * @param firstFrame index of its first multiplexed sample group (one sample of every channel)
     *     from the start of the data section
     * @param length samples per channel
     * @param startS start time in seconds from the start of the recording
     */
    record Placement(long firstFrame, long length, double startS) {
    }

    /**
     * What the header says about the data's arrangement.
     *
     * @param mode nOperationMode
     * @param channels channels per multiplexed frame
     * @param frames whole frames the data section holds
     * @param episodes lActualEpisodes
     * @param samplesPerEpisode lNumSamplesPerEpisode (multiplexed: all channels counted)
     * @param synch the synch array, possibly empty
     * @param synchTickS seconds per synch-array tick
     * @param sampleIntervalS seconds between two samples of one channel
     * @param episodeStartToStartS fEpisodeStartToStart in seconds, 0 if unset
     */
    record Header(AbfOperationMode mode, int channels, long frames, long episodes, long samplesPerEpisode,
            List<AbfSynchArray.Entry> synch, double synchTickS, double sampleIntervalS, double episodeStartToStartS) {

        Header {
            episodeStartToStartS = Double.isFinite(episodeStartToStartS) ? episodeStartToStartS : 0; // unset or garbage
        }
    }

    private AbfSweepLayout() {
    }

    static List<Placement> of(Header h, FileBytes file) throws RecordingFormatException {
        if (h.frames() <= 0) {
            throw file.problem("the data section holds no samples");
        }
        switch (h.mode()) {
            case GAP_FREE:
                return List.of(new Placement(0, h.frames(), 0));
            case VARIABLE_LENGTH_EVENTS:
                return variableLength(h, file);
            default:
                return fixedLength(h, file);
        }
    }

    private static List<Placement> variableLength(Header h, FileBytes file) throws RecordingFormatException {
        if (h.synch().isEmpty()) {
            throw file.problem("event-driven variable-length file without a synch array: sweep lengths unknown");
        }
        List<Placement> sweeps = new ArrayList<>(h.synch().size());
        long frame = 0;
        for (AbfSynchArray.Entry e : h.synch()) {
            if (e.length() < 0) {
                throw file.problem("synch array entry " + sweeps.size() + " has a negative length " + e.length());
            }
            long length = e.length() / h.channels();
            if (length > h.frames() - frame) {
                throw file.problem("synch array describes more samples than the data section holds ("
                        + h.frames() + " per channel)");
            }
            sweeps.add(new Placement(frame, length, e.start() * h.synchTickS()));
            frame += length;
        }
        return sweeps;
    }

    private static List<Placement> fixedLength(Header h, FileBytes file) throws RecordingFormatException {
        long perEpisode = h.samplesPerEpisode();
        if (perEpisode <= 0 || perEpisode % h.channels() != 0) {
            throw file.problem("lNumSamplesPerEpisode=" + perEpisode + " is not a positive multiple of the "
                    + h.channels() + " channels");
        }
        long length = perEpisode / h.channels();
        long count = h.episodes() > 0 ? h.episodes()
                : !h.synch().isEmpty() ? h.synch().size() : h.frames() / length;
        if (count < 1 || count > AbfSynchArray.MAX_ENTRIES) {
            throw file.problem("the header claims " + count + " sweeps (lActualEpisodes=" + h.episodes() + ")");
        }
        if (length > h.frames() / count) {
            throw file.problem("the header claims " + count + " sweeps of " + length + " samples but the data section"
                    + " holds only " + h.frames() + " samples per channel");
        }
        boolean synchTimes = h.synch().size() == count;
        double interval = h.episodeStartToStartS() > 0 ? h.episodeStartToStartS() : length * h.sampleIntervalS();
        List<Placement> sweeps = new ArrayList<>((int) count);
        for (int k = 0; k < count; k++) {
            double start = synchTimes ? h.synch().get(k).start() * h.synchTickS() : k * interval;
            sweeps.add(new Placement(k * length, length, start));
        }
        return sweeps;
    }
}
