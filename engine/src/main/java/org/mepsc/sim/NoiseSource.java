package org.mepsc.sim;

import org.mepsc.recording.Recording;

/**
 * Real recorded noise to put simulated events into (miniML's protocol: event-free stretches of
 * real recordings plus events of known size). The caller keeps ownership of the recording and
 * must keep it open while the simulated recording is read.
 *
 * @param recording the recording to read the noise from
 * @param channel a current channel (pA)
 * @param sweep the sweep to use; the simulation is that sweep's length (or shorter) and rate
 */
public record NoiseSource(Recording recording, int channel, int sweep) {
}
