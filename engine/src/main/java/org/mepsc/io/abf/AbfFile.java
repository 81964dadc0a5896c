package org.mepsc.io.abf;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.mepsc.io.FileBytes;
import org.mepsc.io.RawLayout.SampleType;
import org.mepsc.recording.RecordingFormatException;
import org.mepsc.recording.RecordingMetadata;
import org.mepsc.recording.Tag;

/**
 * Everything mepsc needs from an ABF header, the same for ABF1 and ABF2.
 *
 * @param version "1.83", "2.6", …
 * @param mode nOperationMode
 * @param storage int16 (nDataFormat 0) or float32 (1)
 * @param dataOffset byte offset of the first sample
 * @param channels the recorded channels in sampling order (the order they are interleaved in)
 * @param sampleRateHz samples per second per channel
 * @param sweeps where each sweep lies in the data, and when it started
 * @param tags tags with their times in seconds from the start
 * @param comments the file comment, if any
 * @param protocol the protocol's name, or ""
 * @param created when the acquisition started, if the header says
 */
record AbfFile(
        String version,
        AbfOperationMode mode,
        SampleType storage,
        long dataOffset,
        List<AbfChannel> channels,
        double sampleRateHz,
        List<AbfSweepLayout.Placement> sweeps,
        List<Tag> tags,
        List<String> comments,
        String protocol,
        Optional<Instant> created) {

    /** ADC channels per file; Clampex supports 16. */
    static final int MAX_CHANNELS = 16;

    /** More tags than this is a corrupt count, not a recording. */
    static final int MAX_TAGS = 1 << 16;

    RecordingMetadata metadata() {
        return new RecordingMetadata("ABF", version, mode.acquisitionMode(), protocol, tags, comments, created);
    }

    /** nDataFormat: 0 = int16, 1 = float32. */
    static SampleType storage(int dataFormat, FileBytes file) throws RecordingFormatException {
        switch (dataFormat) {
            case 0: return SampleType.INT16;
            case 1: return SampleType.FLOAT32;
            default: throw file.problem("unsupported sample format nDataFormat=" + dataFormat
                    + " (0 = int16 and 1 = float32 are known)");
        }
    }

    /** Bytes per multiplexed frame (one sample of every channel). */
    int frameBytes() {
        return channels.size() * storage.bytes();
    }
}
