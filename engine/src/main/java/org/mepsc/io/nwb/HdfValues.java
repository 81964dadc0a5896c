package org.mepsc.io.nwb;

import io.jhdf.api.Attribute;
import io.jhdf.api.Dataset;
import io.jhdf.api.Group;
import io.jhdf.api.Link;
import io.jhdf.api.Node;
import java.lang.reflect.Array;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.OptionalDouble;

/** Small scalar values of an HDF5 file (attributes, scalar datasets), read leniently. */
final class HdfValues {

    /** Scalar datasets larger than this are not metadata; they are never loaded here. */
    private static final long MAX_SCALAR_ELEMENTS = 16;

    private HdfValues() {
    }

    /** A string attribute, or the first element of a string array attribute. */
    static Optional<String> string(Node node, String attribute) {
        return first(attributeData(node, attribute)).map(HdfValues::asString);
    }

    /** A numeric attribute, or the first element of a numeric array attribute. */
    static OptionalDouble number(Node node, String attribute) {
        return asNumber(first(attributeData(node, attribute)));
    }

    /** The value of a small dataset {@code name} in {@code group} (first element if an array), as text. */
    static Optional<String> datasetString(Group group, String name) {
        return first(datasetData(group, name)).map(HdfValues::asString);
    }

    static OptionalDouble datasetNumber(Group group, String name) {
        return asNumber(first(datasetData(group, name)));
    }

    /** A child of a group, following a soft link; empty if absent or unreadable. */
    static Optional<Node> child(Group group, String name) {
        try {
            Node n = group.getChild(name);
            if (n instanceof Link) {
                Link link = (Link) n;
                return link.isBrokenLink() ? Optional.empty() : Optional.of(link.getTarget());
            }
            return Optional.ofNullable(n);
        } catch (RuntimeException e) {
            return Optional.empty();
        }
    }

    static Optional<Group> childGroup(Group group, String name) {
        return child(group, name).filter(n -> n instanceof Group).map(n -> (Group) n);
    }

    private static Optional<Object> attributeData(Node node, String name) {
        try {
            Attribute a = node.getAttribute(name);
            if (a == null || a.isEmpty() || a.getSize() > MAX_SCALAR_ELEMENTS) {
                return Optional.empty();
            }
            return Optional.ofNullable(a.getData());
        } catch (RuntimeException e) {
            return Optional.empty();
        }
    }

    private static Optional<Object> datasetData(Group group, String name) {
        Optional<Node> n = child(group, name);
        if (n.isEmpty() || !(n.get() instanceof Dataset)) {
            return Optional.empty();
        }
        try {
            Dataset d = (Dataset) n.get();
            if (d.isEmpty() || d.getSize() > MAX_SCALAR_ELEMENTS) {
                return Optional.empty();
            }
            return Optional.ofNullable(d.getData());
        } catch (RuntimeException e) {
            return Optional.empty();
        }
    }

    private static Optional<Object> first(Optional<Object> value) {
        if (value.isEmpty()) {
            return value;
        }
        Object v = value.get();
        if (v instanceof byte[]) {
            return Optional.of(new String((byte[]) v, StandardCharsets.UTF_8));
        }
        while (v != null && v.getClass().isArray()) {
            if (Array.getLength(v) == 0) {
                return Optional.empty();
            }
            v = Array.get(v, 0);
        }
        return Optional.ofNullable(v);
    }

    private static String asString(Object v) {
        return v.toString().replace("\u0000", "").strip();
    }

    /**
     * A float32 value is taken as the decimal it was written from (1e-3f as 0.001, not
     * 0.0010000000474974513): NWB stores conversion and rate as float32, and widening them
     * exactly would put an error of 5e-8 into every converted sample.
     */
    private static OptionalDouble asNumber(Optional<Object> v) {
        if (v.isPresent() && v.get() instanceof Float) {
            return OptionalDouble.of(Double.parseDouble(v.get().toString()));
        }
        if (v.isPresent() && v.get() instanceof Number) {
            return OptionalDouble.of(((Number) v.get()).doubleValue());
        }
        if (v.isPresent() && v.get() instanceof String) {
            try {
                return OptionalDouble.of(Double.parseDouble(((String) v.get()).trim()));
            } catch (NumberFormatException e) {
                return OptionalDouble.empty();
            }
        }
        return OptionalDouble.empty();
    }
}
