package org.mepsc.io.heka;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.mepsc.io.FileBytes;
import org.mepsc.io.Labels;

/**
 * The 256-byte header of a bundled PatchMaster file ("DAT2"): the version of PatchMaster that
 * wrote it and a table of the files bundled inside (.dat raw data, .pul tree, .pgf stimuli, …).
 *
 * @param version the writer's version ("v2x71, 18-Mar-2013")
 * @param items the bundled files that are present
 */
record BundleHeader(String version, List<Item> items) {

    static final int SIZE = 256;
    private static final int ITEMS_AT = 64;
    private static final int ITEM_SIZE = 16;
    private static final int MAX_ITEMS = 12;
    private static final int LITTLE_ENDIAN_FLAG_AT = 52;

    /**
     * One bundled file.
     *
     * @param extension its extension (".pul")
     * @param start its first byte in the bundle
     * @param length its size in bytes
     */
    record Item(String extension, long start, long length) {
    }

    BundleHeader {
        items = List.copyOf(items);
    }

    /** Reads the header; the byte order of its numbers is given by its IsLittleEndian flag. */
    static BundleHeader read(FileBytes file) throws IOException {
        if (file.size() < SIZE) {
            throw file.problem("file is " + file.size() + " bytes, shorter than a PatchMaster bundle header ("
                    + SIZE + " bytes)");
        }
        ByteBuffer h = file.read(0, SIZE, ByteOrder.LITTLE_ENDIAN, "bundle header");
        if (h.get(LITTLE_ENDIAN_FLAG_AT) == 0) {
            h.order(ByteOrder.BIG_ENDIAN);
        }
        String version = Labels.cString(h, 8, 32);
        List<Item> items = new ArrayList<>();
        for (int i = 0; i < MAX_ITEMS; i++) {
            int at = ITEMS_AT + i * ITEM_SIZE;
            long start = Integer.toUnsignedLong(h.getInt(at));
            long length = Integer.toUnsignedLong(h.getInt(at + 4));
            String ext = Labels.cString(h, at + 8, 8);
            if (length > 0 && !ext.isEmpty()) {
                items.add(new Item(ext, start, length));
            }
        }
        return new BundleHeader(version, items);
    }

    /** The first bundled file with this extension (".pul"), case-insensitively. */
    Optional<Item> item(String extension) {
        return items.stream().filter(i -> i.extension().equalsIgnoreCase(extension)).findFirst();
    }
}
