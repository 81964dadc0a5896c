package org.mepsc.io.nwb;

import io.jhdf.HdfFile;
import io.jhdf.api.Dataset;
import io.jhdf.api.dataset.ChunkedDataset;
import io.jhdf.api.dataset.ContiguousDataset;
import io.jhdf.dataset.DatasetBase;
import io.jhdf.exceptions.HdfException;
import io.jhdf.filter.PipelineFilterWithData;
import io.jhdf.object.datatype.DataType;
import io.jhdf.object.datatype.FixedPoint;
import io.jhdf.object.datatype.FloatingPoint;
import io.jhdf.object.datatype.OrderedDataType;
import io.jhdf.object.message.DataLayout;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.mepsc.recording.RecordingFormatException;

/**
 * A 1-D numeric HDF5 dataset, read one block at a time: a block is one chunk of a chunked
 * dataset (decoded whole, as HDF5 stores it), 64 Ki elements of a contiguous one, or all of a
 * compact one. Nothing larger than a block is ever held. Safe for concurrent use.
 */
final class DatasetBlocks {

    static final int CONTIGUOUS_BLOCK = 1 << 16;
    /** Larger chunks are refused rather than risk the memory of one decoded block per thread. */
    static final long MAX_CHUNK_BYTES = 64L << 20;

    private enum Kind { F32, F64, I8, U8, I16, U16, I32, U32, I64, U64 }

    private final Path file;
    private final String path;
    private final Dataset dataset;
    private final HdfFile hdf;
    private final DataLayout layout;
    private final long length;
    private final int blockLength;
    private final Kind kind;
    private final int elementSize;
    private final ByteOrder order;
    private final List<PipelineFilterWithData> filters;
    private final ChunkFilters ownFilters;
    private final double fill;

    private DatasetBlocks(Path file, Dataset dataset, HdfFile hdf, DataLayout layout, long length, int blockLength,
            Kind kind, int elementSize, ByteOrder order, List<PipelineFilterWithData> filters, double fill) {
        this.file = file;
        this.path = dataset.getPath();
        this.dataset = dataset;
        this.hdf = hdf;
        this.layout = layout;
        this.length = length;
        this.blockLength = blockLength;
        this.kind = kind;
        this.elementSize = elementSize;
        this.order = order;
        this.filters = filters;
        this.ownFilters = ChunkFilters.handles(filters) ? new ChunkFilters(filters, blockLength * elementSize) : null;
        this.fill = fill;
    }

    /**
     * Checks a dataset's type, shape, layout, filters and sizes against the file, so later reads
     * cannot run into an unsupported feature or allocate more than one block.
     */
    static DatasetBlocks open(Path file, HdfFile hdf, Dataset ds, long fileSize) throws RecordingFormatException {
        String where = ds.getPath();
        try {
            long[] dims = ds.getDimensionsAsLong();
            if (dims.length != 1) {
                throw new RecordingFormatException(file, where + " has " + dims.length
                        + " dimensions; mepsc reads 1-D series data only");
            }
            long length = dims[0];
            if (length > Integer.MAX_VALUE) {
                throw new RecordingFormatException(file, where + " has " + length + " samples, more than mepsc can address");
            }
            DataType type = ds.getDataType();
            Kind kind = kindOf(type);
            if (kind == null) {
                throw new RecordingFormatException(file, where + " holds " + type.getClass().getSimpleName()
                        + " values of " + type.getSize() + " bytes, not numbers mepsc can read");
            }
            int size = type.getSize();
            ByteOrder order = ((OrderedDataType) type).getByteOrder();
            double fill = ds.getFillValue() instanceof Number ? ((Number) ds.getFillValue()).doubleValue() : 0;
            DataLayout layout = ds.getDataLayout();
            if (layout == DataLayout.CHUNKED) {
                return chunked(file, hdf, (ChunkedDataset) ds, fileSize, length, kind, size, order, fill);
            }
            List<PipelineFilterWithData> none = List.of();
            if (layout == DataLayout.CONTIGUOUS) {
                ContiguousDataset c = (ContiguousDataset) ds;
                if (!c.isEmpty() && c.getDataAddress() + length * size > fileSize - hdf.getUserBlockSize()) {
                    throw new RecordingFormatException(file, where + " extends past the end of the file (truncated?)");
                }
                return new DatasetBlocks(file, ds, hdf, layout, length, CONTIGUOUS_BLOCK, kind, size, order, none, fill);
            }
            return new DatasetBlocks(file, ds, hdf, layout, length, (int) Math.max(1, length), kind, size, order, none, fill);
        } catch (HdfException | ClassCastException | ArithmeticException e) {
            throw new RecordingFormatException(file, where + " cannot be read: " + oneLine(e), e);
        }
    }

    private static DatasetBlocks chunked(Path file, HdfFile hdf, ChunkedDataset ds, long fileSize, long length,
            Kind kind, int size, ByteOrder order, double fill) throws RecordingFormatException {
        String where = ds.getPath();
        int[] chunk = ds.getChunkDimensions();
        if (chunk.length < 1 || chunk[0] < 1 || (long) chunk[0] * size > MAX_CHUNK_BYTES) {
            throw new RecordingFormatException(file, where + " has chunks of " + Arrays.toString(chunk)
                    + " elements; mepsc reads chunks of 1 to " + MAX_CHUNK_BYTES / size + " elements");
        }
        List<PipelineFilterWithData> filters;
        try {
            filters = ds.getFilters();
        } catch (HdfException e) {
            throw new RecordingFormatException(file, where + " uses a compression filter mepsc cannot decode ("
                    + oneLine(e) + ")", e);
        }
        // Reading the chunk index now surfaces a corrupt index at open, and bounds every chunk.
        if (ds.getStorageInBytes() > fileSize) {
            throw new RecordingFormatException(file, where + " claims more chunk bytes than the file holds (corrupt)");
        }
        return new DatasetBlocks(file, ds, hdf, DataLayout.CHUNKED, length, chunk[0], kind, size, order, filters, fill);
    }

    private static Kind kindOf(DataType type) {
        if (type instanceof FloatingPoint) {
            return type.getSize() == 4 ? Kind.F32 : type.getSize() == 8 ? Kind.F64 : null;
        }
        if (type instanceof FixedPoint) {
            boolean signed = ((FixedPoint) type).isSigned();
            switch (type.getSize()) {
                case 1: return signed ? Kind.I8 : Kind.U8;
                case 2: return signed ? Kind.I16 : Kind.U16;
                case 4: return signed ? Kind.I32 : Kind.U32;
                case 8: return signed ? Kind.I64 : Kind.U64;
                default: return null;
            }
        }
        return null;
    }

    long length() {
        return length;
    }

    int blockLength() {
        return blockLength;
    }

    String path() {
        return path;
    }

    /** The values of block {@code index} as stored (no unit conversion); the last block may be short. */
    double[] block(long index) throws RecordingFormatException {
        long first = index * blockLength;
        int n = (int) Math.min(blockLength, length - first);
        if (index < 0 || n <= 0) {
            throw new IndexOutOfBoundsException("block " + index + " of " + path);
        }
        try {
            ByteBuffer bytes = bytes(first, n);
            if (bytes == null) {
                double[] filled = new double[n];
                Arrays.fill(filled, fill);
                return filled;
            }
            if (bytes.remaining() < n * elementSize) {
                throw new RecordingFormatException(file, path + ": block at sample " + first + " is short (corrupt)");
            }
            return decode(bytes.order(order), n);
        } catch (HdfException | IllegalArgumentException | IllegalStateException e) {
            throw new RecordingFormatException(file, path + ": cannot read samples from " + first + ": " + oneLine(e), e);
        }
    }

    /** The raw bytes of a block, positioned at its first element; null for a chunk never written. */
    private ByteBuffer bytes(long first, int n) throws RecordingFormatException {
        if (layout == DataLayout.CONTIGUOUS) {
            ContiguousDataset c = (ContiguousDataset) dataset;
            if (c.isEmpty()) {
                return null;
            }
            return hdf.getHdfBackingStorage().readBufferFromAddress(c.getDataAddress() + first * elementSize, n * elementSize);
        }
        if (layout == DataLayout.COMPACT) {
            return ((DatasetBase) dataset).getDataBuffer();
        }
        ChunkedDataset c = (ChunkedDataset) dataset;
        int[] offset = {(int) first};
        try {
            if (ownFilters == null) {
                return ByteBuffer.wrap(c.getDecompressedChunk(offset));
            }
            ByteBuffer raw = c.getRawChunkBuffer(offset);
            byte[] encoded = new byte[raw.remaining()];
            raw.get(encoded);
            return ByteBuffer.wrap(ownFilters.decode(encoded));
        } catch (ChunkFilters.ChunkException e) {
            throw new RecordingFormatException(file, path + ": chunk at sample " + first + ": " + e.getMessage());
        } catch (HdfException e) {
            if (String.valueOf(e.getMessage()).startsWith("No chunk with offset")) {
                return null;
            }
            throw e;
        }
    }

    private double[] decode(ByteBuffer b, int n) {
        double[] out = new double[n];
        int p = b.position();
        for (int i = 0; i < n; i++, p += elementSize) {
            switch (kind) {
                case F32: out[i] = b.getFloat(p); break;
                case F64: out[i] = b.getDouble(p); break;
                case I8: out[i] = b.get(p); break;
                case U8: out[i] = b.get(p) & 0xff; break;
                case I16: out[i] = b.getShort(p); break;
                case U16: out[i] = b.getShort(p) & 0xffff; break;
                case I32: out[i] = b.getInt(p); break;
                case U32: out[i] = b.getInt(p) & 0xffffffffL; break;
                case I64: out[i] = b.getLong(p); break;
                default: out[i] = unsigned(b.getLong(p)); break;
            }
        }
        return out;
    }

    private static double unsigned(long v) {
        return v >= 0 ? v : (double) (v >>> 1) * 2.0 + (v & 1);
    }

    static String oneLine(Throwable e) {
        String m = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        return m.replaceAll("\\s+", " ").strip();
    }
}
