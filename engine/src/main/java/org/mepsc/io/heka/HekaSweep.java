package org.mepsc.io.heka;

import java.util.List;

/**
 * A sweep of a series: one trace per recorded signal.
 *
 * @param time when the sweep started, in HEKA's time format (NaN if the record is too short)
 */
record HekaSweep(double time, List<HekaTrace> traces) {

    HekaSweep {
        traces = List.copyOf(traces);
    }
}
