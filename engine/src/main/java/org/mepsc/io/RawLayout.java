package org.mepsc.io;

/**
 * How to read a headerless little-endian sample file.
 *
 * @param sampleType how each sample is stored
 * @param sampleRateHz samples per second per channel
 * @param unit the unit of a sample after scaling ("pA", "A", "mV", …)
 * @param scale physical value = stored value × scale + offset
 * @param offset see {@code scale}
 * @param channelCount interleaved channels (1 for a single trace)
 * @param headerBytes bytes to skip at the start of the file
 */
public record RawLayout(
        SampleType sampleType,
        double sampleRateHz,
        String unit,
        double scale,
        double offset,
        int channelCount,
        long headerBytes) {

    public enum SampleType {
        FLOAT32(4), INT16(2);

        private final int bytes;

        SampleType(int bytes) {
            this.bytes = bytes;
        }

        public int bytes() {
            return bytes;
        }
    }

    public RawLayout {
        if (!(sampleRateHz > 0) || Double.isInfinite(sampleRateHz)) {
            throw new IllegalArgumentException("raw sample rate must be a positive number of Hz, not " + sampleRateHz);
        }
        if (channelCount < 1) {
            throw new IllegalArgumentException("raw channel count must be at least 1, not " + channelCount);
        }
        if (headerBytes < 0) {
            throw new IllegalArgumentException("raw header size must not be negative");
        }
        if (!Double.isFinite(scale) || !Double.isFinite(offset)) {
            throw new IllegalArgumentException("raw scale and offset must be finite numbers");
        }
    }
}
