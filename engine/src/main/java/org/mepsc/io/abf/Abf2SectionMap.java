package org.mepsc.io.abf;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import org.mepsc.io.FileBytes;

/**
 * The ABF2 section map: 18 entries of 16 bytes from byte 76 of the header, each giving where a
 * section starts (uBlockIndex, in 512-byte blocks), the size of one entry (uBytes) and how many
 * entries it has (llNumEntries). mepsc reads six of the sections.
 */
final class Abf2SectionMap {

    static final int BLOCK = 512;
    static final int MAP_OFFSET = 76;
    static final int ENTRY_BYTES = 16;

    /** The sections, in the order of the map. */
    enum Name {
        PROTOCOL, ADC, DAC, EPOCH, ADC_PER_DAC, EPOCH_PER_DAC, USER_LIST, STATS_REGION, MATH, STRINGS, DATA, TAG,
        SCOPE, DELTA, VOICE_TAG, SYNCH_ARRAY, ANNOTATION, STATS;

        int mapOffset() {
            return MAP_OFFSET + ENTRY_BYTES * ordinal();
        }

        /** For messages: "protocol", "ADC", "synch array". */
        @Override
        public String toString() {
            String n = name().replace('_', ' ');
            return n.startsWith("ADC") || n.startsWith("DAC") ? n : n.toLowerCase(java.util.Locale.ROOT);
        }
    }

    /**
     * One section.
     *
     * @param blockIndex uBlockIndex (unsigned)
     * @param entryBytes uBytes (unsigned)
     * @param entries llNumEntries
     */
    record Section(Name name, long blockIndex, long entryBytes, long entries) {

        long offset() {
            return blockIndex * BLOCK;
        }

        boolean isPresent() {
            return blockIndex != 0 && entries != 0;
        }
    }

    private final ByteBuffer header;
    private final FileBytes file;

    Abf2SectionMap(ByteBuffer header, FileBytes file) {
        this.header = header;
        this.file = file;
    }

    Section get(Name name) throws IOException {
        int at = name.mapOffset();
        Section s = new Section(name, Integer.toUnsignedLong(header.getInt(at)),
                Integer.toUnsignedLong(header.getInt(at + 4)), header.getLong(at + 8));
        if (s.entries() < 0) {
            throw file.problem("ABF2 " + name + " section claims " + s.entries() + " entries");
        }
        return s;
    }

    /** Reads a whole section whose entries must be at least {@code minEntryBytes} long. */
    ByteBuffer read(Section s, long minEntryBytes, long maxEntries) throws IOException {
        if (s.entryBytes() < minEntryBytes) {
            throw file.problem("ABF2 " + s.name() + " section entries of " + s.entryBytes()
                    + " bytes are too small (need " + minEntryBytes + ")");
        }
        if (s.entries() > maxEntries) {
            throw file.problem("ABF2 " + s.name() + " section claims " + s.entries() + " entries (at most "
                    + maxEntries + " expected)");
        }
        return file.read(s.offset(), s.entryBytes() * s.entries(), ByteOrder.LITTLE_ENDIAN, "ABF2 " + s.name() + " section");
    }
}
