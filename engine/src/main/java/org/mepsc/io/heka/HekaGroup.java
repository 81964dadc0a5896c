package org.mepsc.io.heka;

import java.util.List;

/**
 * A PatchMaster group (often one cell) and its series, in file order.
 *
 * @param label the group's name ("E-25")
 * @param text the group's free text, or ""
 */
record HekaGroup(String label, String text, List<HekaSeries> series) {

    HekaGroup {
        series = List.copyOf(series);
    }
}
