package org.mepsc.io.heka;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.mepsc.io.FileBytes;
import org.mepsc.io.Labels;

/**
 * The Pulsed tree (".pul"): Root → Group → Series → Sweep → Trace records.
 *
 * <p>A tree starts with "Tree" (big-endian) or "eerT" (little-endian), the number of levels and
 * each level's record size. Each record is followed by its number of children, then the children.
 * Fields are read at their documented offsets only where the file's record size holds them, so
 * records of newer versions (longer) and older ones (shorter) both parse.
 */
final class PulsedTree {

    static final int LEVELS = 5;
    private static final int ROOT = 0;
    private static final int GROUP = 1;
    private static final int SERIES = 2;
    private static final int SWEEP = 3;
    private static final int TRACE = 4;
    /** The trace fields mepsc needs end at TrXUnit (120 + 8). */
    private static final int MIN_TRACE_RECORD = 128;
    /** A tree is metadata; anything this big is a corrupt size field, not a real tree. */
    private static final long MAX_TREE_BYTES = 1L << 30;

    private final FileBytes file;
    private final ByteBuffer tree;
    private final long base;
    private final int[] sizes = new int[LEVELS];
    private int pos;

    private PulsedTree(FileBytes file, ByteBuffer tree, long base) {
        this.file = file;
        this.tree = tree;
        this.base = base;
    }

    /**
     * A parsed tree.
     *
     * @param versionName the root record's version name ("v2x71, 18-Mar-2013"), "" if absent
     * @param startTime the root's start time in HEKA's time format, NaN if absent
     * @param groups the groups in file order
     */
    record Parsed(String versionName, double startTime, List<HekaGroup> groups) {
    }

    /** Parses the tree stored in {@code [start, start+length)} of {@code file}. */
    static Parsed parse(FileBytes file, long start, long length) throws IOException {
        if (length < 8) {
            throw file.problem("the Pulsed tree (.pul) is only " + length + " bytes long");
        }
        if (length > MAX_TREE_BYTES) {
            throw file.problem("the Pulsed tree (.pul) claims " + length + " bytes, more than a tree can be");
        }
        ByteBuffer buf = file.read(start, length, ByteOrder.LITTLE_ENDIAN, "Pulsed tree (.pul)", MAX_TREE_BYTES);
        String magic = ascii(buf, 0, 4);
        if (magic.equals("Tree")) {
            buf.order(ByteOrder.BIG_ENDIAN);
        } else if (!magic.equals("eerT")) {
            throw file.problem("the Pulsed tree at byte " + start + " does not start with the signature 'Tree'");
        }
        return new PulsedTree(file, buf, start).parseLevels();
    }

    private Parsed parseLevels() throws IOException {
        int levels = tree.getInt(4);
        if (levels != LEVELS) {
            throw file.problem("the Pulsed tree has " + levels + " levels; PatchMaster's has " + LEVELS
                    + " (root, group, series, sweep, trace)");
        }
        pos = 8;
        need(4L * LEVELS, "the tree's record sizes");
        for (int i = 0; i < LEVELS; i++) {
            sizes[i] = tree.getInt(pos);
            pos += 4;
            if (sizes[i] < 0 || sizes[i] > tree.limit()) {
                throw file.problem("the Pulsed tree gives level " + i + " an impossible record size of " + sizes[i]);
            }
        }
        if (sizes[TRACE] < MIN_TRACE_RECORD) {
            throw file.problem("the Pulsed tree's trace records are " + sizes[TRACE] + " bytes, shorter than the "
                    + MIN_TRACE_RECORD + " that hold the scaling and timing fields");
        }
        List<HekaGroup> groups = new ArrayList<>();
        int rootStart = enterRecord(ROOT);
        String versionName = string(rootStart, ROOT, 8, 32);
        double startTime = real(rootStart, ROOT, 520);
        int n = childCount(ROOT);
        for (int g = 0; g < n; g++) {
            groups.add(group());
        }
        return new Parsed(versionName, startTime, groups);
    }

    private HekaGroup group() throws IOException {
        int at = enterRecord(GROUP);
        String label = string(at, GROUP, 4, 32);
        String text = string(at, GROUP, 36, 80);
        int n = childCount(GROUP);
        List<HekaSeries> series = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            series.add(series());
        }
        return new HekaGroup(label, text, series);
    }

    private HekaSeries series() throws IOException {
        int at = enterRecord(SERIES);
        String label = string(at, SERIES, 4, 32);
        String comment = string(at, SERIES, 36, 80);
        double time = real(at, SERIES, 136);
        int n = childCount(SERIES);
        List<HekaSweep> sweeps = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            sweeps.add(sweep());
        }
        return new HekaSeries(label, comment, time, sweeps);
    }

    private HekaSweep sweep() throws IOException {
        int at = enterRecord(SWEEP);
        double time = real(at, SWEEP, 48);
        int n = childCount(SWEEP);
        List<HekaTrace> traces = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            traces.add(trace());
        }
        return new HekaSweep(time, traces);
    }

    private HekaTrace trace() throws IOException {
        int at = enterRecord(TRACE);
        HekaTrace t = new HekaTrace(
                string(at, TRACE, 4, 32),
                Integer.toUnsignedLong(tree.getInt(at + 40)),
                tree.getInt(at + 44),
                Short.toUnsignedInt(tree.getShort(at + 64)),
                tree.get(at + 70),
                tree.getDouble(at + 72),
                tree.getDouble(at + 88),
                string(at, TRACE, 96, 8),
                tree.getDouble(at + 104),
                string(at, TRACE, 120, 8),
                fits(TRACE, 292, 4) ? tree.getInt(at + 292) : 0,
                fits(TRACE, 296, 4) ? tree.getInt(at + 296) : 0);
        int n = childCount(TRACE);
        if (n != 0) {
            throw file.problem("a trace record of the Pulsed tree claims " + n + " children; traces have none");
        }
        return t;
    }

    /** Skips over a record of {@code level}, returning where it starts. */
    private int enterRecord(int level) throws IOException {
        need(sizes[level], "a level-" + level + " record");
        int at = pos;
        pos += sizes[level];
        return at;
    }

    /** Reads a child count and checks that that many children can fit in the rest of the tree. */
    private int childCount(int level) throws IOException {
        need(4, "a child count");
        int n = tree.getInt(pos);
        pos += 4;
        long minChild = level + 1 < LEVELS ? sizes[level + 1] + 4L : 1;
        if (n < 0 || n > (tree.limit() - pos) / minChild) {
            throw file.problem("the Pulsed tree claims " + n + " children at byte " + (base + pos - 4)
                    + ", more than the rest of the tree can hold");
        }
        return n;
    }

    private void need(long bytes, String what) throws IOException {
        if (bytes > tree.limit() - pos) {
            throw file.problem("the Pulsed tree ends inside " + what + " (at byte " + (base + pos) + ")");
        }
    }

    private boolean fits(int level, int offset, int length) {
        return offset + length <= sizes[level];
    }

    /** A LONGREAL field, or NaN if this version's records are too short to hold it. */
    private double real(int at, int level, int offset) {
        return fits(level, offset, 8) ? tree.getDouble(at + offset) : Double.NaN;
    }

    /** A NUL-terminated Latin-1 string field, or "" if the record is too short to hold it. */
    private String string(int at, int level, int offset, int length) {
        if (!fits(level, offset, length)) {
            return "";
        }
        return Labels.cString(tree, at + offset, length);
    }

    private static String ascii(ByteBuffer b, int offset, int length) {
        byte[] bytes = new byte[length];
        b.get(offset, bytes);
        return new String(bytes, StandardCharsets.ISO_8859_1);
    }
}
