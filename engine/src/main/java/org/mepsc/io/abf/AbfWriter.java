package org.mepsc.io.abf;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import org.mepsc.io.RecordingWriter;
import org.mepsc.output.AtomicOutput;
import org.mepsc.recording.Channel;
import org.mepsc.recording.Recording;
import org.mepsc.recording.Sweep;

/**
 * Writes ABF 1.83 with int16 samples, the version MiniAnalysis, Clampfit 9 and other older tools
 * read: one sweep as gap-free (nOperationMode 3), several sweeps of equal length and rate as
 * episodic (5) with a synch array holding their start times. Sweeps of different lengths are
 * refused (choose some with --sweep). Channels are interleaved in the order given, in pA / mV.
 *
 * <p>Two streaming passes: the first finds each channel's largest |value|, which sets its
 * fInstrumentScaleFactor so the values span the int16 range without clipping; the second writes.
 * Each sample is then within half a step (LSB) of the source.
 */
public final class AbfWriter implements RecordingWriter {

    private static final int CHUNK_FRAMES = 1 << 15;
    private static final int MAX_COUNT = 32767;

    @Override
    public String formatName() {
        return "abf";
    }

    @Override
    public String extension() {
        return "abf";
    }

    @Override
    public void write(Recording recording, List<Channel> channels, List<Sweep> sweeps, Path out,
            Collection<Path> inputs) throws IOException {
        AtomicOutput.refuseIfInput(out, inputs);
        Abf1HeaderWriter.Plan plan = plan(recording, channels, sweeps, scaleFactors(recording, channels, sweeps));
        List<AbfScaling> scalings = new ArrayList<>();
        for (float isf : plan.scaleFactors()) {
            scalings.add(AbfScaling.ofScaleFactor(isf, Abf1HeaderWriter.ADC_RANGE_V,
                    Abf1HeaderWriter.ADC_RESOLUTION_COUNTS));
        }
        AtomicOutput.writeBytes(out, inputs, o -> {
            FileChannel ch = o.channel();
            writeFully(ch, Abf1HeaderWriter.header(plan));
            long bytes = writeData(ch, recording, channels, sweeps, scalings);
            writeFully(ch, ByteBuffer.allocate((int) ((Abf1Layout.BLOCK - bytes % Abf1Layout.BLOCK) % Abf1Layout.BLOCK)));
            if (plan.episodic()) {
                writeFully(ch, Abf1HeaderWriter.synchArray(plan));
            }
        });
    }

    /** Checks that ABF1 can hold the selection and describes the file. */
    static Abf1HeaderWriter.Plan plan(Recording r, List<Channel> channels, List<Sweep> sweeps, float[] scaleFactors) {
        if (channels.isEmpty() || sweeps.isEmpty()) {
            throw new IllegalArgumentException("nothing to export: no channel or no sweep chosen");
        }
        if (channels.size() > AbfFile.MAX_CHANNELS) {
            throw new IllegalArgumentException("ABF holds at most " + AbfFile.MAX_CHANNELS + " channels, not "
                    + channels.size() + "; choose some with --channel");
        }
        Sweep first = sweeps.get(0);
        double[] starts = new double[sweeps.size()];
        for (int k = 0; k < sweeps.size(); k++) {
            Sweep s = sweeps.get(k);
            if (s.length() != first.length() || s.sampleRateHz() != first.sampleRateHz()) {
                throw new IllegalArgumentException("ABF 1.83 export needs sweeps of one length and rate, but sweep "
                        + first.index() + " has " + first.length() + " samples at " + first.sampleRateHz()
                        + " Hz and sweep " + s.index() + " " + s.length() + " at " + s.sampleRateHz()
                        + " Hz; choose sweeps with --sweep");
            }
            if (!Double.isFinite(s.startTimeS())) {
                throw new IllegalArgumentException("sweep " + s.index() + " has no usable start time");
            }
            starts[k] = s.startTimeS();
        }
        if (first.length() == 0) {
            throw new IllegalArgumentException("nothing to export: the sweeps are empty");
        }
        if (first.length() > Integer.MAX_VALUE / channels.size() / sweeps.size()) {
            throw new IllegalArgumentException("too long for ABF 1.83, whose sample count is 32-bit: "
                    + sweeps.size() + " sweeps × " + first.length() + " samples × " + channels.size()
                    + " channels; export fewer sweeps or channels");
        }
        List<String> names = new ArrayList<>();
        List<String> units = new ArrayList<>();
        for (Channel c : channels) {
            names.add(c.name());
            units.add(c.unit().symbol());
        }
        String comment = r.source().map(p -> "mepsc export of " + p.getFileName()).orElse("mepsc export");
        return new Abf1HeaderWriter.Plan(sweeps.size() > 1, names, units, scaleFactors, first.sampleRateHz(),
                first.length(), sweeps.size(), starts, r.metadata().creationTime(), comment);
    }

    /** First pass: each channel's fInstrumentScaleFactor from its largest |value|. */
    private static float[] scaleFactors(Recording r, List<Channel> channels, List<Sweep> sweeps) throws IOException {
        float[] isf = new float[channels.size()];
        float[] buf = new float[CHUNK_FRAMES];
        for (int c = 0; c < channels.size(); c++) {
            double peak = 0;
            for (Sweep s : sweeps) {
                for (long pos = 0; pos < s.length(); pos += CHUNK_FRAMES) {
                    int n = (int) Math.min(CHUNK_FRAMES, s.length() - pos);
                    r.read(channels.get(c).index(), s.index(), pos, n, buf, 0);
                    for (int i = 0; i < n; i++) {
                        if (!Float.isFinite(buf[i])) {
                            throw new IllegalArgumentException("channel " + channels.get(c).name() + " sweep "
                                    + s.index() + " sample " + (pos + i) + " is " + buf[i]
                                    + "; ABF int16 samples cannot hold it");
                        }
                        peak = Math.max(peak, Math.abs(buf[i]));
                    }
                }
            }
            isf[c] = scaleFactorFor(peak);
        }
        return isf;
    }

    /**
     * The largest fInstrumentScaleFactor (finest step) for which {@code peak} is at most 32767
     * counts; a float, so the step is recomputed from the stored value exactly as a reader will.
     */
    static float scaleFactorFor(double peak) {
        if (peak == 0) {
            return 1f;
        }
        double step = peak / MAX_COUNT;
        float isf = (float) Math.min(Float.MAX_VALUE,
                Abf1HeaderWriter.ADC_RANGE_V / (step * Abf1HeaderWriter.ADC_RESOLUTION_COUNTS));
        while (isf > Float.MIN_NORMAL && peak / scaling(isf).factor() > MAX_COUNT) {
            isf = Math.nextDown(isf);
        }
        return isf;
    }

    private static AbfScaling scaling(float isf) {
        return AbfScaling.ofScaleFactor(isf, Abf1HeaderWriter.ADC_RANGE_V, Abf1HeaderWriter.ADC_RESOLUTION_COUNTS);
    }

    /** Second pass: frames of interleaved int16 counts. Returns the bytes written. */
    private static long writeData(FileChannel out, Recording r, List<Channel> channels, List<Sweep> sweeps,
            List<AbfScaling> scalings) throws IOException {
        int nCh = channels.size();
        float[][] values = new float[nCh][CHUNK_FRAMES];
        double[] step = new double[nCh];
        for (int c = 0; c < nCh; c++) {
            step[c] = scalings.get(c).factor();
        }
        ByteBuffer frames = ByteBuffer.allocate(CHUNK_FRAMES * nCh * 2).order(ByteOrder.LITTLE_ENDIAN);
        long written = 0;
        for (Sweep s : sweeps) {
            for (long pos = 0; pos < s.length(); pos += CHUNK_FRAMES) {
                int n = (int) Math.min(CHUNK_FRAMES, s.length() - pos);
                for (int c = 0; c < nCh; c++) {
                    r.read(channels.get(c).index(), s.index(), pos, n, values[c], 0);
                }
                frames.clear();
                for (int i = 0; i < n; i++) {
                    for (int c = 0; c < nCh; c++) {
                        frames.putShort(counts(values[c][i], step[c]));
                    }
                }
                written += writeFully(out, frames.flip());
            }
        }
        return written;
    }

    /** The nearest count; the scale factor was chosen so no value needs clipping. */
    static short counts(float value, double step) {
        long q = Math.round(value / step);
        return (short) Math.max(-MAX_COUNT - 1, Math.min(MAX_COUNT, q));
    }

    private static int writeFully(FileChannel out, ByteBuffer b) throws IOException {
        int n = b.remaining();
        while (b.hasRemaining()) {
            out.write(b);
        }
        return n;
    }
}
