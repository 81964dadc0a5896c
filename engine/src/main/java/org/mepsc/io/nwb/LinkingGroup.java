package org.mepsc.io.nwb;

import io.jhdf.ObjectHeader;
import io.jhdf.WritableDatasetImpl;
import io.jhdf.api.Dataset;
import io.jhdf.api.Group;
import io.jhdf.api.Node;
import io.jhdf.api.NodeType;
import io.jhdf.api.WritableNode;
import io.jhdf.exceptions.HdfWritingException;
import io.jhdf.object.message.GroupInfoMessage;
import io.jhdf.object.message.LinkInfoMessage;
import io.jhdf.object.message.LinkMessage;
import io.jhdf.object.message.Message;
import io.jhdf.storage.HdfFileChannel;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** An HDF5 group for jhdf to write that, unlike jhdf's own, can hold soft links. */
final class LinkingGroup extends SelfWritingNode implements Group {

    private final Map<String, WritableNode> children = new LinkedHashMap<>();
    private final Map<String, String> softLinks = new LinkedHashMap<>();

    LinkingGroup(Group parent, String name) {
        super(parent, name);
    }

    /** A new subgroup. */
    LinkingGroup group(String name) {
        LinkingGroup g = new LinkingGroup(this, name);
        put(name, g);
        return g;
    }

    /** A dataset of an in-memory value (a scalar, a string, a small array), as jhdf encodes it. */
    WritableNode dataset(String name, Object value) {
        WritableDatasetImpl d = new WritableDatasetImpl(value, name, this);
        put(name, d);
        return d;
    }

    /** A node that writes itself (streamed data). */
    void put(String name, WritableNode node) {
        if (children.containsKey(name) || softLinks.containsKey(name)) {
            throw new IllegalArgumentException("two members named '" + name + "' in " + getPath());
        }
        children.put(name, node);
    }

    /** A soft link {@code name} to the absolute path {@code target}. */
    void softLink(String name, String target) {
        if (children.containsKey(name) || softLinks.containsKey(name)) {
            throw new IllegalArgumentException("two members named '" + name + "' in " + getPath());
        }
        softLinks.put(name, target);
    }

    @Override
    public long write(HdfFileChannel channel, long position) {
        int headerSize = header(position, Collections.nCopies(children.size(), 0L)).toBuffer().limit();
        List<Long> addresses = new ArrayList<>();
        long next = position + headerSize;
        for (WritableNode child : children.values()) {
            addresses.add(next);
            next = child.write(channel, next);
        }
        ByteBuffer header = header(position, addresses).toBuffer();
        if (header.limit() != headerSize) {
            throw new HdfWritingException("group header of " + getPath() + " changed size while being written");
        }
        channel.write(header, position);
        // jhdf appends its info string at the channel's position when it closes the file: leave
        // that at the end, or the string lands on this header (jhdf's own groups have this bug).
        channel.position(next);
        return next;
    }

    private ObjectHeader.ObjectHeaderV2 header(long position, List<Long> childAddresses) {
        List<Message> messages = new ArrayList<>();
        messages.add(GroupInfoMessage.createBasic());
        messages.add(LinkInfoMessage.createBasic());
        addAttributeMessages(messages);
        int i = 0;
        for (String name : children.keySet()) {
            messages.add(LinkMessage.create(name, childAddresses.get(i++)));
        }
        softLinks.forEach((name, target) -> messages.add(softLinkMessage(name, target)));
        return new ObjectHeader.ObjectHeaderV2(position, messages);
    }

    /**
     * A version-1 link message of type soft (HDF5 format spec, "Link Message"), parsed back
     * through jhdf since jhdf only builds hard links itself.
     */
    private static Message softLinkMessage(String name, String target) {
        byte[] n = name.getBytes(StandardCharsets.UTF_8);
        byte[] t = target.getBytes(StandardCharsets.US_ASCII);
        if (n.length > 255 || t.length > 65535) {
            throw new IllegalArgumentException("link name or target too long: " + name);
        }
        int size = 2 + 1 + 1 + 1 + n.length + 2 + t.length;
        ByteBuffer b = ByteBuffer.allocate(4 + size).order(ByteOrder.LITTLE_ENDIAN);
        b.put((byte) LinkMessage.MESSAGE_TYPE).putShort((short) size).put((byte) 0);
        b.put((byte) 1);                 // version
        b.put((byte) (0x08 | 0x10));     // link type and character set present; 1-byte name length
        b.put((byte) 1);                 // link type: soft
        b.put((byte) 1);                 // character set: UTF-8
        b.put((byte) n.length).put(n);
        b.putShort((short) t.length).put(t);
        b.flip();
        return Message.readObjectHeaderV2Message(b, new HdfFileChannel(null, null), false);
    }

    @Override
    public NodeType getType() {
        return NodeType.GROUP;
    }

    @Override
    public boolean isGroup() {
        return true;
    }

    @Override
    public Map<String, Node> getChildren() {
        return Collections.unmodifiableMap(children);
    }

    @Override
    public Node getChild(String name) {
        return children.get(name);
    }

    @Override
    public Node getByPath(String path) {
        throw new HdfWritingException("paths are not resolved while writing");
    }

    @Override
    public Dataset getDatasetByPath(String path) {
        throw new HdfWritingException("paths are not resolved while writing");
    }

    @Override
    public boolean isLinkCreationOrderTracked() {
        return false;
    }

    @Override
    public Iterator<Node> iterator() {
        return Collections.<String, Node>unmodifiableMap(children).values().iterator();
    }
}
