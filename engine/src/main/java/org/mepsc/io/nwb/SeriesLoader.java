package org.mepsc.io.nwb;

import io.jhdf.HdfFile;
import io.jhdf.api.Dataset;
import io.jhdf.api.Group;
import io.jhdf.api.Link;
import io.jhdf.api.Node;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalLong;
import org.mepsc.io.SampleRates;
import org.mepsc.recording.PhysicalUnit;
import org.mepsc.recording.RecordingFormatException;

/** Reads one PatchClampSeries group into an {@link NwbSeries}, checking what reads will rely on. */
final class SeriesLoader {

    private final Path file;
    private final HdfFile hdf;
    private final long fileSize;

    SeriesLoader(Path file, HdfFile hdf, long fileSize) {
        this.file = file;
        this.hdf = hdf;
        this.fileSize = fileSize;
    }

    /** jhdf ends group paths with a slash; messages add their own. */
    private static String path(Group g) {
        String p = g.getPath();
        return p.length() > 1 && p.endsWith("/") ? p.substring(0, p.length() - 1) : p;
    }

    /** Whether a neurodata_type is a patch-clamp series mepsc reads. */
    static boolean isPatchClamp(String type) {
        return type.equals("PatchClampSeries") || type.endsWith("ClampSeries") || type.endsWith("ClampStimulusSeries");
    }

    static boolean isStimulus(String type) {
        return type.endsWith("StimulusSeries");
    }

    NwbSeries load(Group g, String type) throws RecordingFormatException {
        String where = path(g);
        Dataset data = HdfValues.child(g, "data").filter(n -> n instanceof Dataset).map(n -> (Dataset) n)
                .orElseThrow(() -> new RecordingFormatException(file, where + " has no data dataset"));
        DatasetBlocks blocks = DatasetBlocks.open(file, hdf, data, fileSize);
        String declared = HdfValues.string(data, "unit").orElse(defaultUnit(type));
        PhysicalUnit unit = PhysicalUnit.parse(declared);
        double conversion = HdfValues.number(data, "conversion").orElse(1.0);
        double offset = HdfValues.number(data, "offset").orElse(0.0);
        if (!Double.isFinite(conversion) || !Double.isFinite(offset)) {
            throw new RecordingFormatException(file, where + "/data has a conversion or offset that is not a number");
        }
        double[] timing = timing(g, blocks.length());
        OptionalDouble sweep = HdfValues.number(g, "sweep_number");
        return new NwbSeries(g.getName(), type, isStimulus(type), electrode(g),
                sweep.isPresent() ? OptionalLong.of((long) sweep.getAsDouble()) : OptionalLong.empty(),
                HdfValues.string(g, "stimulus_description").orElse(""),
                declared, unit, conversion * unit.toCanonical(), offset * unit.toCanonical(),
                timing[0], timing[1], blocks.length(), blocks);
    }

    /** The schema's unit when a file leaves it out: amperes for what voltage clamp records, volts otherwise. */
    private static String defaultUnit(String type) {
        return type.equals("VoltageClampSeries") || type.equals("CurrentClampStimulusSeries") ? "amperes" : "volts";
    }

    private static String electrode(Group g) {
        try {
            Node n = g.getChild("electrode");
            if (n instanceof Link) {
                return ((Link) n).getTargetPath();
            }
            return n == null ? "" : n.getPath();
        } catch (RuntimeException e) {
            return "";
        }
    }

    /** {start time, rate}: from starting_time and its rate, or from regular timestamps; the rate plausible. */
    private double[] timing(Group g, long samples) throws RecordingFormatException {
        double[] timing = startAndRate(g, samples);
        SampleRates.require(file, path(g), timing[1]); // before the sweeps: the message names the series
        return timing;
    }

    private double[] startAndRate(Group g, long samples) throws RecordingFormatException {
        String where = path(g);
        Optional<Node> starting = HdfValues.child(g, "starting_time");
        if (starting.isPresent()) {
            double start = HdfValues.datasetNumber(g, "starting_time").orElse(0.0);
            double rate = HdfValues.number(starting.get(), "rate").orElse(Double.NaN);
            if (!(rate > 0) || Double.isInfinite(rate) || !Double.isFinite(start)) {
                throw new RecordingFormatException(file, where + "/starting_time has no valid rate attribute (rate = " + rate + ")");
            }
            return new double[] {start, rate};
        }
        Optional<Node> ts = HdfValues.child(g, "timestamps");
        if (ts.isEmpty() || !(ts.get() instanceof Dataset)) {
            throw new RecordingFormatException(file, where + " has neither starting_time nor timestamps");
        }
        return regularTimestamps(where, DatasetBlocks.open(file, hdf, (Dataset) ts.get(), fileSize), samples);
    }

    /** Checks every timestamp against the line through the first and last, a block at a time. */
    private double[] regularTimestamps(String where, DatasetBlocks ts, long samples) throws RecordingFormatException {
        long n = ts.length();
        if (n != samples) {
            throw new RecordingFormatException(file, where + " has " + n + " timestamps for " + samples + " samples");
        }
        if (n < 2) {
            throw new RecordingFormatException(file, where + " has " + n + " timestamp(s): too few to tell the sample rate");
        }
        double first = ts.block(0)[0];
        double[] lastBlock = ts.block((n - 1) / ts.blockLength());
        double last = lastBlock[lastBlock.length - 1];
        double dt = (last - first) / (n - 1);
        if (!(dt > 0) || !Double.isFinite(dt)) {
            throw new RecordingFormatException(file, where + "/timestamps do not increase (first " + first + " s, last " + last + " s)");
        }
        for (long b = 0, i = 0; i < n; b++) {
            double[] t = ts.block(b);
            for (double v : t) {
                double expected = first + i * dt;
                if (!(Math.abs(v - expected) <= 0.1 * dt)) {
                    throw new RecordingFormatException(file, String.format(Locale.ROOT,
                            "%s/timestamps are irregular (sample %d at %.9g s, a constant rate puts it at %.9g s); "
                                    + "mepsc needs a constant sample rate", where, i, v, expected));
                }
                i++;
            }
        }
        double rate = 1 / dt;
        double rounded = Math.rint(rate);
        return new double[] {first, Math.abs(rate - rounded) <= 1e-6 * rate ? rounded : rate};
    }
}
