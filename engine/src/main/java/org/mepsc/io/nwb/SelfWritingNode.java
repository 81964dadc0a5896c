package org.mepsc.io.nwb;

import io.jhdf.AbstractWritableNode;
import io.jhdf.api.Group;
import io.jhdf.api.WritableDataset;
import io.jhdf.exceptions.HdfWritingException;
import io.jhdf.filter.PipelineFilterWithData;
import io.jhdf.object.datatype.DataType;
import io.jhdf.object.message.AttributeInfoMessage;
import io.jhdf.object.message.AttributeMessage;
import io.jhdf.object.message.DataLayout;
import io.jhdf.object.message.Message;
import java.util.List;
import java.util.Map;

/**
 * A node that writes its own HDF5 object header when jhdf flushes the file.
 *
 * <p>jhdf 0.13 writes whole in-memory arrays and hard links only. Its one extension point is
 * {@code putDataset(name, WritableDataset)}: a pre-built node whose {@code write(channel,
 * position)} is called at flush time. mepsc uses it for streamed, compressed sample data and for
 * groups with soft links (NWB's electrode and device links). The dataset methods below exist
 * only to satisfy that interface; jhdf calls none of them while writing.
 */
abstract class SelfWritingNode extends AbstractWritableNode implements WritableDataset {

    SelfWritingNode(Group parent, String name) {
        super(parent, name);
    }

    /** The attribute messages of this node, with the info message HDFView and h5py expect first. */
    final void addAttributeMessages(List<Message> messages) {
        if (getAttributes().isEmpty()) {
            return;
        }
        messages.add(AttributeInfoMessage.create());
        for (Map.Entry<String, io.jhdf.api.Attribute> a : getAttributes().entrySet()) {
            messages.add(AttributeMessage.create(a.getKey(), a.getValue()));
        }
    }

    private static HdfWritingException notReadable() {
        return new HdfWritingException("a node being written cannot be read");
    }

    @Override
    public long getSize() {
        throw notReadable();
    }

    @Override
    public long getSizeInBytes() {
        throw notReadable();
    }

    @Override
    public long getStorageInBytes() {
        throw notReadable();
    }

    @Override
    public int[] getDimensions() {
        throw notReadable();
    }

    @Override
    public long[] getDimensionsAsLong() {
        throw notReadable();
    }

    @Override
    public boolean isScalar() {
        return false;
    }

    @Override
    public boolean isEmpty() {
        return false;
    }

    @Override
    public boolean isCompound() {
        return false;
    }

    @Override
    public boolean isVariableLength() {
        return false;
    }

    @Override
    public long[] getMaxSize() {
        throw notReadable();
    }

    @Override
    public DataLayout getDataLayout() {
        throw notReadable();
    }

    @Override
    public Object getData() {
        throw notReadable();
    }

    @Override
    public Object getDataFlat() {
        throw notReadable();
    }

    @Override
    public Object getData(long[] sliceOffset, int[] sliceDimensions) {
        throw notReadable();
    }

    @Override
    public Class<?> getJavaType() {
        throw notReadable();
    }

    @Override
    public DataType getDataType() {
        throw notReadable();
    }

    @Override
    public Object getFillValue() {
        return null;
    }

    @Override
    public List<PipelineFilterWithData> getFilters() {
        return List.of();
    }

    @Override
    public java.io.File getFile() {
        return getParent().getFile();
    }

    @Override
    public io.jhdf.HdfFile getHdfFile() {
        return getParent().getHdfFile();
    }

    @Override
    public long getAddress() {
        throw notReadable();
    }

    @Override
    public boolean isLink() {
        return false;
    }

    @Override
    public boolean isAttributeCreationOrderTracked() {
        return false;
    }
}
