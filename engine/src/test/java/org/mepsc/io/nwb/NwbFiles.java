package org.mepsc.io.nwb;

import io.jhdf.HdfFile;
import io.jhdf.WritableHdfFile;
import io.jhdf.api.WritableNode;
import java.nio.file.Path;
import java.util.function.Consumer;

/** Writes small HDF5 / NWB files for reader tests, with jhdf and mepsc's linking groups. */
final class NwbFiles {

    private NwbFiles() {
    }

    /** An NWB 2 root (nwb_version and friends) with an /acquisition group the body fills. */
    static void nwb(Path file, String version, Consumer<LinkingGroup> acquisition) {
        try (WritableHdfFile h = HdfFile.write(file)) {
            h.putAttribute("nwb_version", version);
            h.putAttribute("neurodata_type", "NWBFile");
            h.putAttribute("namespace", "core");
            h.putDataset("session_start_time", "2021-03-04T05:06:07.5+01:00");
            h.putDataset("session_description", "made by a test");
            LinkingGroup acq = top(h, "acquisition");
            acquisition.accept(acq);
            LinkingGroup ephys = top(h, "general").group("intracellular_ephys");
            ephys.group("e0").dataset("description", "first");
            ephys.group("e1").dataset("description", "second");
        }
    }

    static LinkingGroup top(WritableHdfFile h, String name) {
        LinkingGroup g = new LinkingGroup(h, name);
        h.putDataset(name, g);
        return g;
    }

    /** A VoltageClampSeries of float32 amperes on electrode e0, sampled at {@code rate} from {@code start}. */
    static LinkingGroup vcSeries(LinkingGroup parent, String name, float[] amperes, double start, float rate) {
        LinkingGroup s = series(parent, name, "VoltageClampSeries", "e0");
        WritableNode d = s.dataset("data", amperes);
        d.putAttribute("unit", "amperes");
        d.putAttribute("conversion", 1.0f);
        WritableNode t = s.dataset("starting_time", start);
        t.putAttribute("rate", rate);
        t.putAttribute("unit", "seconds");
        return s;
    }

    static LinkingGroup series(LinkingGroup parent, String name, String type, String electrode) {
        LinkingGroup s = parent.group(name);
        s.putAttribute("neurodata_type", type);
        s.putAttribute("namespace", "core");
        s.putAttribute("stimulus_description", "steps");
        s.softLink("electrode", "/general/intracellular_ephys/" + electrode);
        return s;
    }
}
