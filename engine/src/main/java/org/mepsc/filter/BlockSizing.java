package org.mepsc.filter;

/**
 * Chooses the FFT block size for overlap-save with a kernel spanning {@code span} samples.
 *
 * <p>Each block yields {@code N − span} useful samples for about {@code N·log2 N} work, so small
 * blocks waste their overlap and large ones pay the logarithm and cache misses. JTransforms 3.2
 * on one core of the development machine took 6.3 ns per point (forward + inverse) at 4096,
 * 6.8 at 8192, 7.8–8.0 from 16384 to 65536 and 9.3 at 262144: the model below is that table.
 */
public final class BlockSizing {

    private static final int MIN_LOG = 10;
    private static final int MAX_LOG = 22;

    private BlockSizing() {
    }

    /**
     * @param span {@code last − first} of the combined kernel (full-rate samples)
     * @param traceLength samples of the trace (no block needs to be much longer)
     * @param decimation output decimation; a block must yield at least one output
     */
    public static int choose(int span, long traceLength, int decimation) {
        int minimal = Fft.nextPowerOfTwo(Math.max(1 << MIN_LOG, (long) span + 2L * decimation));
        long wholeTrace = Math.max(minimal, Fft.nextPowerOfTwo(Math.min(1L << MAX_LOG, traceLength + span + decimation)));
        int best = minimal;
        double bestCost = Double.MAX_VALUE;
        for (long n = minimal; n <= (1L << MAX_LOG) && n <= wholeTrace; n <<= 1) {
            double cost = perPoint(n) * n / (double) (n - span - decimation);
            if (cost < bestCost * 0.98) {
                bestCost = cost;
                best = (int) n;
            }
        }
        if ((long) span + 2L * decimation > (1L << MAX_LOG)) {
            throw new IllegalArgumentException("filter kernels too long (" + span + " samples)");
        }
        return best;
    }

    /**
     * The model's cost of a bank per input sample: for each block, a forward transform of N points
     * and one inverse of N / D per output (those not served untransformed), over the block's
     * useful input samples; a transform costs half of {@link #perPoint} per point.
     */
    public static double costPerInput(BankDesign bank) {
        int n = bank.blockSize();
        double cost = perPoint(n) * n / 2;
        int m = n / bank.decimation();
        for (int k = 0; k < bank.outputs(); k++) {
            cost += bank.identity(k) ? 0 : perPoint(m) * m / 2;
        }
        return cost / bank.validPerBlock();
    }

    /** Relative cost per point of a forward and inverse transform of n points: the table above. */
    private static double perPoint(long n) {
        return Long.numberOfTrailingZeros(n) + (n > 8192 ? 1.0 : 0.0) + (n > 131072 ? 1.0 : 0.0);
    }
}
