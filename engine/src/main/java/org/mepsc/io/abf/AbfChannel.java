package org.mepsc.io.abf;

import org.mepsc.io.FileBytes;
import org.mepsc.io.RawLayout.SampleType;
import org.mepsc.recording.Channel;
import org.mepsc.recording.PhysicalUnit;

/**
 * One recorded ADC channel as the header describes it.
 *
 * @param name the channel name, trimmed ("IN 0", "Imemb")
 * @param unit the user unit as declared ("pA", "mV", "nA")
 * @param scaling how stored integers become user units (ignored for float samples)
 */
record AbfChannel(String name, String unit, AbfScaling scaling) {

    Channel toChannel(int index) {
        return Channel.of(index, name, unit);
    }

    /**
     * Whether every stored value decodes to a finite number: garbage scale terms give NaN or
     * infinite gains, or gains so large that float overflows.
     */
    boolean isDecodable(SampleType storage) {
        Decoding d = decoding(storage);
        return d.gain() != 0 && Float.isFinite(d.gain() * 32768f) && Float.isFinite(d.offset());
    }

    /** The channel, if {@link #isDecodable}; else the problem, naming the scale terms. */
    static AbfChannel requireDecodable(AbfChannel c, int index, SampleType storage, FileBytes file)
            throws org.mepsc.recording.RecordingFormatException {
        if (!c.isDecodable(storage)) {
            throw file.problem("channel " + index + " (" + c.name() + ") has unusable scaling: "
                    + c.scaling().describe());
        }
        return c;
    }

    /** {@code canonical = stored · gain + offset}: one multiply and add per sample. */
    record Decoding(float gain, float offset) {
    }

    /** How stored samples become the canonical unit (pA, mV), scaling and unit conversion folded together. */
    Decoding decoding(SampleType storage) {
        double toCanonical = PhysicalUnit.parse(unit).toCanonical();
        if (storage == SampleType.FLOAT32) {
            return new Decoding((float) toCanonical, 0f);
        }
        return new Decoding((float) (scaling.factor() * toCanonical), (float) (scaling.shift() * toCanonical));
    }
}
