package org.mepsc.io.abf;

/**
 * Byte offsets of the ABF1 header fields mepsc reads and writes, named as in Axon's ABFHEADR.H
 * (ABF 1.8) and pyABF's "ABF1 file format" notes. All values are little-endian; "short" is int16,
 * "long" int32, "float" IEEE float32; arrays indexed by physical ADC channel have 16 entries.
 *
 * <p>The header is 2048 bytes before version 1.6 and 6144 bytes from 1.6 on; the fields from
 * {@link #EXTENDED_HEADER_START} on exist only in the long header.
 */
final class Abf1Layout {

    private Abf1Layout() {
    }

    static final int BLOCK = 512;
    static final int OLD_HEADER_SIZE = 2048;
    static final int HEADER_SIZE = 6144;
    static final int EXTENDED_HEADER_START = 2048;
    /** First version with the 6144-byte header. */
    static final float FIRST_LONG_HEADER_VERSION = 1.6f;

    static final int ADC_COUNT = 16;
    static final int ADC_NAME_LENGTH = 10;
    static final int ADC_UNIT_LENGTH = 8;
    static final int DAC_COUNT = 4;
    static final int TAG_BYTES = 64;
    static final int TAG_COMMENT_LENGTH = 56;

    // Group 1: file ID and size
    static final int FILE_SIGNATURE = 0;            // lFileSignature, "ABF "
    static final int FILE_VERSION_NUMBER = 4;       // fFileVersionNumber, float
    static final int OPERATION_MODE = 8;            // nOperationMode, short
    static final int ACTUAL_ACQ_LENGTH = 10;        // lActualAcqLength, long: samples, all channels
    static final int NUM_POINTS_IGNORED = 14;       // nNumPointsIgnored, short
    static final int ACTUAL_EPISODES = 16;          // lActualEpisodes, long
    static final int FILE_START_DATE = 20;          // lFileStartDate, long: YYYYMMDD (YYMMDD in old files)
    static final int FILE_START_TIME = 24;          // lFileStartTime, long: seconds after midnight
    static final int STOPWATCH_TIME = 28;           // lStopwatchTime, long
    static final int HEADER_VERSION_NUMBER = 32;    // fHeaderVersionNumber, float
    static final int FILE_TYPE = 36;                // nFileType, short: 1 = ABF
    static final int MS_BIN_FORMAT = 38;            // nMSBinFormat, short: 0 = IEEE floats

    // Group 2: file structure (block numbers of 512 bytes)
    static final int DATA_SECTION_PTR = 40;         // lDataSectionPtr, long
    static final int TAG_SECTION_PTR = 44;          // lTagSectionPtr, long
    static final int NUM_TAG_ENTRIES = 48;          // lNumTagEntries, long
    static final int SYNCH_ARRAY_PTR = 92;          // lSynchArrayPtr, long
    static final int SYNCH_ARRAY_SIZE = 96;         // lSynchArraySize, long: entries
    static final int DATA_FORMAT = 100;             // nDataFormat, short: 0 = int16, 1 = float32

    // Group 3: trial hierarchy
    static final int ADC_NUM_CHANNELS = 120;        // nADCNumChannels, short
    static final int ADC_SAMPLE_INTERVAL = 122;     // fADCSampleInterval, float: µs between interleaved samples
    static final int ADC_SECOND_SAMPLE_INTERVAL = 126; // fADCSecondSampleInterval, float (split clock)
    static final int SYNCH_TIME_UNIT = 130;         // fSynchTimeUnit, float: µs per synch tick, 0 = samples
    static final int SECONDS_PER_RUN = 134;         // fSecondsPerRun, float
    static final int NUM_SAMPLES_PER_EPISODE = 138; // lNumSamplesPerEpisode, long: all channels
    static final int EPISODES_PER_RUN = 146;        // lEpisodesPerRun, long
    static final int RUNS_PER_TRIAL = 150;          // lRunsPerTrial, long
    static final int NUMBER_OF_TRIALS = 154;        // lNumberOfTrials, long
    static final int EPISODE_START_TO_START = 178;  // fEpisodeStartToStart, float: seconds
    static final int CLOCK_CHANGE = 194;            // lClockChange, long: sample where the second interval starts

    // Group 5: hardware
    static final int ADC_RANGE = 244;               // fADCRange, float: volts
    static final int DAC_RANGE = 248;               // fDACRange, float
    static final int ADC_RESOLUTION = 252;          // lADCResolution, long: counts at +fADCRange
    static final int DAC_RESOLUTION = 256;          // lDACResolution, long

    // Group 6: environment
    static final int EXPERIMENT_TYPE = 260;         // nExperimentType, short: 2 = simple acquisition
    static final int AUTOSAMPLE_ENABLE = 262;       // _nAutosampleEnable, short (pre-1.6 telegraph)
    static final int AUTOSAMPLE_ADC_NUM = 264;      // _nAutosampleADCNum, short
    static final int AUTOSAMPLE_ADDIT_GAIN = 268;   // _fAutosampleAdditGain, float
    static final int CREATOR_INFO = 294;            // sCreatorInfo, char[16]
    static final int OLD_FILE_COMMENT = 310;        // _sFileComment, char[56]
    static final int OLD_FILE_COMMENT_LENGTH = 56;
    static final int FILE_START_MILLISECS = 366;    // nFileStartMillisecs, short
    static final int COMMENTS_ENABLE = 368;         // nCommentsEnable, short

    // Group 7: multi-channel (arrays by physical ADC number)
    static final int ADC_PTOL_CHANNEL_MAP = 378;    // nADCPtoLChannelMap[16], short
    static final int ADC_SAMPLING_SEQ = 410;        // nADCSamplingSeq[16], short: physical ADCs in sampling order, -1 pads
    static final int ADC_CHANNEL_NAME = 442;        // sADCChannelName[16], char[10]
    static final int ADC_UNITS = 602;               // sADCUnits[16], char[8]
    static final int ADC_PROGRAMMABLE_GAIN = 730;   // fADCProgrammableGain[16], float
    static final int ADC_DISPLAY_AMPLIFICATION = 794; // fADCDisplayAmplification[16], float
    static final int ADC_DISPLAY_OFFSET = 858;      // fADCDisplayOffset[16], float
    static final int INSTRUMENT_SCALE_FACTOR = 922; // fInstrumentScaleFactor[16], float: V at ADC per user unit
    static final int INSTRUMENT_OFFSET = 986;       // fInstrumentOffset[16], float: user units
    static final int SIGNAL_GAIN = 1050;            // fSignalGain[16], float
    static final int SIGNAL_OFFSET = 1114;          // fSignalOffset[16], float
    static final int SIGNAL_LOWPASS_FILTER = 1178;  // fSignalLowpassFilter[16], float: Hz, 100000 = off
    static final int SIGNAL_HIGHPASS_FILTER = 1242; // fSignalHighpassFilter[16], float
    static final int DAC_CHANNEL_NAME = 1306;       // sDACChannelName[4], char[10]
    static final int DAC_CHANNEL_UNITS = 1346;      // sDACChannelUnits[4], char[8]
    static final int DAC_SCALE_FACTOR = 1378;       // fDACScaleFactor[4], float
    static final int SIGNAL_TYPE = 1410;            // nSignalType, short: 0 = no signal conditioner

    // Group 16: miscellaneous
    static final int LEVEL_HYSTERESIS = 1980;       // nLevelHysteresis, short
    static final int TIME_HYSTERESIS = 1982;        // lTimeHysteresis, long
    static final int AVERAGE_WEIGHTING = 2022;      // fAverageWeighting, float
    static final int TRIAL_TRIGGER_SOURCE = 2028;   // nTrialTriggerSource, short: -1 = none
    static final int HEADER_SIZE_FIELD = 2034;      // lHeaderSize, long

    // Extended groups (version >= 1.6)
    static final int DAC_CALIBRATION_FACTOR = 2074; // fDACCalibrationFactor[4], float
    static final int TELEGRAPH_ENABLE = 4512;       // nTelegraphEnable[16], short
    static final int TELEGRAPH_ADDIT_GAIN = 4576;   // fTelegraphAdditGain[16], float
    static final int TELEGRAPH_FILTER = 4640;       // fTelegraphFilter[16], float
    static final int PROTOCOL_PATH = 4898;          // sProtocolPath, char[256]
    static final int PROTOCOL_PATH_LENGTH = 256;
    static final int FILE_COMMENT = 5154;           // sFileComment, char[128]
    static final int FILE_COMMENT_LENGTH = 128;
}
