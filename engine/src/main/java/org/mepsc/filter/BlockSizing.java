package org.mepsc.filter;

/**
 * Chooses the FFT block size for overlap-save with a kernel spanning {@code span} samples, and
 * estimates what a bank costs, in nanoseconds per input sample.
 *
 * <p>Each block yields {@code N − span} useful samples, so small blocks waste their overlap and
 * large ones pay cache misses. A {@link SpectralBank} transforms two blocks at once with one
 * complex {@link RowFft} of N points, so a block costs half of one. On one core of the development
 * machine that transform took 3.7 ns per point at 1,024 and 2,048 points, 3.4–3.5 ns from 4,096 to
 * 32,768, 3.85 at 65,536, 4.5 at 131,072 and 5.4 at 262,144. A bank costs about 1.4 times its
 * transforms (filling the rows, the products, gathering the outputs), and in a detection pass,
 * where other stages share the caches, blocks beyond 32,768 points cost more than alone: the
 * table in {@link #perPoint} is fitted to whole passes over 1-hour recordings (docs/benchmarks-history.md,
 * sixth round).
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
        // 64·D: the small inverse of N/D points needs 8 rows of at least 8 (BankDesign.rowsFor)
        int minimal = Fft.nextPowerOfTwo(Math.max(Math.max(1 << MIN_LOG, 64L * decimation), (long) span + 2L * decimation));
        long wholeTrace = Math.max(minimal, Fft.nextPowerOfTwo(Math.min(1L << MAX_LOG, traceLength + span + decimation)));
        int best = minimal;
        double bestCost = Double.MAX_VALUE;
        for (long n = minimal; n <= (1L << MAX_LOG) && n <= wholeTrace; n <<= 1) {
            double cost = perPoint((int) n) * n / (double) (n - span - decimation);
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
     * The model's cost of a bank per input sample, in nanoseconds: for each pair of blocks, a
     * forward transform of N points and one inverse of N / D per output (those not served
     * untransformed), over the pair's useful input samples.
     */
    public static double costPerInput(BankDesign bank) {
        int n = bank.blockSize();
        double cost = perPoint(n) * n;
        int m = n / bank.decimation();
        for (int k = 0; k < bank.outputs(); k++) {
            cost += bank.identity(k) ? 0 : perPoint(m) * m;
        }
        return cost / (2.0 * bank.validPerBlock());
    }

    /** Nanoseconds per point of a bank's complex transform of n points, with its overheads. */
    private static double perPoint(int n) {
        if (n <= 2048) {
            return 5.2;
        }
        if (n <= 32768) {
            return 4.8;
        }
        return 4.8 * Math.pow(1.22, Integer.numberOfTrailingZeros(n) - 15);
    }
}
