package org.mepsc.filter;

import java.io.IOException;
import org.jtransforms.fft.DoubleFFT_1D;
import org.mepsc.trace.Trace;

/**
 * Several linear filters of one trace from one forward FFT per block (overlap-save), optionally
 * decimated: each output is the input convolved with its FIR, keeping every {@code D}-th sample,
 * computed with a small inverse FFT of the low bins only.
 *
 * <p>Inputs before the start or after the end of the trace are taken as the first or last sample
 * (no step, so no ringing); samples that are not finite are replaced by the nearest finite sample
 * of the block's input window (callers exclude those stretches from analysis). A few recent
 * blocks are cached, so sequential and nearby reads cost one block computation each. One bank
 * per thread.
 */
public final class SpectralBank {

    private static final int SLOTS = 3;

    private final Trace source;
    private final BankDesign design;
    private final long inLength;
    private final long outLength;
    private final int n;
    private final int m;
    private final int d;
    private final int validOut;
    private final DoubleFFT_1D big;
    private final DoubleFFT_1D small;
    private final float[] raw;
    private final double[] out;
    private final long[] slotBlock = new long[SLOTS];
    /** Each cached block's forward transform; its outputs are computed when first read. */
    private final double[][] slotSpectrum;
    private final float[][][] slots;
    private final boolean[][] slotDone;
    private int nextSlot;
    /** Blocks shared with the readers of neighbouring stretches on other threads, or null. */
    private final EdgeBlocks.View edges;

    public SpectralBank(Trace source, BankDesign design) {
        this(source, design, null);
    }

    /**
     * @param edges where the first and last block of each {@link #readOutputs} call are shared with
     *     other threads' banks of the same design over the same trace (null: not shared)
     */
    public SpectralBank(Trace source, BankDesign design, EdgeBlocks.View edges) {
        this.edges = edges;
        this.source = source;
        this.design = design;
        this.inLength = source.length();
        this.d = design.decimation();
        this.outLength = (inLength + d - 1) / d;
        this.n = design.blockSize();
        this.m = n / d;
        this.validOut = design.validPerBlock() / d;
        this.big = Fft.real(n);
        this.small = d == 1 ? big : Fft.real(m);
        this.raw = new float[n];
        this.out = new double[m];
        this.slotSpectrum = new double[SLOTS][n];
        this.slots = new float[SLOTS][design.outputs()][validOut];
        this.slotDone = new boolean[SLOTS][design.outputs()];
        java.util.Arrays.fill(slotBlock, -1);
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
        Blocks.copy(b -> block(b, k), validOut, start, count, dst, offset);
    }

    /**
     * Reads every output {@code k} with {@code counts[k] > 0}, samples {@code [starts[k],
     * starts[k]+counts[k])}, into {@code dsts[k]} from index 0: the same values as one
     * {@link #read} per output, but block by block, so that each block is transformed forward once
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
        long firstBlock = first / validOut;
        long lastBlock = (end - 1) / validOut;
        // with sharing, last block first: it is shared at once with the next stretch's reader, and
        // this stretch's first block is looked for last, when the reader before has most likely
        // shared it (two readers in step then never filter one block at the same time)
        int step = edges == null ? 1 : -1;
        for (long b = step > 0 ? firstBlock : lastBlock; b >= firstBlock && b <= lastBlock; b += step) {
            if (edges != null && (b == firstBlock || b == lastBlock)) {
                shareEdge(b);
            }
            long lo = b * validOut;
            long hi = lo + validOut;
            for (int k = 0; k < counts.length; k++) {
                long from = Math.max(lo, starts[k]);
                long to = Math.min(hi, starts[k] + counts[k]);
                if (from < to) {
                    System.arraycopy(block(b, k), (int) (from - lo), dsts[k], (int) (from - starts[k]), (int) (to - from));
                }
            }
        }
    }

    /**
     * Makes block {@code b} (every output) ready in a slot: from this bank's cache, else from
     * another thread's bank, else computed here and shared.
     */
    private void shareEdge(long b) throws IOException {
        if (slotOf(b) >= 0) {
            return;
        }
        float[][] shared = edges.get(b);
        if (shared != null) {
            int s = claimSlot();
            for (int k = 0; k < shared.length; k++) {
                System.arraycopy(shared[k], 0, slots[s][k], 0, validOut);
                slotDone[s][k] = true;
            }
            slotBlock[s] = b;
            return;
        }
        float[][] outputs = new float[design.outputs()][];
        for (int k = 0; k < outputs.length; k++) {
            outputs[k] = block(b, k);
        }
        edges.offer(b, outputs);
    }

    /** Output {@code k} of block {@code b}: one forward transform per block, one inverse per output read. */
    private float[] block(long b, int k) throws IOException {
        int s = slotOf(b);
        if (s < 0) {
            s = claimSlot();
            forward(b, slotSpectrum[s]);
            for (int j = 0; j < slotDone[s].length; j++) {
                // an identity output is the input itself: output n is input n, which sits at
                // lastTap + (n − b·V) in the window (copied now, while the window is at hand)
                slotDone[s][j] = design.identity(j);
                if (slotDone[s][j]) {
                    System.arraycopy(raw, design.lastTap(), slots[s][j], 0, validOut);
                }
            }
            slotBlock[s] = b;
        }
        if (!slotDone[s][k]) {
            inverse(slotSpectrum[s], k, slots[s][k]);
            slotDone[s][k] = true;
        }
        return slots[s][k];
    }

    /** The cache slot holding block {@code b}, or −1. */
    private int slotOf(long b) {
        for (int i = 0; i < SLOTS; i++) {
            if (slotBlock[i] == b) {
                return i;
            }
        }
        return -1;
    }

    /** The oldest slot, emptied for a new block (the caller sets {@code slotBlock} when it is filled). */
    private int claimSlot() {
        int s = nextSlot;
        nextSlot = (nextSlot + 1) % SLOTS;
        slotBlock[s] = -1;
        return s;
    }

    private void forward(long b, double[] spectrum) throws IOException {
        long p = b * design.validPerBlock() - design.lastTap();
        fillInput(p);
        for (int i = 0; i < n; i++) {
            spectrum[i] = raw[i];
        }
        big.realForward(spectrum);
    }

    private void inverse(double[] spectrum, int k, float[] o) {
        multiply(spectrum, design.spectrum(k));
        small.realInverse(out, false);
        int offset = design.lastTap() / d;
        for (int i = 0; i < validOut; i++) {
            o[i] = (float) out[offset + i];
        }
    }

    /** out = low bins of spectrum × h, in the small transform's packing. */
    private void multiply(double[] spectrum, double[] h) {
        out[0] = spectrum[0] * h[0];
        int half = m / 2;
        for (int k = 1; k < half; k++) {
            double xr = spectrum[2 * k];
            double xi = spectrum[2 * k + 1];
            double hr = h[2 * k];
            double hi = h[2 * k + 1];
            out[2 * k] = xr * hr - xi * hi;
            out[2 * k + 1] = xr * hi + xi * hr;
        }
        if (d == 1) {
            out[1] = spectrum[1] * h[2 * half];
        } else {
            // the bin at the new Nyquist frequency; the band-limiting filter leaves it ~0
            out[1] = spectrum[2 * half] * h[2 * half] - spectrum[2 * half + 1] * h[2 * half + 1];
        }
    }

    private void fillInput(long p) throws IOException {
        long lo = Math.max(0, p);
        long hi = Math.min(inLength, p + n);
        if (hi <= lo) {
            // a block entirely outside the trace (only for an empty trace or beyond its end)
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
        if (!allFinite(from, to)) {
            replaceNonFinite(from, to);
        }
        java.util.Arrays.fill(raw, 0, from, raw[from]);
        java.util.Arrays.fill(raw, to, n, raw[to - 1]);
    }

    /**
     * Whether {@code raw[from..to)} are all finite (the usual case): {@code x·0} is ±0 for a finite
     * sample and NaN otherwise, so the sums stay 0 unless one is not. Four plain sums, without a
     * branch per sample: several times faster than a running maximum (Math.max handles NaN and −0).
     */
    private boolean allFinite(int from, int to) {
        float[] x = raw;
        float s0 = 0;
        float s1 = 0;
        float s2 = 0;
        float s3 = 0;
        int i = from;
        for (; i + 3 < to; i += 4) {
            s0 += x[i] * 0f;
            s1 += x[i + 1] * 0f;
            s2 += x[i + 2] * 0f;
            s3 += x[i + 3] * 0f;
        }
        for (; i < to; i++) {
            s0 += x[i] * 0f;
        }
        return (s0 + s1) + (s2 + s3) == 0;
    }

    private void replaceNonFinite(int from, int to) {
        int firstFinite = -1;
        for (int i = from; i < to; i++) {
            if (Float.isFinite(raw[i])) {
                firstFinite = i;
                break;
            }
        }
        if (firstFinite < 0) {
            java.util.Arrays.fill(raw, from, to, 0f);
            return;
        }
        java.util.Arrays.fill(raw, from, firstFinite, raw[firstFinite]);
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
