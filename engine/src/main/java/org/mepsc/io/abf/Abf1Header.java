package org.mepsc.io.abf;

import static org.mepsc.io.abf.Abf1Layout.*;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.List;
import org.mepsc.io.FileBytes;
import org.mepsc.io.RawLayout.SampleType;
import org.mepsc.recording.Tag;

/**
 * Reads an ABF 1.x header ("ABF " signature, versions 1.0 to 1.9x): a fixed layout where every
 * field is at a known byte offset ({@link Abf1Layout}). Channel arrays are indexed by physical ADC
 * number; nADCSamplingSeq gives the physical channels in the order their samples are interleaved.
 */
final class Abf1Header {

    private final FileBytes file;
    private final ByteBuffer h;
    private final float version;
    private final boolean longHeader;

    private Abf1Header(FileBytes file, ByteBuffer header, float version) {
        this.file = file;
        this.h = header;
        this.version = version;
        this.longHeader = version >= FIRST_LONG_HEADER_VERSION;
    }

    static AbfFile read(FileBytes file) throws IOException {
        float version = file.read(0, OLD_HEADER_SIZE, ByteOrder.LITTLE_ENDIAN, "ABF1 header").getFloat(FILE_VERSION_NUMBER);
        if (!(version >= 1.0f && version < 2.0f)) {
            throw file.problem("unsupported ABF1 version fFileVersionNumber=" + version + " (expected 1.x)");
        }
        int size = version >= FIRST_LONG_HEADER_VERSION ? HEADER_SIZE : OLD_HEADER_SIZE;
        return new Abf1Header(file, file.read(0, size, ByteOrder.LITTLE_ENDIAN, "ABF " + AbfText.version(version) + " header"), version).parse();
    }

    private AbfFile parse() throws IOException {
        AbfOperationMode mode = AbfOperationMode.of(h.getShort(OPERATION_MODE), file);
        SampleType storage = AbfFile.storage(h.getShort(DATA_FORMAT), file);
        int channelCount = channelCount();
        double sampleIntervalUs = sampleIntervalUs();
        List<AbfChannel> channels = channels(channelCount, storage);

        long dataPtr = h.getInt(DATA_SECTION_PTR);
        if (dataPtr * BLOCK < OLD_HEADER_SIZE) {
            throw file.problem("lDataSectionPtr=" + dataPtr + " points inside the header");
        }
        long samples = h.getInt(ACTUAL_ACQ_LENGTH);
        long dataOffset = dataPtr * BLOCK + (long) nonNegative(h.getShort(NUM_POINTS_IGNORED), "nNumPointsIgnored")
                * storage.bytes();
        file.requireSamples(dataOffset, samples, storage.bytes());

        double tickS = AbfSynchArray.tickS(h.getFloat(SYNCH_TIME_UNIT), sampleIntervalUs);
        AbfSweepLayout.Header layout = new AbfSweepLayout.Header(mode, channelCount, samples / channelCount,
                nonNegative(h.getInt(ACTUAL_EPISODES), "lActualEpisodes"), h.getInt(NUM_SAMPLES_PER_EPISODE),
                synchArray(), tickS, sampleIntervalUs * channelCount * 1e-6, h.getFloat(EPISODE_START_TO_START));
        return new AbfFile(AbfText.version(version), mode, storage, dataOffset, channels,
                1e6 / (sampleIntervalUs * channelCount), AbfSweepLayout.of(layout, file), tags(tickS),
                comments(), protocol(), AbfText.startTime(h.getInt(FILE_START_DATE), startMillis()));
    }

    private int channelCount() throws IOException {
        int n = h.getShort(ADC_NUM_CHANNELS);
        if (n < 1 || n > AbfFile.MAX_CHANNELS) {
            throw file.problem("nADCNumChannels=" + n + " (expected 1 to " + AbfFile.MAX_CHANNELS + ")");
        }
        return n;
    }

    /** fADCSampleInterval: µs between two interleaved samples, so one channel's interval × channel count. */
    private double sampleIntervalUs() throws IOException {
        float interval = h.getFloat(ADC_SAMPLE_INTERVAL);
        if (!(interval > 0) || Float.isInfinite(interval)) {
            throw file.problem("fADCSampleInterval=" + interval + " µs is not a usable sample interval");
        }
        float second = h.getFloat(ADC_SECOND_SAMPLE_INTERVAL);
        if (second != 0 && second != interval && h.getInt(CLOCK_CHANGE) > 0) {
            throw file.problem("the sample rate changes within each sweep (fADCSecondSampleInterval=" + second
                    + " µs from sample " + h.getInt(CLOCK_CHANGE) + "); mepsc does not read split-clock files");
        }
        return interval;
    }

    private List<AbfChannel> channels(int count, SampleType storage) throws IOException {
        float adcRange = h.getFloat(ADC_RANGE) > 1e-6f ? h.getFloat(ADC_RANGE) : 10f; // Axon's default
        int resolution = h.getInt(ADC_RESOLUTION);
        if (resolution <= 0) {
            throw file.problem("lADCResolution=" + resolution + " must be positive");
        }
        boolean conditioner = h.getShort(SIGNAL_TYPE) != 0;
        List<AbfChannel> channels = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            int p = h.getShort(ADC_SAMPLING_SEQ + 2 * i);
            if (p < 0 || p >= ADC_COUNT) {
                throw file.problem("nADCSamplingSeq[" + i + "]=" + p + " is not an ADC channel (0 to 15)");
            }
            AbfScaling scaling = new AbfScaling(f(INSTRUMENT_SCALE_FACTOR, p), f(ADC_PROGRAMMABLE_GAIN, p),
                    f(SIGNAL_GAIN, p), telegraphEnabled(p), telegraphGain(p), f(INSTRUMENT_OFFSET, p),
                    f(SIGNAL_OFFSET, p), conditioner, adcRange, resolution);
            String name = AbfText.fixed(h, ADC_CHANNEL_NAME + ADC_NAME_LENGTH * p, ADC_NAME_LENGTH);
            AbfChannel channel = new AbfChannel(name,
                    AbfText.fixed(h, ADC_UNITS + ADC_UNIT_LENGTH * p, ADC_UNIT_LENGTH), scaling);
            channels.add(AbfChannel.requireDecodable(channel, i, storage, file));
        }
        return channels;
    }

    private float f(int arrayOffset, int physicalChannel) {
        return h.getFloat(arrayOffset + 4 * physicalChannel);
    }

    /** Per-channel telegraphs from 1.6 on; before, one "autosample" channel carried them. */
    private boolean telegraphEnabled(int p) {
        if (longHeader) {
            return h.getShort(TELEGRAPH_ENABLE + 2 * p) != 0;
        }
        return h.getShort(AUTOSAMPLE_ENABLE) != 0 && h.getShort(AUTOSAMPLE_ADC_NUM) == p;
    }

    private float telegraphGain(int p) {
        return longHeader ? f(TELEGRAPH_ADDIT_GAIN, p) : h.getFloat(AUTOSAMPLE_ADDIT_GAIN);
    }

    private List<AbfSynchArray.Entry> synchArray() throws IOException {
        long ptr = nonNegative(h.getInt(SYNCH_ARRAY_PTR), "lSynchArrayPtr");
        long size = nonNegative(h.getInt(SYNCH_ARRAY_SIZE), "lSynchArraySize");
        return ptr == 0 ? List.of() : AbfSynchArray.read(file, ptr * BLOCK, size, 8);
    }

    private List<Tag> tags(double tickS) throws IOException {
        long ptr = nonNegative(h.getInt(TAG_SECTION_PTR), "lTagSectionPtr");
        long count = nonNegative(h.getInt(NUM_TAG_ENTRIES), "lNumTagEntries");
        if (ptr == 0 || count == 0) {
            return List.of();
        }
        if (count > AbfFile.MAX_TAGS) {
            throw file.problem("lNumTagEntries=" + count + " is more tags than a file can plausibly hold");
        }
        ByteBuffer t = file.read(ptr * BLOCK, count * TAG_BYTES, ByteOrder.LITTLE_ENDIAN, "tag section");
        List<Tag> tags = new ArrayList<>((int) count);
        for (int i = 0; i < count; i++) {
            int at = i * TAG_BYTES;
            tags.add(new Tag(t.getInt(at) * tickS, AbfText.fixed(t, at + 4, TAG_COMMENT_LENGTH)));
        }
        return tags;
    }

    private List<String> comments() {
        String comment = longHeader ? AbfText.fixed(h, FILE_COMMENT, FILE_COMMENT_LENGTH)
                : AbfText.fixed(h, OLD_FILE_COMMENT, OLD_FILE_COMMENT_LENGTH);
        return comment.isEmpty() ? List.of() : List.of(comment);
    }

    private String protocol() {
        return longHeader ? AbfText.protocolName(AbfText.fixed(h, PROTOCOL_PATH, PROTOCOL_PATH_LENGTH)) : "";
    }

    private long startMillis() {
        int ms = h.getShort(FILE_START_MILLISECS);
        return h.getInt(FILE_START_TIME) * 1000L + (ms >= 0 && ms < 1000 ? ms : 0);
    }

    private int nonNegative(int value, String field) throws IOException {
        if (value < 0) {
            throw file.problem(field + "=" + value + " is negative");
        }
        return value;
    }
}
