package org.mepsc.io.nwb;

import io.jhdf.ObjectHeader;
import io.jhdf.api.Group;
import io.jhdf.api.NodeType;
import io.jhdf.dataset.chunked.Chunk;
import io.jhdf.dataset.chunked.indexing.ChunkImpl;
import io.jhdf.dataset.chunked.indexing.FixedArrayIndexWriter;
import io.jhdf.exceptions.HdfWritingException;
import io.jhdf.filter.ByteShuffleFilter;
import io.jhdf.filter.DeflatePipelineFilter;
import io.jhdf.object.datatype.FloatingPoint;
import io.jhdf.object.message.DataLayoutMessage.ChunkedDataLayoutMessageV4;
import io.jhdf.object.message.DataSpace;
import io.jhdf.object.message.DataSpaceMessage;
import io.jhdf.object.message.DataTypeMessage;
import io.jhdf.object.message.FillValueMessage;
import io.jhdf.object.message.FilterPipelineMessage;
import io.jhdf.object.message.FilterPipelineMessage.FilterInfo;
import io.jhdf.object.message.Message;
import io.jhdf.storage.HdfFileChannel;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.List;

/**
 * A 1-D float32 dataset whose samples are pulled from a source one chunk at a time while jhdf
 * flushes the file, and stored chunked with the shuffle and deflate filters (as NWB files usually
 * are). Only one chunk is in memory at a time, so any length can be written.
 */
final class StreamedSamples extends SelfWritingNode {

    /** Fills {@code dst[0..count)} with samples {@code [start, start+count)}. */
    @FunctionalInterface
    interface Source {
        void read(long start, int count, float[] dst) throws IOException;
    }

    static final int DEFAULT_CHUNK = 1 << 16;
    private static final int DEFLATE_LEVEL = 4;
    private static final long UNDEFINED_ADDRESS = -1L;

    private final long length;
    private final int chunk;
    private final Source source;

    StreamedSamples(Group parent, String name, long length, int chunk, Source source) {
        super(parent, name);
        if (length < 1 || length > Integer.MAX_VALUE) {
            throw new IllegalArgumentException("cannot store " + length + " samples in one NWB dataset");
        }
        this.length = length;
        this.chunk = (int) Math.min(chunk, length);
        this.source = source;
    }

    @Override
    public NodeType getType() {
        return NodeType.DATASET;
    }

    @Override
    public boolean isGroup() {
        return false;
    }

    @Override
    public long write(HdfFileChannel channel, long position) {
        int chunks = (int) ((length + chunk - 1) / chunk);
        int pageBits = Math.max(10, 32 - Integer.numberOfLeadingZeros(chunks - 1));
        int headerSize = header(position, placeholderLayout(chunks, pageBits)).toBuffer().limit();
        long address = position + headerSize;
        List<Chunk> written = new ArrayList<>(chunks);
        float[] samples = new float[chunk];
        ByteBuffer plain = ByteBuffer.allocate(chunk * 4).order(ByteOrder.LITTLE_ENDIAN);
        int[] shuffleData = {4};
        int[] deflateData = {DEFLATE_LEVEL};
        for (int c = 0; c < chunks; c++) {
            long first = (long) c * chunk;
            int n = (int) Math.min(chunk, length - first);
            try {
                source.read(first, n, samples);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            plain.clear();
            for (int i = 0; i < chunk; i++) {
                plain.putFloat(i < n ? samples[i] : 0f); // edge chunks are stored full size, zero padded
            }
            byte[] encoded = new DeflatePipelineFilter().encode(
                    new ByteShuffleFilter().encode(plain.array(), shuffleData), deflateData);
            writeFully(channel, ByteBuffer.wrap(encoded), address);
            written.add(new ChunkImpl(address, encoded.length, new long[] {first}));
            address += encoded.length;
        }
        ChunkedDataLayoutMessageV4 layout;
        long end = address;
        if (chunks == 1) {
            layout = ChunkedDataLayoutMessageV4.createFilteredSingleChunk(written.get(0).getAddress(), layoutDims(),
                    written.get(0).getSize());
        } else {
            ByteBuffer index = FixedArrayIndexWriter.createFixedArray(written, address, chunk * 4, true, pageBits);
            end = address + index.limit();
            writeFully(channel, index, address);
            layout = ChunkedDataLayoutMessageV4.createFixedArray(address, layoutDims(), pageBits);
        }
        ByteBuffer header = header(position, layout).toBuffer();
        if (header.limit() != headerSize) {
            throw new HdfWritingException("dataset header of " + getPath() + " changed size while being written");
        }
        channel.write(header, position);
        channel.position(end); // see LinkingGroup.write
        return end;
    }

    private ChunkedDataLayoutMessageV4 placeholderLayout(int chunks, int pageBits) {
        return chunks == 1
                ? ChunkedDataLayoutMessageV4.createFilteredSingleChunk(UNDEFINED_ADDRESS, layoutDims(), 0)
                : ChunkedDataLayoutMessageV4.createFixedArray(UNDEFINED_ADDRESS, layoutDims(), pageBits);
    }

    /** HDF5's layout message lists the chunk's dimensions followed by the element size. */
    private int[] layoutDims() {
        return new int[] {chunk, 4};
    }

    private ObjectHeader.ObjectHeaderV2 header(long position, Message layout) {
        List<Message> messages = new ArrayList<>();
        messages.add(DataTypeMessage.create(FloatingPoint.FLOAT));
        messages.add(DataSpaceMessage.create(DataSpace.modifyDimensions(DataSpace.fromObject(new float[1]), new long[] {length})));
        messages.add(FillValueMessage.NO_FILL);
        messages.add(FilterPipelineMessage.create(List.of(
                new FilterInfo(ChunkFilters.SHUFFLE, "shuffle", false, new int[] {4}),
                new FilterInfo(ChunkFilters.DEFLATE, "deflate", false, new int[] {DEFLATE_LEVEL}))));
        messages.add(layout);
        addAttributeMessages(messages);
        return new ObjectHeader.ObjectHeaderV2(position, messages);
    }

    private static void writeFully(HdfFileChannel channel, ByteBuffer buffer, long address) {
        long at = address;
        while (buffer.hasRemaining()) {
            at += channel.write(buffer, at);
        }
    }
}
