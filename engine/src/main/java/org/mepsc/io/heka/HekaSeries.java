package org.mepsc.io.heka;

import java.util.List;

/**
 * A PatchMaster series: one run of a stimulus protocol, as sweeps of traces.
 *
 * @param label the stimulus (protocol) name ("IV", "Ramp")
 * @param comment the series comment, or ""
 * @param time when it was recorded, in HEKA's time format (NaN if the record is too short)
 */
record HekaSeries(String label, String comment, double time, List<HekaSweep> sweeps) {

    HekaSeries {
        sweeps = List.copyOf(sweeps);
    }
}
