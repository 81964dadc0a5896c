package org.mepsc.io.nwb;

import io.jhdf.filter.ByteShuffleFilter;
import io.jhdf.filter.PipelineFilterWithData;
import java.util.List;
import java.util.zip.DataFormatException;
import java.util.zip.Inflater;

/**
 * Decodes a chunk through the filters NWB files use (deflate, shuffle, fletcher32), never
 * producing more bytes than the chunk holds: a corrupt or hostile chunk cannot inflate into an
 * OutOfMemoryError, and checksums are verified (jhdf 0.13 neither bounds deflate nor checks
 * fletcher32).
 */
final class ChunkFilters {

    static final int DEFLATE = 1;
    static final int SHUFFLE = 2;
    static final int FLETCHER32 = 3;

    private final List<PipelineFilterWithData> filters;
    /** The expected size of the data entering each filter when encoding, or -1 when not known. */
    private final int[] sizeBefore;

    ChunkFilters(List<PipelineFilterWithData> filters, int chunkBytes) {
        this.filters = List.copyOf(filters);
        this.sizeBefore = new int[filters.size()];
        int size = chunkBytes;
        for (int i = 0; i < filters.size(); i++) {
            sizeBefore[i] = size;
            int id = filters.get(i).getId();
            size = id == FLETCHER32 && size >= 0 ? size + 4 : id == SHUFFLE ? size : -1;
        }
    }

    /** Whether every filter is one this class decodes. */
    static boolean handles(List<PipelineFilterWithData> filters) {
        for (PipelineFilterWithData f : filters) {
            if (f.getId() != DEFLATE && f.getId() != SHUFFLE && f.getId() != FLETCHER32) {
                return false;
            }
        }
        return true;
    }

    /**
     * @throws ChunkException with a short reason if the chunk does not decode
     */
    byte[] decode(byte[] encoded) throws ChunkException {
        byte[] data = encoded;
        for (int i = filters.size() - 1; i >= 0; i--) {
            PipelineFilterWithData f = filters.get(i);
            switch (f.getId()) {
                case DEFLATE:
                    data = inflate(data, sizeBefore[i]);
                    break;
                case SHUFFLE:
                    data = unshuffle(data, f.getFilterData());
                    break;
                case FLETCHER32:
                    data = checkFletcher32(data);
                    break;
                default:
                    throw new ChunkException("filter " + f.getName() + " cannot be decoded here");
            }
            if (sizeBefore[i] >= 0 && data.length != sizeBefore[i]) {
                throw new ChunkException("chunk decodes to " + data.length + " bytes, not " + sizeBefore[i]);
            }
        }
        return data;
    }

    /** jhdf's shuffle decoding, once the filter's element size is known to be one it can use. */
    private static byte[] unshuffle(byte[] data, int[] filterData) throws ChunkException {
        if (filterData.length == 0 || filterData[0] < 1) {
            throw new ChunkException("shuffle filter without a valid element size");
        }
        return new ByteShuffleFilter().decode(data, filterData);
    }

    private static byte[] inflate(byte[] compressed, int expected) throws ChunkException {
        if (expected < 0) {
            throw new ChunkException("deflate after another compressor is not supported");
        }
        Inflater inflater = new Inflater();
        try {
            inflater.setInput(compressed);
            byte[] out = new byte[expected];
            int n = 0;
            while (n < expected && !inflater.finished()) {
                int got = inflater.inflate(out, n, expected - n);
                if (got == 0 && (inflater.needsInput() || inflater.needsDictionary())) {
                    throw new ChunkException("compressed chunk is truncated");
                }
                n += got;
            }
            if (!inflater.finished() && inflater.inflate(new byte[1]) > 0) {
                throw new ChunkException("chunk inflates to more than its " + expected + " bytes");
            }
            if (n != expected) {
                throw new ChunkException("chunk inflates to " + n + " bytes, not " + expected);
            }
            return out;
        } catch (DataFormatException e) {
            throw new ChunkException("compressed chunk is corrupt (" + e.getMessage() + ")");
        } finally {
            inflater.end();
        }
    }

    /** Strips and checks HDF5's Fletcher-32 checksum (accepting the byte-swapped form pre-1.6.3 files have). */
    private static byte[] checkFletcher32(byte[] data) throws ChunkException {
        if (data.length < 4) {
            throw new ChunkException("chunk is too short for its checksum");
        }
        int n = data.length - 4;
        long stored = (data[n] & 0xffL) | (data[n + 1] & 0xffL) << 8 | (data[n + 2] & 0xffL) << 16
                | (data[n + 3] & 0xffL) << 24;
        long sum = fletcher32(data, n);
        long swapped = ((sum & 0x00ff00ffL) << 8) | ((sum >>> 8) & 0x00ff00ffL);
        if (stored != sum && stored != swapped) {
            throw new ChunkException("chunk checksum (fletcher32) does not match: the file is corrupt");
        }
        return java.util.Arrays.copyOf(data, n);
    }

    /** H5_checksum_fletcher32: 16-bit big-endian words, sums folded every 360 words. */
    static long fletcher32(byte[] data, int len) {
        long sum1 = 0;
        long sum2 = 0;
        int words = len / 2;
        int p = 0;
        while (words > 0) {
            int block = Math.min(words, 360);
            words -= block;
            for (int k = 0; k < block; k++) {
                sum1 += ((data[p] & 0xff) << 8) | (data[p + 1] & 0xff);
                p += 2;
                sum2 += sum1;
            }
            sum1 = (sum1 & 0xffff) + (sum1 >>> 16);
            sum2 = (sum2 & 0xffff) + (sum2 >>> 16);
        }
        if (len % 2 != 0) {
            sum1 += (data[p] & 0xff) << 8;
            sum2 += sum1;
            sum1 = (sum1 & 0xffff) + (sum1 >>> 16);
            sum2 = (sum2 & 0xffff) + (sum2 >>> 16);
        }
        sum1 = (sum1 & 0xffff) + (sum1 >>> 16);
        sum2 = (sum2 & 0xffff) + (sum2 >>> 16);
        return ((sum2 << 16) | sum1) & 0xffffffffL;
    }

    /** A chunk that does not decode; the caller adds the file and dataset. */
    static final class ChunkException extends Exception {
        private static final long serialVersionUID = 1L;

        ChunkException(String reason) {
            super(reason);
        }
    }
}
