package org.mepsc.filter;

import java.util.ArrayList;
import java.util.List;
import org.mepsc.trace.Trace;

/**
 * Decimation by a power of two as a cascade of {@link HalfBand} stages, filtered directly (a
 * handful of multiplies per input sample). The last stage keeps the lower 40 % of its output rate
 * flat within 10⁻⁴ and folds at most 10⁻⁴ onto it ({@link #ATTENUATION_DB}); earlier stages only
 * need to keep what the later ones pass, so their transitions are wide and their kernels short.
 * Whatever follows (the conditioning low-pass) limits the band further, so the stages need not be
 * sharp.
 *
 * @param stages first (at the input rate) to last
 */
public record HalfBandDecimator(List<HalfBand> stages) {

    /** Stop-band attenuation of every stage. */
    public static final double ATTENUATION_DB = 80;
    /** The last stage is flat up to this fraction of its output rate; earlier ones up to 1 − it (the last one's transition). */
    static final double FLAT_FRACTION = 0.4;

    public HalfBandDecimator {
        stages = List.copyOf(stages);
        if (stages.isEmpty()) {
            throw new IllegalArgumentException("a decimator needs at least one stage");
        }
    }

    /** The cascade for {@code decimation}, a power of two of at least 2. */
    public static HalfBandDecimator of(int decimation) {
        if (decimation < 2 || Integer.bitCount(decimation) != 1) {
            throw new IllegalArgumentException("decimation must be a power of two of at least 2, got " + decimation);
        }
        int count = Integer.numberOfTrailingZeros(decimation);
        List<HalfBand> stages = new ArrayList<>();
        for (int j = 0; j < count; j++) {
            // stage j runs at 2^(count−j) times the output rate r and must pass [0, edge·r] flat
            double edge = j == count - 1 ? FLAT_FRACTION : 1 - FLAT_FRACTION;
            double inputRate = 1 << (count - j);
            stages.add(HalfBand.of(0.5 - 2 * edge / inputRate, ATTENUATION_DB));
        }
        return new HalfBandDecimator(stages);
    }

    public int decimation() {
        return 1 << stages.size();
    }

    /** The cascade's response at an input rate of {@code rateHz} (the product of its stages'). */
    public FrequencyResponse response(double rateHz) {
        FrequencyResponse r = FrequencyResponse.allPass();
        double rate = rateHz;
        for (HalfBand s : stages) {
            r = r.times(s.response(rate));
            rate /= 2;
        }
        return r;
    }

    /**
     * Nanoseconds per input sample, as {@link BlockSizing} counts a bank's: per stage 1.0 ns plus
     * 0.025 ns per tap pair (the pairs are summed by vector instructions; the rest is gathering
     * and copying the samples). Timed alone a stage costs about twice that; these figures are
     * fitted to whole passes over 1-hour recordings with each chain forced, where a bank at the
     * full rate costs more than alone (docs/benchmarks-history.md, sixth round).
     */
    public double costPerInput() {
        double ns = 0;
        double share = 1;
        for (HalfBand s : stages) {
            ns += share * (1.0 + 0.025 * s.pairs());
            share /= 2;
        }
        return ns;
    }

    /** The decimated trace of {@code source} (one per thread). */
    public Trace over(Trace source) {
        return new DecimatedTrace(source, this);
    }
}
