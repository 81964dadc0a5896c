package org.mepsc.io.nwb;

import java.util.OptionalLong;
import org.mepsc.recording.PhysicalUnit;

/**
 * One PatchClampSeries of an NWB file, with what mepsc needs to place and scale it.
 *
 * @param name the group's name under /acquisition or /stimulus/presentation
 * @param type the neurodata_type ("VoltageClampSeries", …)
 * @param stimulus whether it is a stimulus series
 * @param electrode the path its electrode link points to, or "" if it has none
 * @param sweepNumber the sweep_number attribute, if present
 * @param stimulusDescription the stimulus_description attribute, or ""
 * @param declaredUnit the data's unit attribute ("amperes", "volts")
 * @param unit the canonical unit that follows from it
 * @param scale canonical value = stored value × scale + offset (conversion and unit folded in)
 * @param offset see {@code scale}
 * @param startTimeS starting_time (or the first timestamp), seconds from the session's reference time
 * @param rateHz samples per second
 * @param length samples
 * @param data the samples; null only in tests of the layout rules
 */
record NwbSeries(
        String name,
        String type,
        boolean stimulus,
        String electrode,
        OptionalLong sweepNumber,
        String stimulusDescription,
        String declaredUnit,
        PhysicalUnit unit,
        double scale,
        double offset,
        double startTimeS,
        double rateHz,
        long length,
        DatasetBlocks data) {

    /** The electrode's name: the last part of its path. */
    String electrodeName() {
        return electrode.substring(electrode.lastIndexOf('/') + 1);
    }
}
