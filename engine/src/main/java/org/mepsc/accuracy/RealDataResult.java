package org.mepsc.accuracy;

/** A method scored on a recording with known events. */
public record RealDataResult(RealDataCheck check, String method, Trial trial) {
}
