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
    private final double[] spectrum;
    private final double[] out;
    private final long[] slotBlock = new long[SLOTS];
    private final float[][][] slots;
    private int nextSlot;

    public SpectralBank(Trace source, BankDesign design) {
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
        this.spectrum = new double[n];
        this.out = new double[m];
        this.slots = new float[SLOTS][design.outputs()][validOut];
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
        long pos = start;
        int done = 0;
        while (done < count) {
            long block = pos / validOut;
            int within = (int) (pos - block * validOut);
            int take = Math.min(count - done, validOut - within);
            float[] values = block(block)[k];
            System.arraycopy(values, within, dst, offset + done, take);
            done += take;
            pos += take;
        }
    }

    /** Output {@code k} as a trace (sharing this bank's buffers: same thread only). */
    public Trace output(int k) {
        return new Trace() {
            @Override
            public double sampleRateHz() {
                return SpectralBank.this.sampleRateHz();
            }

            @Override
            public long length() {
                return outLength;
            }

            @Override
            public void read(long start, int count, float[] dst, int offset) throws IOException {
                SpectralBank.this.read(k, start, count, dst, offset);
            }
        };
    }

    private float[][] block(long b) throws IOException {
        for (int s = 0; s < SLOTS; s++) {
            if (slotBlock[s] == b) {
                return slots[s];
            }
        }
        int s = nextSlot;
        nextSlot = (nextSlot + 1) % SLOTS;
        slotBlock[s] = -1;
        compute(b, slots[s]);
        slotBlock[s] = b;
        return slots[s];
    }

    private void compute(long b, float[][] dst) throws IOException {
        long p = b * design.validPerBlock() - design.lastTap();
        fillInput(p);
        for (int i = 0; i < n; i++) {
            spectrum[i] = raw[i];
        }
        big.realForward(spectrum);
        int offset = design.lastTap() / d;
        for (int k = 0; k < dst.length; k++) {
            if (design.identity(k)) {
                // the input itself: output n is input n, which sits at lastTap + (n − b·V) in the window
                System.arraycopy(raw, design.lastTap(), dst[k], 0, validOut);
                continue;
            }
            multiply(design.spectrum(k));
            small.realInverse(out, false);
            float[] o = dst[k];
            for (int i = 0; i < validOut; i++) {
                o[i] = (float) out[offset + i];
            }
        }
    }

    /** out = low bins of spectrum × h, in the small transform's packing. */
    private void multiply(double[] h) {
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
        replaceNonFinite(from, to);
        java.util.Arrays.fill(raw, 0, from, raw[from]);
        java.util.Arrays.fill(raw, to, n, raw[to - 1]);
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
