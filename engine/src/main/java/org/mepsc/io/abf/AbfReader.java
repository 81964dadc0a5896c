package org.mepsc.io.abf;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Path;
import org.mepsc.io.FileBytes;
import org.mepsc.io.OpenOptions;
import org.mepsc.io.RecordingReader;
import org.mepsc.recording.Recording;
import org.mepsc.recording.RecordingFormatException;

/**
 * Axon Binary Format: ABF 1.x ("ABF " signature) and ABF 2.x ("ABF2"), int16 or float32 samples,
 * every acquisition mode. See {@link Abf1Header} and {@link Abf2Header} for the layouts and
 * {@link AbfSweepLayout} for how sweeps are found.
 */
public final class AbfReader implements RecordingReader {

    private static final int ABF1_SIGNATURE = 0x20464241; // "ABF " little-endian
    private static final int ABF2_SIGNATURE = 0x32464241; // "ABF2"

    @Override
    public String formatName() {
        return "ABF";
    }

    @Override
    public boolean recognises(Path file, ByteBuffer head) {
        if (head.remaining() < 4) {
            return false;
        }
        int signature = head.getInt(head.position());
        return signature == ABF1_SIGNATURE || signature == ABF2_SIGNATURE;
    }

    @Override
    public Recording open(Path file, OpenOptions options) throws IOException {
        try (FileBytes bytes = FileBytes.open(file)) {
            if (bytes.size() < 4) {
                throw bytes.problem(bytes.size() == 0 ? "file is empty (0 bytes)" : "too short to be an ABF file ("
                        + bytes.size() + " bytes)");
            }
            int signature = bytes.read(0, 4, ByteOrder.LITTLE_ENDIAN, "ABF signature").getInt(0);
            AbfFile abf;
            if (signature == ABF1_SIGNATURE) {
                abf = Abf1Header.read(bytes);
            } else if (signature == ABF2_SIGNATURE) {
                abf = Abf2Header.read(bytes);
            } else {
                throw bytes.problem("not an ABF file (the first bytes are not \"ABF \" or \"ABF2\")");
            }
            // the mapping outlives the channel, so no file handle stays open
            return new AbfRecording(file, abf, bytes.channel());
        } catch (ArithmeticException e) {
            throw new RecordingFormatException(file, "header sizes overflow: " + e.getMessage());
        }
    }
}
