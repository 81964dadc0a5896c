package org.mepsc.io.heka;

import java.nio.ByteOrder;
import java.util.Optional;
import org.mepsc.io.SampleEncoding;

/**
 * A trace record of the Pulsed tree: where one signal of one sweep is stored and how to scale it.
 *
 * @param label the signal's name ("I-mon", "Vmon")
 * @param dataOffset file position of the first sample (TrData)
 * @param points samples (TrDataPoints)
 * @param dataKind TrDataKind bits; bit 0 says the samples are little-endian
 * @param dataFormat TrDataFormat: 0 int16, 1 int32, 2 float32, 3 float64
 * @param dataScaler stored value × scaler = value in {@code yUnit}
 * @param zeroData the zero offset PatchMaster measured (TrZeroData), in {@code yUnit}; not applied
 * @param yUnit the unit of the scaled values ("A", "V")
 * @param xInterval the sample interval, in {@code xUnit}
 * @param xUnit the unit of the interval ("s")
 * @param interleaveSize bytes per block of block-interleaved storage (0 = contiguous)
 * @param interleaveSkip bytes from one block's start to the next one's
 */
record HekaTrace(String label, long dataOffset, long points, int dataKind, int dataFormat, double dataScaler,
        double zeroData, String yUnit, double xInterval, String xUnit, long interleaveSize, long interleaveSkip) {

    private static final int LITTLE_ENDIAN_BIT = 1;

    ByteOrder byteOrder() {
        return (dataKind & LITTLE_ENDIAN_BIT) != 0 ? ByteOrder.LITTLE_ENDIAN : ByteOrder.BIG_ENDIAN;
    }

    /** The sample encoding, or empty for a format code PatchMaster does not define. */
    Optional<SampleEncoding> encoding() {
        switch (dataFormat) {
            case 0: return Optional.of(SampleEncoding.INT16);
            case 1: return Optional.of(SampleEncoding.INT32);
            case 2: return Optional.of(SampleEncoding.FLOAT32);
            case 3: return Optional.of(SampleEncoding.FLOAT64);
            default: return Optional.empty();
        }
    }

    /** The sample interval in seconds, or NaN if the time unit is not one of s, ms, µs. */
    double intervalSeconds() {
        switch (xUnit) {
            case "s": return xInterval;
            case "ms": return xInterval * 1e-3;
            case "us": case "µs": case "μs": return xInterval * 1e-6;
            default: return Double.NaN;
        }
    }

    boolean isInterleaved() {
        return interleaveSize > 0 && interleaveSkip > 0;
    }
}
