package org.mepsc.io.heka;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Writes small PatchMaster files for tests, following the field offsets of HEKA's PulsedFile
 * notes: a bundle ("DAT2", header + raw data + Pulsed tree) or the unbundled pair ("DAT1" .dat
 * and .pul). The tree's byte order, each trace's data byte order, storage format, interleaving
 * and the record sizes can all be chosen.
 */
final class HekaFileBuilder {

    /** One trace: stored values (before the data scaler) and how to store them. */
    record Trace(String label, String yUnit, int format, double scaler, double interval, String xUnit,
            double[] stored, boolean dataLittleEndian, int interleaveSize, int interleaveSkip, double zeroData) {

        static Trace of(String label, String yUnit, int format, double scaler, double interval, double[] stored) {
            return new Trace(label, yUnit, format, scaler, interval, "s", stored, true, 0, 0, 0);
        }

        Trace withDataOrder(boolean littleEndian) {
            return new Trace(label, yUnit, format, scaler, interval, xUnit, stored, littleEndian, interleaveSize,
                    interleaveSkip, zeroData);
        }

        Trace interleaved(int size, int skip) {
            return new Trace(label, yUnit, format, scaler, interval, xUnit, stored, dataLittleEndian, size, skip,
                    zeroData);
        }

        Trace withZeroData(double zero) {
            return new Trace(label, yUnit, format, scaler, interval, xUnit, stored, dataLittleEndian, interleaveSize,
                    interleaveSkip, zero);
        }

        int width() {
            return format == 0 ? 2 : format == 3 ? 8 : 4;
        }
    }

    record Sweep(double time, List<Trace> traces) {
    }

    record Series(String label, double time, List<Sweep> sweeps) {
    }

    record Group(String label, List<Series> series) {
    }

    /** Record sizes of PatchMaster v9 (root, group, series, sweep, trace). */
    static final int[] V9_SIZES = {640, 144, 1408, 288, 512};

    private final List<Group> groups = new ArrayList<>();
    private ByteOrder treeOrder = ByteOrder.LITTLE_ENDIAN;
    private int[] sizes = V9_SIZES.clone();
    private String version = "v2x90.2, 01-Jan-2020";

    HekaFileBuilder group(String label, Series... series) {
        groups.add(new Group(label, List.of(series)));
        return this;
    }

    HekaFileBuilder treeOrder(ByteOrder order) {
        this.treeOrder = order;
        return this;
    }

    HekaFileBuilder recordSizes(int... sizes) {
        this.sizes = sizes.clone();
        return this;
    }

    static Series series(String label, double time, Sweep... sweeps) {
        return new Series(label, time, List.of(sweeps));
    }

    static Sweep sweep(double time, Trace... traces) {
        return new Sweep(time, List.of(traces));
    }

    /** A bundle: header, raw data from byte 256, then the tree. */
    byte[] bundle() {
        ByteArrayOutputStream data = new ByteArrayOutputStream();
        List<Long> offsets = writeData(data, BundleHeader.SIZE);
        byte[] tree = tree(offsets);
        long pulStart = BundleHeader.SIZE + data.size();
        ByteBuffer out = ByteBuffer.allocate((int) pulStart + tree.length).order(treeOrder);
        header(out, "DAT2");
        item(out, 0, BundleHeader.SIZE, data.size(), ".dat");
        item(out, 1, pulStart, tree.length, ".pul");
        out.put(BundleHeader.SIZE, data.toByteArray());
        out.put((int) pulStart, tree);
        return out.array();
    }

    /** The unbundled pair: element 0 is the .dat ("DAT1" header and data), element 1 the .pul. */
    byte[][] unbundled() {
        ByteArrayOutputStream data = new ByteArrayOutputStream();
        List<Long> offsets = writeData(data, BundleHeader.SIZE);
        ByteBuffer dat = ByteBuffer.allocate(BundleHeader.SIZE + data.size()).order(treeOrder);
        header(dat, "DAT1");
        dat.put(BundleHeader.SIZE, data.toByteArray());
        return new byte[][] {dat.array(), tree(offsets)};
    }

    private void header(ByteBuffer out, String signature) {
        out.put(0, signature.getBytes(StandardCharsets.ISO_8859_1));
        out.put(8, version.getBytes(StandardCharsets.ISO_8859_1));
        out.putInt(48, 2);
        out.put(52, (byte) (treeOrder == ByteOrder.LITTLE_ENDIAN ? 1 : 0));
    }

    private static void item(ByteBuffer out, int index, long start, long length, String ext) {
        int at = 64 + 16 * index;
        out.putInt(at, (int) start);
        out.putInt(at + 4, (int) length);
        out.put(at + 8, ext.getBytes(StandardCharsets.ISO_8859_1));
    }

    /** Writes every trace's samples in tree order; returns their file offsets. */
    private List<Long> writeData(ByteArrayOutputStream data, long base) {
        List<Long> offsets = new ArrayList<>();
        for (Group g : groups) {
            for (Series s : g.series()) {
                for (Sweep w : s.sweeps()) {
                    for (Trace t : w.traces()) {
                        offsets.add(base + data.size());
                        data.writeBytes(samples(t));
                    }
                }
            }
        }
        return offsets;
    }

    private static byte[] samples(Trace t) {
        int n = t.stored().length;
        ByteBuffer b = ByteBuffer.allocate(n * t.width())
                .order(t.dataLittleEndian() ? ByteOrder.LITTLE_ENDIAN : ByteOrder.BIG_ENDIAN);
        for (double v : t.stored()) {
            switch (t.format()) {
                case 0: b.putShort((short) v); break;
                case 1: b.putInt((int) v); break;
                case 2: b.putFloat((float) v); break;
                default: b.putDouble(v); break;
            }
        }
        byte[] plain = b.array();
        if (t.interleaveSize() == 0) {
            return plain;
        }
        // blocks of interleaveSize bytes, each followed by filler up to interleaveSkip
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (int at = 0; at < plain.length; at += t.interleaveSize()) {
            int len = Math.min(t.interleaveSize(), plain.length - at);
            out.write(plain, at, len);
            if (at + len < plain.length) {
                out.writeBytes(new byte[t.interleaveSkip() - t.interleaveSize()]);
            }
        }
        return out.toByteArray();
    }

    private byte[] tree(List<Long> offsets) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteBuffer head = ByteBuffer.allocate(8 + 4 * sizes.length).order(treeOrder);
        head.put(treeOrder == ByteOrder.LITTLE_ENDIAN ? "eerT".getBytes(StandardCharsets.ISO_8859_1)
                : "Tree".getBytes(StandardCharsets.ISO_8859_1));
        head.putInt(sizes.length);
        for (int s : sizes) {
            head.putInt(s);
        }
        out.writeBytes(head.array());
        ByteBuffer root = record(0);
        text(root, 8, 32, version);
        out.writeBytes(root.array());
        count(out, groups.size());
        int next = 0;
        for (Group g : groups) {
            ByteBuffer gr = record(1);
            text(gr, 4, 32, g.label());
            out.writeBytes(gr.array());
            count(out, g.series().size());
            for (Series s : g.series()) {
                ByteBuffer se = record(2);
                text(se, 4, 32, s.label());
                real(se, 136, s.time());
                out.writeBytes(se.array());
                count(out, s.sweeps().size());
                for (Sweep w : s.sweeps()) {
                    ByteBuffer sw = record(3);
                    real(sw, 48, w.time());
                    out.writeBytes(sw.array());
                    count(out, w.traces().size());
                    for (Trace t : w.traces()) {
                        out.writeBytes(trace(t, offsets.get(next++)).array());
                        count(out, 0);
                    }
                }
            }
        }
        return out.toByteArray();
    }

    private ByteBuffer trace(Trace t, long offset) {
        ByteBuffer tr = record(4);
        text(tr, 4, 32, t.label());
        tr.putInt(40, (int) offset);
        tr.putInt(44, t.stored().length);
        tr.putShort(64, (short) (t.dataLittleEndian() ? 1 : 0));
        tr.put(70, (byte) t.format());
        tr.putDouble(72, t.scaler());
        tr.putDouble(88, t.zeroData());
        text(tr, 96, 8, t.yUnit());
        tr.putDouble(104, t.interval());
        text(tr, 120, 8, t.xUnit());
        if (sizes[4] >= 300) {
            tr.putInt(292, t.interleaveSize());
            tr.putInt(296, t.interleaveSkip());
        }
        return tr;
    }

    private ByteBuffer record(int level) {
        return ByteBuffer.allocate(sizes[level]).order(treeOrder);
    }

    private void count(ByteArrayOutputStream out, int n) {
        out.writeBytes(ByteBuffer.allocate(4).order(treeOrder).putInt(n).array());
    }

    private static void real(ByteBuffer b, int at, double v) {
        if (at + 8 <= b.capacity()) {
            b.putDouble(at, v);
        }
    }

    private static void text(ByteBuffer b, int at, int length, String s) {
        if (at + length <= b.capacity()) {
            byte[] t = s.getBytes(StandardCharsets.ISO_8859_1);
            b.put(at, t, 0, Math.min(t.length, length));
        }
    }

    /** A HEKA time stamp for a Unix time, the inverse of {@link HekaTime}. */
    static double hekaTime(double unixSeconds) {
        return unixSeconds + 2082844800.0 + 1580970496.0;
    }
}
