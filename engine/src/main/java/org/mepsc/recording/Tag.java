package org.mepsc.recording;

/**
 * A time-stamped annotation: an ABF tag, an NWB comment with a time, and the like.
 *
 * @param timeS seconds from the start of the recording
 * @param text the annotation text
 */
public record Tag(double timeS, String text) {
}
