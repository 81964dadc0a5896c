package org.mepsc.recording;

/**
 * One sweep (episode) of a recording. All channels of a sweep share its length and sample rate.
 *
 * @param index position in time order, from 0
 * @param startTimeS start of the sweep's first sample, in seconds from the start of the recording
 * @param length samples per channel
 * @param sampleRateHz samples per second
 */
public record Sweep(int index, double startTimeS, long length, double sampleRateHz) {

    public Sweep {
        if (length < 0) {
            throw new IllegalArgumentException("negative sweep length " + length);
        }
        if (!(sampleRateHz > 0) || Double.isInfinite(sampleRateHz)) {
            throw new IllegalArgumentException("sample rate " + sampleRateHz + " Hz");
        }
    }

    public double durationS() {
        return length / sampleRateHz;
    }

    /** Time of sample {@code i} of this sweep, from the start of the recording. */
    public double timeOf(long i) {
        return startTimeS + i / sampleRateHz;
    }
}
