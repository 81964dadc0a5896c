package org.mepsc.io.abf;

import static org.mepsc.io.abf.Abf1Layout.*;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;

/**
 * Builds the 6144-byte header of an ABF 1.83 file the way Clampex 9–10 writes one, for int16 data
 * in one of two layouts: gap-free (nOperationMode 3) or episodic (5) with a synch array after the
 * data. Fields mepsc has no value for keep Axon's defaults (ABFH_Initialize); text fields are
 * space-padded as Clampex pads them.
 */
final class Abf1HeaderWriter {

    static final float VERSION = 1.83f;
    /** Clampex's gap-free "episode": the chunk lActualEpisodes counts. */
    static final int GAP_FREE_CHUNK = 8192;
    static final float ADC_RANGE_V = 10f;
    static final int ADC_RESOLUTION_COUNTS = 32768;

    /**
     * What the file will hold.
     *
     * @param episodic mode 5 with a synch array, else gap-free
     * @param names channel names, in interleaving order
     * @param units their units
     * @param scaleFactors their fInstrumentScaleFactor
     * @param sampleRateHz per channel
     * @param samplesPerSweep per channel
     * @param sweepCount 1 for gap-free
     * @param sweepStartsS start of each sweep (episodic only)
     * @param created acquisition start of the source, if known
     * @param comment sFileComment
     */
    record Plan(boolean episodic, List<String> names, List<String> units, float[] scaleFactors, double sampleRateHz,
            long samplesPerSweep, int sweepCount, double[] sweepStartsS, Optional<Instant> created, String comment) {

        int channels() {
            return names.size();
        }

        /** lActualAcqLength: samples of all channels and sweeps. */
        long totalSamples() {
            return samplesPerSweep * channels() * sweepCount;
        }

        /** fADCSampleInterval: µs between interleaved samples. */
        float sampleIntervalUs() {
            return (float) (1e6 / (sampleRateHz * channels()));
        }

        int dataBlocks() {
            return (int) ((totalSamples() * 2 + BLOCK - 1) / BLOCK);
        }

        int synchBlocks() {
            return episodic ? (sweepCount * 8 + BLOCK - 1) / BLOCK : 0;
        }

        /** fSynchTimeUnit: one sample interval, coarsened until every sweep start fits an int32. */
        float synchTimeUnitUs() {
            if (!episodic) {
                return 0f;
            }
            float unit = sampleIntervalUs();
            double lastUs = 0;
            for (double t : sweepStartsS) {
                lastUs = Math.max(lastUs, Math.abs(t) * 1e6);
            }
            while (lastUs / unit > Integer.MAX_VALUE) {
                unit *= 2;
            }
            return unit;
        }
    }

    private Abf1HeaderWriter() {
    }

    static ByteBuffer header(Plan p) {
        ByteBuffer h = ByteBuffer.allocate(HEADER_SIZE).order(ByteOrder.LITTLE_ENDIAN);
        int nCh = p.channels();
        long total = p.totalSamples();
        int dataPtr = HEADER_SIZE / BLOCK;

        // Group 1: file ID and size
        h.put(FILE_SIGNATURE, "ABF ".getBytes(StandardCharsets.US_ASCII));
        h.putFloat(FILE_VERSION_NUMBER, VERSION);
        h.putShort(OPERATION_MODE, (short) (p.episodic() ? AbfOperationMode.EPISODIC : AbfOperationMode.GAP_FREE).code());
        h.putInt(ACTUAL_ACQ_LENGTH, (int) total);
        int chunk = GAP_FREE_CHUNK - GAP_FREE_CHUNK % nCh;
        h.putInt(ACTUAL_EPISODES, p.episodic() ? p.sweepCount() : (int) ((total + chunk - 1) / chunk));
        p.created().ifPresent(t -> putStartTime(h, t));
        h.putFloat(HEADER_VERSION_NUMBER, VERSION);
        h.putShort(FILE_TYPE, (short) 1);
        h.putShort(MS_BIN_FORMAT, (short) 0);

        // Group 2: file structure
        h.putInt(DATA_SECTION_PTR, dataPtr);
        if (p.episodic()) {
            h.putInt(SYNCH_ARRAY_PTR, dataPtr + p.dataBlocks());
            h.putInt(SYNCH_ARRAY_SIZE, p.sweepCount());
        }
        h.putShort(DATA_FORMAT, (short) 0);

        // Group 3: trial hierarchy
        h.putShort(ADC_NUM_CHANNELS, (short) nCh);
        h.putFloat(ADC_SAMPLE_INTERVAL, p.sampleIntervalUs());
        h.putFloat(SYNCH_TIME_UNIT, p.synchTimeUnitUs());
        h.putFloat(SECONDS_PER_RUN, (float) (p.samplesPerSweep() * p.sweepCount() / p.sampleRateHz()));
        h.putInt(NUM_SAMPLES_PER_EPISODE, p.episodic() ? (int) (p.samplesPerSweep() * nCh) : chunk);
        h.putInt(EPISODES_PER_RUN, p.episodic() ? p.sweepCount() : 1);
        h.putInt(RUNS_PER_TRIAL, 1);
        h.putInt(NUMBER_OF_TRIALS, 1);
        h.putFloat(EPISODE_START_TO_START, (float) uniformInterval(p));

        // Group 5: hardware
        h.putFloat(ADC_RANGE, ADC_RANGE_V);
        h.putFloat(DAC_RANGE, ADC_RANGE_V);
        h.putInt(ADC_RESOLUTION, ADC_RESOLUTION_COUNTS);
        h.putInt(DAC_RESOLUTION, ADC_RESOLUTION_COUNTS);

        // Group 6: environment
        h.putShort(EXPERIMENT_TYPE, (short) 2); // simple acquisition, as Clampex 9+ writes
        putText(h, CREATOR_INFO, 16, "mepsc");
        putText(h, OLD_FILE_COMMENT, OLD_FILE_COMMENT_LENGTH, p.comment());
        h.putShort(COMMENTS_ENABLE, (short) (p.comment().isEmpty() ? 0 : 1));

        // Group 7: multi-channel; logical channel i is physical ADC i
        for (int a = 0; a < ADC_COUNT; a++) {
            h.putShort(ADC_PTOL_CHANNEL_MAP + 2 * a, (short) a);
            h.putShort(ADC_SAMPLING_SEQ + 2 * a, (short) (a < nCh ? a : -1));
            putText(h, ADC_CHANNEL_NAME + ADC_NAME_LENGTH * a, ADC_NAME_LENGTH, a < nCh ? p.names().get(a) : "");
            putText(h, ADC_UNITS + ADC_UNIT_LENGTH * a, ADC_UNIT_LENGTH, a < nCh ? p.units().get(a) : "");
            h.putFloat(ADC_PROGRAMMABLE_GAIN + 4 * a, 1f);
            h.putFloat(ADC_DISPLAY_AMPLIFICATION + 4 * a, 1f);
            h.putFloat(INSTRUMENT_SCALE_FACTOR + 4 * a, a < nCh ? p.scaleFactors()[a] : 1f);
            h.putFloat(SIGNAL_GAIN + 4 * a, 1f);
            h.putFloat(SIGNAL_LOWPASS_FILTER + 4 * a, 100000f);
            h.putFloat(TELEGRAPH_ADDIT_GAIN + 4 * a, 1f);
            h.putFloat(TELEGRAPH_FILTER + 4 * a, 100000f);
        }
        for (int d = 0; d < DAC_COUNT; d++) {
            putText(h, DAC_CHANNEL_NAME + 10 * d, 10, "");
            putText(h, DAC_CHANNEL_UNITS + 8 * d, 8, "");
            h.putFloat(DAC_SCALE_FACTOR + 4 * d, 1f);
            h.putFloat(DAC_CALIBRATION_FACTOR + 4 * d, 1f);
        }
        h.putShort(SIGNAL_TYPE, (short) 0);

        // Group 16 and the extended header
        h.putShort(LEVEL_HYSTERESIS, (short) 64);
        h.putInt(TIME_HYSTERESIS, 1);
        h.putFloat(AVERAGE_WEIGHTING, 0.1f);
        h.putShort(TRIAL_TRIGGER_SOURCE, (short) -1);
        h.putInt(HEADER_SIZE_FIELD, HEADER_SIZE);
        putText(h, PROTOCOL_PATH, PROTOCOL_PATH_LENGTH, "");
        putText(h, FILE_COMMENT, FILE_COMMENT_LENGTH, p.comment());
        return h;
    }

    /** The synch array: each sweep's start in fSynchTimeUnit ticks and its length in multiplexed samples. */
    static ByteBuffer synchArray(Plan p) {
        ByteBuffer s = ByteBuffer.allocate(p.synchBlocks() * BLOCK).order(ByteOrder.LITTLE_ENDIAN);
        double tickS = p.synchTimeUnitUs() * 1e-6;
        for (int k = 0; k < p.sweepCount(); k++) {
            s.putInt(8 * k, (int) Math.round(p.sweepStartsS()[k] / tickS));
            s.putInt(8 * k + 4, (int) (p.samplesPerSweep() * p.channels()));
        }
        return s;
    }

    /** fEpisodeStartToStart in seconds when sweeps start at a regular interval, else 0. */
    private static double uniformInterval(Plan p) {
        if (!p.episodic() || p.sweepCount() < 2) {
            return 0;
        }
        double[] t = p.sweepStartsS();
        double interval = t[1] - t[0];
        for (int k = 2; k < t.length; k++) {
            if (Math.abs(t[k] - t[k - 1] - interval) > 1e-6 * Math.max(1, Math.abs(interval))) {
                return 0;
            }
        }
        return interval > 0 ? interval : 0;
    }

    private static void putStartTime(ByteBuffer h, Instant t) {
        LocalDateTime local = LocalDateTime.ofInstant(t, ZoneOffset.UTC);
        h.putInt(FILE_START_DATE, local.getYear() * 10_000 + local.getMonthValue() * 100 + local.getDayOfMonth());
        h.putInt(FILE_START_TIME, local.toLocalTime().toSecondOfDay());
        h.putShort(FILE_START_MILLISECS, (short) (local.getNano() / 1_000_000));
    }

    /** A space-padded fixed-length field; longer text is cut, characters outside Latin-1 become '?'. */
    private static void putText(ByteBuffer h, int offset, int length, String text) {
        byte[] field = new byte[length];
        java.util.Arrays.fill(field, (byte) ' ');
        byte[] raw = text.getBytes(StandardCharsets.ISO_8859_1);
        System.arraycopy(raw, 0, field, 0, Math.min(raw.length, length));
        h.put(offset, field);
    }
}
