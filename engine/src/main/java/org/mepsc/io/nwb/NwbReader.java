package org.mepsc.io.nwb;

import io.jhdf.HdfFile;
import io.jhdf.api.Group;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import org.mepsc.io.FileBytes;
import org.mepsc.io.OpenOptions;
import org.mepsc.io.RecordingReader;
import org.mepsc.recording.AcquisitionMode;
import org.mepsc.recording.Recording;
import org.mepsc.recording.RecordingFormatException;
import org.mepsc.recording.RecordingMetadata;

/**
 * NWB 2.x (Neurodata Without Borders) intracellular recordings, through jhdf. The patch-clamp
 * series under /acquisition and /stimulus/presentation become channels × sweeps as
 * {@link NwbLayout} describes; samples are converted with each series' conversion, offset and
 * unit into pA or mV.
 */
public final class NwbReader implements RecordingReader {

    /** Session dates before this are taken as placeholders (one public file says 1872). */
    private static final int PLAUSIBLE_FROM_YEAR = 1950;

    @Override
    public String formatName() {
        return "NWB";
    }

    /** Any HDF5 file: whether it is NWB is checked on opening, so that the error can say so. */
    @Override
    public boolean recognises(Path file, ByteBuffer head) {
        try {
            return Hdf5Signature.find(file, head) >= 0;
        } catch (IOException e) {
            return false;
        }
    }

    @Override
    public Recording open(Path file, OpenOptions options) throws IOException {
        HdfFile hdf;
        long size;
        try (FileBytes bytes = FileBytes.open(file)) {
            size = bytes.size();
            hdf = hdf(bytes);
        } catch (RuntimeException e) {
            throw new RecordingFormatException(file, "not a readable HDF5 file: " + DatasetBlocks.oneLine(e), e);
        }
        try {
            return open(file, hdf, size);
        } catch (IOException | RuntimeException e) {
            hdf.close();
            if (e instanceof RecordingFormatException) {
                throw (RecordingFormatException) e;
            }
            throw new RecordingFormatException(file, "cannot read this HDF5 file: " + DatasetBlocks.oneLine(e), e);
        }
    }

    /**
     * jhdf reads an object header into a buffer of the size the header claims before it checks it
     * against the file, so a corrupt size meant an allocation of up to 2 GiB; from a memory-mapped
     * file it takes slices of the mapping instead, and a corrupt size is an error. The mapping
     * outlives the channel. Files too large for one mapping are read through jhdf's own channel.
     */
    private static HdfFile hdf(FileBytes bytes) throws IOException {
        if (bytes.size() <= Integer.MAX_VALUE) {
            return HdfFile.fromByteBuffer(bytes.channel().map(FileChannel.MapMode.READ_ONLY, 0, bytes.size()));
        }
        return new HdfFile(bytes.file());
    }

    private Recording open(Path file, HdfFile hdf, long size) throws IOException {
        long end = hdf.getUserBlockSize() + hdf.getHdfBackingStorage().getSuperblock().getEndOfFileAddress();
        if (end > size) {
            throw new RecordingFormatException(file, "truncated: the file has " + size
                    + " bytes where its HDF5 superblock says " + end);
        }
        String version = HdfValues.string(hdf, "nwb_version").orElse("");
        if (version.isEmpty()) {
            Optional<String> v1 = HdfValues.datasetString(hdf, "nwb_version");
            throw new RecordingFormatException(file, v1.isPresent()
                    ? "NWB 1.x file (" + v1.get() + "); mepsc reads NWB 2.x"
                    : "an HDF5 file but not NWB (the root group has no nwb_version attribute)");
        }
        if (!version.startsWith("2.")) {
            throw new RecordingFormatException(file, "NWB version " + version + "; mepsc reads NWB 2.x");
        }
        SeriesLoader loader = new SeriesLoader(file, hdf, size);
        List<NwbSeries> series = new ArrayList<>();
        Map<String, Integer> otherTypes = new TreeMap<>();
        collect(hdf, "acquisition", loader, series, otherTypes);
        Optional<Group> stimulus = HdfValues.childGroup(hdf, "stimulus");
        if (stimulus.isPresent()) {
            collect(stimulus.get(), "presentation", loader, series, otherTypes);
        }
        if (series.stream().noneMatch(s -> !s.stimulus())) {
            throw new RecordingFormatException(file, "NWB file without patch-clamp recordings: no VoltageClampSeries, "
                    + "CurrentClampSeries or IZeroClampSeries under /acquisition"
                    + (otherTypes.isEmpty() ? "" : " (it holds " + describe(otherTypes) + ")"));
        }
        NwbLayout layout = NwbLayout.of(series);
        return new NwbRecording(file, hdf, metadata(hdf, version, layout), layout);
    }

    private static void collect(Group parent, String name, SeriesLoader loader, List<NwbSeries> into,
            Map<String, Integer> otherTypes) throws RecordingFormatException {
        Optional<Group> group = HdfValues.childGroup(parent, name);
        if (group.isEmpty()) {
            return;
        }
        for (String child : group.get().getChildren().keySet()) {
            Optional<Group> g = HdfValues.childGroup(group.get(), child);
            String type = g.flatMap(x -> HdfValues.string(x, "neurodata_type")).orElse("");
            if (g.isPresent() && SeriesLoader.isPatchClamp(type)) {
                into.add(loader.load(g.get(), type));
            } else if (!type.isEmpty()) {
                otherTypes.merge(type, 1, Integer::sum);
            }
        }
    }

    private static String describe(Map<String, Integer> types) {
        StringBuilder sb = new StringBuilder();
        types.forEach((t, n) -> sb.append(sb.length() == 0 ? "" : ", ").append(n).append(" × ").append(t));
        return sb.toString();
    }

    private static RecordingMetadata metadata(Group root, String version, NwbLayout layout) {
        List<String> comments = new ArrayList<>();
        HdfValues.datasetString(root, "session_description").filter(s -> !s.isBlank()).ifPresent(comments::add);
        Optional<Instant> created = HdfValues.datasetString(root, "session_start_time").flatMap(NwbTime::parse);
        created.filter(t -> t.atZone(ZoneOffset.UTC).getYear() < PLAUSIBLE_FROM_YEAR).ifPresent(t -> comments.add(
                "session_start_time " + t + " is implausible; it is shown as the file gives it"));
        comments.addAll(layout.notes());
        Set<String> protocols = new LinkedHashSet<>();
        for (NwbSeries s : layout.series(0)) {
            if (!s.stimulusDescription().isBlank()) {
                protocols.add(s.stimulusDescription());
            }
        }
        AcquisitionMode mode = layout.sweeps().size() == 1 ? AcquisitionMode.GAP_FREE : AcquisitionMode.EPISODIC;
        return new RecordingMetadata("NWB", version, mode, String.join(", ", protocols), List.of(), comments, created);
    }
}
