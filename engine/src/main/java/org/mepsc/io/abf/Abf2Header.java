package org.mepsc.io.abf;

import static org.mepsc.io.abf.Abf2SectionMap.Name.ADC;
import static org.mepsc.io.abf.Abf2SectionMap.Name.DATA;
import static org.mepsc.io.abf.Abf2SectionMap.Name.PROTOCOL;
import static org.mepsc.io.abf.Abf2SectionMap.Name.STRINGS;
import static org.mepsc.io.abf.Abf2SectionMap.Name.SYNCH_ARRAY;
import static org.mepsc.io.abf.Abf2SectionMap.Name.TAG;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.List;
import org.mepsc.io.FileBytes;
import org.mepsc.io.RawLayout.SampleType;
import org.mepsc.recording.Tag;

/**
 * Reads an ABF 2.x file ("ABF2" signature, pCLAMP 10 and later): a 512-byte header whose section
 * map says where the protocol, ADC, strings, data, tag and synch-array sections are. Offsets below
 * are those of Axon's ABF2 structures (ABF2_FileInfo, ABF_ProtocolInfo, ABF_ADCInfo), as pyABF
 * documents them.
 */
final class Abf2Header {

    // ABF2_FileInfo (the first 512 bytes)
    static final int FILE_INFO_SIZE = 512;
    static final int FILE_VERSION_NUMBER = 4;    // 4 bytes: build, bugfix, minor, major
    static final int ACTUAL_EPISODES = 12;       // lActualEpisodes, uint32
    static final int FILE_START_DATE = 16;       // uFileStartDate, uint32 YYYYMMDD
    static final int FILE_START_TIME_MS = 20;    // uFileStartTimeMS, uint32
    static final int DATA_FORMAT = 30;           // nDataFormat, uint16: 0 = int16, 1 = float32
    static final int PROTOCOL_PATH_INDEX = 72;   // uProtocolPathIndex, uint32 (strings)

    // ABF_ProtocolInfo
    static final int OPERATION_MODE = 0;         // nOperationMode, int16
    static final int ADC_SEQUENCE_INTERVAL = 2;  // fADCSequenceInterval, float: µs per channel sample
    static final int SYNCH_TIME_UNIT = 14;       // fSynchTimeUnit, float: µs, 0 = samples
    static final int NUM_SAMPLES_PER_EPISODE = 22; // lNumSamplesPerEpisode, int32: all channels
    static final int EPISODE_START_TO_START = 62; // fEpisodeStartToStart, float: seconds
    static final int ADC_RANGE = 110;            // fADCRange, float
    static final int ADC_RESOLUTION = 118;       // lADCResolution, int32
    static final int FILE_COMMENT_INDEX = 132;   // lFileCommentIndex, int32 (strings)
    static final int SIGNAL_TYPE = 138;          // nSignalType, int16
    static final int PROTOCOL_BYTES_READ = 140;

    // ABF_ADCInfo, one per recorded channel, in sampling order
    static final int TELEGRAPH_ENABLE = 2;       // nTelegraphEnable, int16
    static final int TELEGRAPH_ADDIT_GAIN = 6;   // fTelegraphAdditGain, float
    static final int ADC_PROGRAMMABLE_GAIN = 28; // fADCProgrammableGain, float
    static final int INSTRUMENT_SCALE_FACTOR = 40; // fInstrumentScaleFactor, float
    static final int INSTRUMENT_OFFSET = 44;     // fInstrumentOffset, float
    static final int SIGNAL_GAIN = 48;           // fSignalGain, float
    static final int SIGNAL_OFFSET = 52;         // fSignalOffset, float
    static final int ADC_CHANNEL_NAME_INDEX = 74; // lADCChannelNameIndex, int32 (strings)
    static final int ADC_UNITS_INDEX = 78;       // lADCUnitsIndex, int32 (strings)
    static final int ADC_BYTES_READ = 82;

    // ABF_TagInfo
    static final int TAG_BYTES = 64;             // lTagTime int32, sComment char[56], nTagType, nVoiceTagNumber
    static final int TAG_COMMENT_LENGTH = 56;

    private final FileBytes file;
    private final ByteBuffer info;
    private final Abf2SectionMap sections;
    private ByteBuffer protocol;
    private Abf2Strings strings;

    private Abf2Header(FileBytes file, ByteBuffer info) {
        this.file = file;
        this.info = info;
        this.sections = new Abf2SectionMap(info, file);
    }

    static AbfFile read(FileBytes file) throws IOException {
        return new Abf2Header(file, file.read(0, FILE_INFO_SIZE, ByteOrder.LITTLE_ENDIAN, "ABF2 header and section map")).parse();
    }

    private AbfFile parse() throws IOException {
        String version = version();
        protocol = sections.read(present(sections.get(PROTOCOL)), PROTOCOL_BYTES_READ, 1);
        strings = Abf2Strings.read(file, sections.get(STRINGS));
        AbfOperationMode mode = AbfOperationMode.of(protocol.getShort(OPERATION_MODE), file);
        SampleType storage = storage();
        List<AbfChannel> channels = channels(storage);
        int channelCount = channels.size();

        float sequenceIntervalUs = protocol.getFloat(ADC_SEQUENCE_INTERVAL);
        if (!(sequenceIntervalUs > 0) || Float.isInfinite(sequenceIntervalUs)) {
            throw file.problem("fADCSequenceInterval=" + sequenceIntervalUs + " µs is not a usable sample interval");
        }
        Abf2SectionMap.Section data = present(sections.get(DATA));
        file.requireSamples(data.offset(), data.entries(), storage.bytes());
        double sampleIntervalS = sequenceIntervalUs * 1e-6;
        double synchTickS = AbfSynchArray.tickS(protocol.getFloat(SYNCH_TIME_UNIT), sequenceIntervalUs / channelCount);
        AbfSweepLayout.Header layout = new AbfSweepLayout.Header(mode, channelCount, data.entries() / channelCount,
                Integer.toUnsignedLong(info.getInt(ACTUAL_EPISODES)), protocol.getInt(NUM_SAMPLES_PER_EPISODE),
                synchArray(), synchTickS, sampleIntervalS, protocol.getFloat(EPISODE_START_TO_START));
        String comment = strings.get(protocol.getInt(FILE_COMMENT_INDEX));
        return new AbfFile(version, mode, storage, data.offset(), channels, 1e6 / sequenceIntervalUs,
                AbfSweepLayout.of(layout, file), tags(synchTickS), comment.isEmpty() ? List.of() : List.of(comment),
                AbfText.protocolName(strings.get(Integer.toUnsignedLong(info.getInt(PROTOCOL_PATH_INDEX)))),
                AbfText.startTime(Integer.toUnsignedLong(info.getInt(FILE_START_DATE)),
                        Integer.toUnsignedLong(info.getInt(FILE_START_TIME_MS))));
    }

    private String version() throws IOException {
        int build = info.get(FILE_VERSION_NUMBER);
        int bugfix = info.get(FILE_VERSION_NUMBER + 1);
        int minor = info.get(FILE_VERSION_NUMBER + 2);
        int major = info.get(FILE_VERSION_NUMBER + 3);
        String v = AbfText.version(major, minor, bugfix, build);
        if (major != 2) {
            throw file.problem("unsupported ABF2 version " + v + " (expected 2.x)");
        }
        return v;
    }

    private Abf2SectionMap.Section present(Abf2SectionMap.Section s) throws IOException {
        if (!s.isPresent()) {
            throw file.problem("the ABF2 " + s.name() + " section is missing");
        }
        return s;
    }

    private SampleType storage() throws IOException {
        int format = Short.toUnsignedInt(info.getShort(DATA_FORMAT));
        SampleType storage = AbfFile.storage(format, file);
        long entryBytes = sections.get(DATA).entryBytes();
        if (entryBytes != storage.bytes()) {
            throw file.problem("data section entries of " + entryBytes + " bytes do not match nDataFormat="
                    + format + " (" + storage.bytes() + " bytes)");
        }
        return storage;
    }

    private List<AbfChannel> channels(SampleType storage) throws IOException {
        Abf2SectionMap.Section s = sections.get(ADC);
        if (s.entries() < 1 || s.entries() > AbfFile.MAX_CHANNELS) {
            throw file.problem("the ADC section lists " + s.entries() + " channels (expected 1 to "
                    + AbfFile.MAX_CHANNELS + ")");
        }
        ByteBuffer adc = sections.read(s, ADC_BYTES_READ, AbfFile.MAX_CHANNELS);
        float adcRange = protocol.getFloat(ADC_RANGE) > 1e-6f ? protocol.getFloat(ADC_RANGE) : 10f; // Axon's default
        int resolution = protocol.getInt(ADC_RESOLUTION);
        if (resolution <= 0) {
            throw file.problem("lADCResolution=" + resolution + " must be positive");
        }
        boolean conditioner = protocol.getShort(SIGNAL_TYPE) != 0;
        List<AbfChannel> channels = new ArrayList<>();
        for (int i = 0; i < s.entries(); i++) {
            int at = (int) (i * s.entryBytes());
            AbfScaling scaling = new AbfScaling(adc.getFloat(at + INSTRUMENT_SCALE_FACTOR),
                    adc.getFloat(at + ADC_PROGRAMMABLE_GAIN), adc.getFloat(at + SIGNAL_GAIN),
                    adc.getShort(at + TELEGRAPH_ENABLE) != 0, adc.getFloat(at + TELEGRAPH_ADDIT_GAIN),
                    adc.getFloat(at + INSTRUMENT_OFFSET), adc.getFloat(at + SIGNAL_OFFSET), conditioner, adcRange,
                    resolution);
            String name = strings.get(adc.getInt(at + ADC_CHANNEL_NAME_INDEX));
            AbfChannel channel = new AbfChannel(name, strings.get(adc.getInt(at + ADC_UNITS_INDEX)), scaling);
            channels.add(AbfChannel.requireDecodable(channel, i, storage, file));
        }
        return channels;
    }

    private List<AbfSynchArray.Entry> synchArray() throws IOException {
        Abf2SectionMap.Section s = sections.get(SYNCH_ARRAY);
        return s.isPresent() ? AbfSynchArray.read(file, s.offset(), s.entries(), s.entryBytes()) : List.of();
    }

    private List<Tag> tags(double tickS) throws IOException {
        Abf2SectionMap.Section s = sections.get(TAG);
        if (!s.isPresent()) {
            return List.of();
        }
        ByteBuffer t = sections.read(s, TAG_BYTES, AbfFile.MAX_TAGS);
        List<Tag> tags = new ArrayList<>();
        for (int i = 0; i < s.entries(); i++) {
            int at = (int) (i * s.entryBytes());
            tags.add(new Tag(t.getInt(at) * tickS, AbfText.fixed(t, at + 4, TAG_COMMENT_LENGTH)));
        }
        return tags;
    }
}
