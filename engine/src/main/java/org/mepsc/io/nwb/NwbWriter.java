package org.mepsc.io.nwb;

import io.jhdf.HdfFile;
import io.jhdf.WritableHdfFile;
import io.jhdf.api.WritableNode;
import io.jhdf.exceptions.HdfException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.mepsc.Version;
import org.mepsc.io.RecordingWriter;
import org.mepsc.output.AtomicOutput;
import org.mepsc.recording.Channel;
import org.mepsc.recording.Recording;
import org.mepsc.recording.Sweep;

/**
 * Writes NWB 2.5 files: one VoltageClampSeries (current channels) or CurrentClampSeries (voltage
 * channels) per channel and sweep under /acquisition, each linked to an IntracellularElectrode
 * named after its channel, with the root attributes and datasets the schema requires.
 *
 * <p>Samples are stored as float32 in the canonical unit (pA, mV) with {@code conversion} 1e-12
 * or 1e-3, so values read back exactly; data are chunked (64 Ki samples) with shuffle and
 * deflate, and streamed from the recording one chunk at a time.
 */
public final class NwbWriter implements RecordingWriter {

    static final String NWB_VERSION = "2.5.0";
    private static final String DEVICE = "mepsc export";

    private final int chunkSamples;

    public NwbWriter() {
        this(StreamedSamples.DEFAULT_CHUNK);
    }

    /** With another chunk size: for tests that need many chunks from little data. */
    NwbWriter(int chunkSamples) {
        this.chunkSamples = chunkSamples;
    }

    @Override
    public String formatName() {
        return "nwb";
    }

    @Override
    public String extension() {
        return "nwb";
    }

    @Override
    public void write(Recording recording, List<Channel> channels, List<Sweep> sweeps, Path out,
            Collection<Path> inputs) throws IOException {
        check(channels, sweeps);
        try (AtomicOutput target = AtomicOutput.create(out, inputs)) {
            // jhdf writes to a path it opens itself: the output's own temporary file
            writeHdf5(recording, channels, sweeps, target.temporaryFile());
            target.commit();
        }
    }

    private static void check(List<Channel> channels, List<Sweep> sweeps) {
        if (channels.isEmpty() || sweeps.isEmpty()) {
            throw new IllegalArgumentException("nothing to export: no channel or no sweep chosen");
        }
        for (Channel c : channels) {
            if (!c.isCurrent() && !c.isVoltage()) {
                throw new IllegalArgumentException("NWB export holds currents and voltages; channel " + c.index()
                        + " (" + c.name() + ") is in '" + c.declaredUnit() + "'");
            }
        }
        for (Sweep s : sweeps) {
            if (s.length() < 1 || s.length() > Integer.MAX_VALUE) {
                throw new IllegalArgumentException("sweep " + s.index() + " has " + s.length()
                        + " samples; NWB export needs 1 to " + Integer.MAX_VALUE);
            }
        }
    }

    private void writeHdf5(Recording recording, List<Channel> channels, List<Sweep> sweeps, Path file)
            throws IOException {
        try (WritableHdfFile hdf = HdfFile.write(file)) {
            String now = iso(Instant.now());
            String start = iso(recording.metadata().creationTime().orElse(Instant.now()));
            hdf.putAttribute("nwb_version", NWB_VERSION);
            hdf.putAttribute("neurodata_type", "NWBFile");
            hdf.putAttribute("namespace", "core");
            hdf.putAttribute("object_id", UUID.randomUUID().toString());
            hdf.putDataset("identifier", UUID.randomUUID().toString());
            hdf.putDataset("session_description", description(recording));
            hdf.putDataset("session_start_time", start);
            hdf.putDataset("timestamps_reference_time", start);
            hdf.putDataset("file_create_date", new String[] {now});
            LinkingGroup acquisition = topGroup(hdf, "acquisition");
            topGroup(hdf, "analysis");
            topGroup(hdf, "processing");
            LinkingGroup stimulus = topGroup(hdf, "stimulus");
            stimulus.group("presentation");
            stimulus.group("templates");
            LinkingGroup general = topGroup(hdf, "general");
            LinkingGroup device = general.group("devices").group(DEVICE);
            typed(device, "Device");
            device.putAttribute("description", "written by mepsc " + Version.get());
            LinkingGroup ephys = general.group("intracellular_ephys");
            List<String> electrodes = electrodeNames(channels);
            for (int c = 0; c < channels.size(); c++) {
                LinkingGroup e = ephys.group(electrodes.get(c));
                typed(e, "IntracellularElectrode");
                e.dataset("description", "channel " + channels.get(c).index() + " (" + channels.get(c).name() + ")");
                e.softLink("device", "/general/devices/" + DEVICE);
            }
            String protocol = recording.metadata().protocol().isBlank() ? "N/A" : recording.metadata().protocol();
            for (int c = 0; c < channels.size(); c++) {
                for (Sweep s : sweeps) {
                    addSeries(acquisition, recording, channels.get(c), s, electrodes.get(c), protocol);
                }
            }
        } catch (UncheckedIOException e) {
            throw e.getCause();
        } catch (HdfException e) {
            throw new IOException(file + ": writing NWB failed: " + DatasetBlocks.oneLine(e), e);
        }
    }

    private void addSeries(LinkingGroup acquisition, Recording recording, Channel channel, Sweep sweep,
            String electrode, String protocol) {
        boolean current = channel.isCurrent();
        LinkingGroup g = acquisition.group(String.format("%s_sweep_%04d", electrode, sweep.index()));
        typed(g, current ? "VoltageClampSeries" : "CurrentClampSeries");
        g.putAttribute("description", "sweep " + sweep.index() + " of channel " + channel.index());
        g.putAttribute("comments", "no comments");
        g.putAttribute("stimulus_description", protocol);
        g.putAttribute("sweep_number", sweep.index(), true);
        StreamedSamples data = new StreamedSamples(g, "data", sweep.length(), chunkSamples,
                (first, n, dst) -> recording.read(channel.index(), sweep.index(), first, n, dst, 0));
        data.putAttribute("unit", current ? "amperes" : "volts");
        data.putAttribute("conversion", current ? 1e-12f : 1e-3f);
        data.putAttribute("resolution", -1.0f);
        data.putAttribute("offset", 0.0f);
        g.put("data", data);
        WritableNode start = g.dataset("starting_time", sweep.startTimeS());
        start.putAttribute("rate", (float) sweep.sampleRateHz());
        start.putAttribute("unit", "seconds");
        g.softLink("electrode", "/general/intracellular_ephys/" + electrode);
    }

    private static LinkingGroup topGroup(WritableHdfFile hdf, String name) {
        LinkingGroup g = new LinkingGroup(hdf, name);
        hdf.putDataset(name, g);
        return g;
    }

    private static void typed(LinkingGroup g, String neurodataType) {
        g.putAttribute("neurodata_type", neurodataType);
        g.putAttribute("namespace", "core");
        g.putAttribute("object_id", UUID.randomUUID().toString());
    }

    /** One electrode per channel, named after it; HDF5 names may not hold '/' and must differ. */
    private static List<String> electrodeNames(List<Channel> channels) {
        Set<String> used = new HashSet<>();
        List<String> names = new ArrayList<>();
        for (Channel c : channels) {
            String base = c.name().isBlank() ? "ch" + c.index() : c.name().strip().replace('/', '_');
            if (base.equals(".")) {
                base = "ch" + c.index();
            }
            String name = base;
            for (int k = 2; !used.add(name); k++) {
                name = base + "_" + k;
            }
            names.add(name);
        }
        return names;
    }

    private static String description(Recording r) {
        String from = r.source().map(p -> " from " + p.getFileName()).orElse("");
        String comments = r.metadata().comments().isEmpty() ? "" : ": " + String.join("; ", r.metadata().comments());
        return "exported by mepsc " + Version.get() + from + " (" + r.metadata().format() + ")" + comments;
    }

    private static String iso(Instant t) {
        return DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(t.truncatedTo(ChronoUnit.MICROS).atOffset(ZoneOffset.UTC));
    }
}
