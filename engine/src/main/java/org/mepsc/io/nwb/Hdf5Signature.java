package org.mepsc.io.nwb;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * Finds the HDF5 format signature, which sits at offset 0 or after a user block of 512, 1024,
 * 2048, … bytes.
 */
final class Hdf5Signature {

    private static final byte[] SIGNATURE = {(byte) 0x89, 'H', 'D', 'F', '\r', '\n', 0x1a, '\n'};

    private Hdf5Signature() {
    }

    /** The signature's offset, or -1 if the file has none. */
    static long find(Path file, ByteBuffer head) throws IOException {
        if (at(head, 0)) {
            return 0;
        }
        long size = Files.size(file);
        FileChannel ch = null;
        try {
            ByteBuffer buf = ByteBuffer.allocate(SIGNATURE.length);
            for (long offset = 512; offset + SIGNATURE.length <= size; offset *= 2) {
                if (offset + SIGNATURE.length <= head.limit()) {
                    if (at(head, (int) offset)) {
                        return offset;
                    }
                    continue;
                }
                if (ch == null) {
                    ch = FileChannel.open(file, StandardOpenOption.READ);
                }
                buf.clear();
                while (buf.hasRemaining() && ch.read(buf, offset + buf.position()) > 0) {
                    // positional reads until the 8 bytes are in
                }
                if (!buf.hasRemaining() && at(buf.flip(), 0)) {
                    return offset;
                }
            }
            return -1;
        } finally {
            if (ch != null) {
                ch.close();
            }
        }
    }

    private static boolean at(ByteBuffer b, int offset) {
        if (offset + SIGNATURE.length > b.limit()) {
            return false;
        }
        for (int i = 0; i < SIGNATURE.length; i++) {
            if (b.get(offset + i) != SIGNATURE[i]) {
                return false;
            }
        }
        return true;
    }
}
