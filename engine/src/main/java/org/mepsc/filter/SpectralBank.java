package org.mepsc.filter;

import java.io.IOException;
import org.mepsc.trace.Trace;

/**
 * Several linear filters of one trace from one forward FFT per block (overlap-save), optionally
 * decimated: each output is the input convolved with its FIR, keeping every {@code D}-th sample,
 * computed with a small inverse FFT of the low bins only.
 *
 * <p>Blocks are transformed in fixed pairs: block {@code 2p} is the real part and block
 * {@code 2p+1} the imaginary part of one complex transform. Every filter is real, so each output's
 * inverse carries the two blocks' outputs in its real and imaginary parts, and no real-input
 * unpacking is needed (it reads bins in reverse order, which the vectoriser cannot do). Inputs
 * before the start or after the end of the trace are taken as the first or last sample (no step,
 * so no ringing); a sample that is not finite is replaced by the last finite sample before it in
 * the pair's input window, or by the window's first finite sample if none comes before it
 * (callers exclude those stretches from analysis). A few recent pairs are
 * cached, so sequential and nearby reads cost one transform each. One bank per thread.
 */
public final class SpectralBank {

    private static final int SLOTS = 3;

    private final Trace source;
    private final BankDesign design;
    private final long inLength;
    private final long outLength;
    private final int d;
    private final int valid;
    private final int validOut;
    /** Outputs per pair of blocks (the unit of the cache and of {@link EdgeBlocks}). */
    private final int pairOut;
    private final RowFft forward;
    private final RowFft inverse;
    /** The pair's input: two overlapping block windows, the second {@code valid} samples on. */
    private final float[] raw;
    private final float[][] inRe;
    private final float[][] inIm;
    /** Scratch for {@link #rowsFinite}: one sum per lane. */
    private final float[] laneSums;
    private final float[][] smallRe;
    private final float[][] smallIm;
    private final float[][] outRe;
    private final float[][] outIm;
    private final long[] slotPair = new long[SLOTS];
    /** Each cached pair's forward transform; its outputs are computed when first read. */
    private final float[][][] slotRe;
    private final float[][][] slotIm;
    private final float[][][] slots;
    private final boolean[][] slotDone;
    private int nextSlot;
    /** Pairs shared with the readers of neighbouring stretches on other threads, or null. */
    private final EdgeBlocks.View edges;

    public SpectralBank(Trace source, BankDesign design) {
        this(source, design, null, null);
    }

    /**
     * @param edges where the first and last pair of blocks of each {@link #readOutputs} call are
     *     shared with other threads' banks of the same design over the same trace (null: not shared)
     * @param plans the run's transform plans (null: this bank makes its own)
     */
    public SpectralBank(Trace source, BankDesign design, EdgeBlocks.View edges, FftPlans plans) {
        this.edges = edges;
        this.source = source;
        this.design = design;
        this.inLength = source.length();
        this.d = design.decimation();
        this.outLength = (inLength + d - 1) / d;
        int n = design.blockSize();
        this.valid = design.validPerBlock();
        this.validOut = valid / d;
        this.pairOut = 2 * validOut;
        int rows = design.rows();
        int lanes = n / rows;
        int smallRows = n / d / rows;
        FftPlans own = plans != null ? plans : new FftPlans();
        this.forward = new RowFft(own.plan(rows, lanes, false));
        this.inverse = new RowFft(own.plan(smallRows, rows, true));
        this.raw = new float[n + valid];
        this.inRe = RowFft.storage(rows, lanes);
        this.inIm = RowFft.storage(rows, lanes);
        this.laneSums = new float[lanes];
        this.smallRe = RowFft.storage(smallRows, rows);
        this.smallIm = RowFft.storage(smallRows, rows);
        this.outRe = RowFft.storage(rows, smallRows);
        this.outIm = RowFft.storage(rows, smallRows);
        this.slotRe = new float[SLOTS][][];
        this.slotIm = new float[SLOTS][][];
        for (int s = 0; s < SLOTS; s++) {
            slotRe[s] = RowFft.storage(lanes, rows);
            slotIm[s] = RowFft.storage(lanes, rows);
        }
        this.slots = new float[SLOTS][design.outputs()][pairOut];
        this.slotDone = new boolean[SLOTS][design.outputs()];
        java.util.Arrays.fill(slotPair, -1);
    }

    public BankDesign design() {
        return design;
    }

    /** Output samples: every {@code D}-th input sample, starting with the first. */
    public long length() {
        return outLength;
    }

    public double sampleRateHz() {
        return source.sampleRateHz() / d;
    }

    /** Copies output {@code k}, samples {@code [start, start+count)}, into {@code dst}. */
    public void read(int k, long start, int count, float[] dst, int offset) throws IOException {
        if (start < 0 || count < 0 || start + count > outLength) {
            throw new IndexOutOfBoundsException("samples [" + start + ", " + (start + count)
                    + ") outside a filtered trace of " + outLength + " samples");
        }
        Blocks.copy(p -> pair(p, k), pairOut, start, count, dst, offset);
    }

    /**
     * Reads every output {@code k} with {@code counts[k] > 0}, samples {@code [starts[k],
     * starts[k]+counts[k])}, into {@code dsts[k]} from index 0: the same values as one
     * {@link #read} per output, but pair by pair, so that each pair is transformed forward once
     * for all the outputs rather than once per output once the cache has moved on.
     */
    public void readOutputs(long[] starts, int[] counts, float[][] dsts) throws IOException {
        long first = Long.MAX_VALUE;
        long end = Long.MIN_VALUE;
        for (int k = 0; k < counts.length; k++) {
            if (counts[k] > 0) {
                if (starts[k] < 0 || starts[k] + counts[k] > outLength) {
                    throw new IndexOutOfBoundsException("samples [" + starts[k] + ", " + (starts[k] + counts[k])
                            + ") outside a filtered trace of " + outLength + " samples");
                }
                first = Math.min(first, starts[k]);
                end = Math.max(end, starts[k] + counts[k]);
            }
        }
        if (first >= end) {
            return;
        }
        long firstPair = first / pairOut;
        long lastPair = (end - 1) / pairOut;
        // with sharing, last pair first: it is shared at once with the next stretch's reader, and
        // this stretch's first pair is looked for last, when the reader before has most likely
        // shared it (two readers in step then never filter one pair at the same time)
        int step = edges == null ? 1 : -1;
        for (long p = step > 0 ? firstPair : lastPair; p >= firstPair && p <= lastPair; p += step) {
            if (edges != null && (p == firstPair || p == lastPair)) {
                shareEdge(p);
            }
            long lo = p * pairOut;
            long hi = lo + pairOut;
            boolean inner = p != firstPair && p != lastPair;
            for (int k = 0; k < counts.length; k++) {
                long from = Math.max(lo, starts[k]);
                long to = Math.min(hi, starts[k] + counts[k]);
                if (from >= to) {
                    continue;
                }
                int at = (int) (from - starts[k]);
                if (inner && to - from == pairOut) {
                    // an inner pair read whole is inverted straight into dsts[k], saving the copy
                    // from its slot: only the first and last pairs are likely to be read again
                    // (by the next call, or a neighbour's through the edges), so only they are kept
                    int s = forwardSlot(p);
                    if (!slotDone[s][k]) {
                        transformInverse(s, k, dsts[k], at);
                        continue;
                    }
                }
                System.arraycopy(pair(p, k), (int) (from - lo), dsts[k], at, (int) (to - from));
            }
        }
    }

    /**
     * Makes pair {@code p} (every output) ready in a slot: from this bank's cache, else from
     * another thread's bank, else computed here and shared.
     */
    private void shareEdge(long p) throws IOException {
        if (slotOf(p) >= 0) {
            return;
        }
        float[][] shared = edges.get(p);
        if (shared != null) {
            int s = claimSlot();
            for (int k = 0; k < shared.length; k++) {
                System.arraycopy(shared[k], 0, slots[s][k], 0, pairOut);
                slotDone[s][k] = true;
            }
            slotPair[s] = p;
            return;
        }
        float[][] outputs = new float[design.outputs()][];
        for (int k = 0; k < outputs.length; k++) {
            outputs[k] = pair(p, k);
        }
        edges.offer(p, outputs);
    }

    /** Output {@code k} of pair {@code p}: one forward transform per pair, one inverse per output read. */
    private float[] pair(long p, int k) throws IOException {
        int s = forwardSlot(p);
        if (!slotDone[s][k]) {
            transformInverse(s, k, slots[s][k], 0);
            slotDone[s][k] = true;
        }
        return slots[s][k];
    }

    /** The slot holding pair {@code p}'s forward transform (and its identity outputs), transformed now if not cached. */
    private int forwardSlot(long p) throws IOException {
        int s = slotOf(p);
        if (s < 0) {
            s = claimSlot();
            transformForward(p, s);
            for (int j = 0; j < slotDone[s].length; j++) {
                // an identity output is the input itself: output n is input n, which sits at
                // lastTap + (n − 2p·V) in the pair's window (copied now, while the window is at hand)
                slotDone[s][j] = design.identity(j);
                if (slotDone[s][j]) {
                    System.arraycopy(raw, design.lastTap(), slots[s][j], 0, pairOut);
                }
            }
            slotPair[s] = p;
        }
        return s;
    }

    /** The cache slot holding pair {@code p}, or −1. */
    private int slotOf(long p) {
        for (int i = 0; i < SLOTS; i++) {
            if (slotPair[i] == p) {
                return i;
            }
        }
        return -1;
    }

    /** The oldest slot, emptied for a new pair (the caller sets {@code slotPair} when it is filled). */
    private int claimSlot() {
        int s = nextSlot;
        nextSlot = (nextSlot + 1) % SLOTS;
        slotPair[s] = -1;
        return s;
    }

    private void transformForward(long p, int s) throws IOException {
        fillInput(2 * p * valid - design.lastTap());
        copyRows();
        // the rows hold the whole window (the even block's [0, n), the odd one's [V, V + n)), so
        // they tell whether it is finite, faster than the window itself can
        if (!rowsFinite()) {
            replaceNonFinite();
            copyRows();
        }
        forward.transform(inRe, inIm, slotRe[s], slotIm[s]);
    }

    private void copyRows() {
        int lanes = inRe[0].length;
        for (int r = 0; r < inRe.length; r++) {
            System.arraycopy(raw, r * lanes, inRe[r], 0, lanes);
            System.arraycopy(raw, valid + r * lanes, inIm[r], 0, lanes);
        }
    }

    /**
     * Whether the input rows are all finite (the usual case): {@code x·0} is ±0 for a finite sample
     * and NaN otherwise, so the sums stay 0 unless one is not. The products are summed lane by
     * lane, one index for every array, so the JIT vectorises the loop (three times faster than
     * four running sums over the window); the lanes' sums are added at the end.
     */
    private boolean rowsFinite() {
        float[] sums = laneSums;
        java.util.Arrays.fill(sums, 0f);
        addTimesZero(inRe, sums);
        addTimesZero(inIm, sums);
        float total = 0;
        for (float v : sums) {
            total += v;
        }
        return total == 0;
    }

    private static void addTimesZero(float[][] rows, float[] sums) {
        for (float[] row : rows) {
            for (int k = 0; k < sums.length; k++) {
                sums[k] += row[k] * 0f;
            }
        }
    }

    /**
     * Output {@code k} of the pair in slot {@code s}: the kept bins times the response, the small
     * inverse, then the even block's outputs from the real part and the odd block's from the
     * imaginary part, into {@code o[at, at + pairOut)}.
     */
    private void transformInverse(int s, int k, float[] o, int at) {
        float[][] hRe = design.spectrumRe(k);
        float[][] hIm = design.spectrumIm(k);
        int smallRows = smallRe.length;
        int lanes = slotRe[s].length;
        for (int i = 0; i < smallRows; i++) {
            int row = BankDesign.keptRow(i, lanes, smallRows);
            RowFft.multiply(slotRe[s][row], slotIm[s][row], hRe[i], hIm[i], smallRe[i], smallIm[i], hRe[i].length);
        }
        inverse.transform(smallRe, smallIm, outRe, outIm);
        int offset = design.lastTap() / d;
        gather(outRe, offset, o, at);
        gather(outIm, offset, o, at + validOut);
    }

    /** Copies samples {@code [from, from + validOut)} of rows holding consecutive samples into {@code o[at..]}. */
    private void gather(float[][] rows, int from, float[] o, int at) {
        int length = rows[0].length;
        int done = 0;
        while (done < validOut) {
            int t = from + done;
            int take = Math.min(validOut - done, length - t % length);
            System.arraycopy(rows[t / length], t % length, o, at + done, take);
            done += take;
        }
    }

    private void fillInput(long p) throws IOException {
        int window = raw.length;
        long lo = Math.max(0, p);
        long hi = Math.min(inLength, p + window);
        if (hi <= lo) {
            // a pair entirely outside the trace (only for an empty trace or beyond its end)
            float edge = 0;
            if (inLength > 0) {
                source.read(p < 0 ? 0 : inLength - 1, 1, raw, 0);
                edge = Float.isFinite(raw[0]) ? raw[0] : 0;
            }
            java.util.Arrays.fill(raw, edge);
            return;
        }
        int from = (int) (lo - p);
        int to = (int) (hi - p);
        source.read(lo, to - from, raw, from);
        java.util.Arrays.fill(raw, 0, from, raw[from]);
        java.util.Arrays.fill(raw, to, window, raw[to - 1]);
    }

    /**
     * Replaces each sample of the window that is not finite by the nearest finite one before it
     * (by the first finite one, before that; by 0 if none is). The window's ends repeat the
     * trace's first and last samples read, so this is what replacing within the samples read and
     * then repeating them gives.
     */
    private void replaceNonFinite() {
        int to = raw.length;
        int firstFinite = -1;
        for (int i = 0; i < to; i++) {
            if (Float.isFinite(raw[i])) {
                firstFinite = i;
                break;
            }
        }
        if (firstFinite < 0) {
            java.util.Arrays.fill(raw, 0f);
            return;
        }
        java.util.Arrays.fill(raw, 0, firstFinite, raw[firstFinite]);
        float last = raw[firstFinite];
        for (int i = firstFinite + 1; i < to; i++) {
            float v = raw[i];
            if (Float.isFinite(v)) {
                last = v;
            } else {
                raw[i] = last;
            }
        }
    }
}
