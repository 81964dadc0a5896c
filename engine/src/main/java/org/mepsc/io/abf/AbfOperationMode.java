package org.mepsc.io.abf;

import org.mepsc.io.FileBytes;
import org.mepsc.recording.AcquisitionMode;

/** The header's nOperationMode: how Clampex acquired the sweeps. */
enum AbfOperationMode {
    /** 1: event-driven, each sweep as long as the event; the synch array gives start and length. */
    VARIABLE_LENGTH_EVENTS(1, AcquisitionMode.EVENT_DRIVEN_VARIABLE),
    /** 2: event-driven, sweeps of lNumSamplesPerEpisode (also "oscilloscope, loss free"). */
    FIXED_LENGTH_EVENTS(2, AcquisitionMode.EVENT_DRIVEN_FIXED),
    /** 3: one continuous recording. */
    GAP_FREE(3, AcquisitionMode.GAP_FREE),
    /** 4: high-speed oscilloscope, fixed-length sweeps. */
    HIGH_SPEED_OSCILLOSCOPE(4, AcquisitionMode.OSCILLOSCOPE),
    /** 5: episodic stimulation, fixed-length sweeps (ABF_WAVEFORMFILE). */
    EPISODIC(5, AcquisitionMode.EPISODIC);

    private final int code;
    private final AcquisitionMode acquisitionMode;

    AbfOperationMode(int code, AcquisitionMode acquisitionMode) {
        this.code = code;
        this.acquisitionMode = acquisitionMode;
    }

    int code() {
        return code;
    }

    AcquisitionMode acquisitionMode() {
        return acquisitionMode;
    }

    /** Whether every sweep has lNumSamplesPerEpisode samples. */
    boolean fixedLengthSweeps() {
        return this != VARIABLE_LENGTH_EVENTS && this != GAP_FREE;
    }

    /** The mode with this code. */
    static AbfOperationMode of(int code, FileBytes file) throws org.mepsc.recording.RecordingFormatException {
        for (AbfOperationMode m : values()) {
            if (m.code == code) {
                return m;
            }
        }
        throw file.problem("unsupported ABF acquisition mode nOperationMode=" + code + " (known: 1 to 5)");
    }
}
