package org.mepsc.batch;

import java.util.Map;

/**
 * One row of cells.csv.
 *
 * @param files files of the cell, failed ones included
 * @param eventCount accepted events over its analysed files
 * @param analysedSeconds analysed time over those files
 * @param frequencyHz events / analysed time
 * @param amplitudeMedianPa median amplitude of the accepted events
 * @param amplitudeMeanPa their mean amplitude
 * @param riseMedianMs median 10–90 % rise time of the accepted events that do not overlap another
 * @param decayTauMedianMs median decay time constant of those events
 * @param noiseSdPa noise SD over the files, weighted by analysed time (root of the mean variance)
 * @param status "ok", or why the cell is left out of comparisons
 * @param properties the cell's further manifest columns
 */
public record CellSummary(String cell, String group, int files, long eventCount, double analysedSeconds,
        double frequencyHz, double amplitudeMedianPa, double amplitudeMeanPa, double riseMedianMs,
        double decayTauMedianMs, double noiseSdPa, String status, Map<String, String> properties) {

    public static final String OK = "ok";

    public boolean ok() {
        return OK.equals(status);
    }
}
