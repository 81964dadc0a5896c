package org.mepsc.recording;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * A recording whose channels are read as if the file declared another unit: for files that state
 * the wrong one (a current stored as "mV"). Values keep their numbers in the declared unit and
 * are converted from the assumed unit instead, so they still come out in pA or mV.
 */
public final class UnitOverride extends AbstractRecording {

    private final Recording inner;
    private final double[] factors;

    private UnitOverride(Recording inner, List<Channel> channels, double[] factors, RecordingMetadata metadata) {
        super(inner.source(), metadata, channels, inner.sweeps());
        this.inner = inner;
        this.factors = factors;
    }

    /**
     * Every channel of {@code recording} read as if its unit were {@code unit}.
     *
     * @param unit a current or voltage unit ("pA", "nA", "mA", "A", "mV", "V", …)
     * @throws IllegalArgumentException if {@code unit} is neither
     */
    public static Recording of(Recording recording, String unit) {
        PhysicalUnit assumed = PhysicalUnit.parse(unit);
        if (assumed.quantity() == PhysicalUnit.Quantity.OTHER) {
            throw new IllegalArgumentException("the assumed unit must be a current or a voltage (pA, nA, mA, A, mV, V, ...), got '"
                    + unit + "'");
        }
        List<Channel> channels = new ArrayList<>();
        double[] factors = new double[recording.channels().size()];
        for (Channel c : recording.channels()) {
            channels.add(new Channel(c.index(), c.name(), unit.strip(), assumed));
            factors[c.index()] = assumed.toCanonical() / c.unit().toCanonical();
        }
        RecordingMetadata m = recording.metadata();
        List<String> comments = new ArrayList<>(m.comments());
        comments.add("units read as '" + unit.strip() + "' instead of the declared ones");
        RecordingMetadata marked = new RecordingMetadata(m.format(), m.formatVersion(), m.acquisitionMode(), m.protocol(),
                m.tags(), comments, m.creationTime());
        return new UnitOverride(recording, channels, factors, marked);
    }

    @Override
    protected void readChecked(int channel, int sweep, long start, int count, float[] dst, int offset) throws IOException {
        inner.read(channel, sweep, start, count, dst, offset);
        double f = factors[channel];
        for (int i = offset; i < offset + count; i++) {
            dst[i] = (float) (dst[i] * f);
        }
    }

    @Override
    public void close() throws IOException {
        inner.close();
    }
}
