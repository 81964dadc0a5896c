package org.mepsc.io;

import java.nio.ByteBuffer;

/** How one stored sample is encoded in a binary file (its byte order is given separately). */
public enum SampleEncoding {
    INT16(2), INT32(4), FLOAT32(4), FLOAT64(8);

    private final int bytes;

    SampleEncoding(int bytes) {
        this.bytes = bytes;
    }

    public int bytes() {
        return bytes;
    }

    /** The sample stored at byte {@code index} of {@code b}, in {@code b}'s byte order. */
    public double decode(ByteBuffer b, int index) {
        switch (this) {
            case INT16: return b.getShort(index);
            case INT32: return b.getInt(index);
            case FLOAT32: return b.getFloat(index);
            default: return b.getDouble(index);
        }
    }
}
