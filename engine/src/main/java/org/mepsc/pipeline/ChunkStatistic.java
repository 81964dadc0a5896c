package org.mepsc.pipeline;

import java.util.Arrays;
import org.mepsc.detect.Detector;
import org.mepsc.detect.NoiseEstimate;
import org.mepsc.detect.PeakPicker;
import org.mepsc.detect.Sidelobes;
import org.mepsc.detect.Window;

/**
 * A chunk's detection statistic with the margins peak picking needs, and the stretches excluded
 * around it: positions {@code [lo, hi)} (detection rate) of one sweep, valid up to {@code validHi}
 * (−∞ beyond), raw or in noise SDs. A {@link ChunkScanner} fills one for each chunk it scans;
 * calibration keeps {@link #copy() copies} so that a statistic computed once serves every
 * question it asks of it (its noise, its detections, its dips).
 */
final class ChunkStatistic {

    /** A detection within this many noise SDs of a larger one's side lobe is taken for that lobe. */
    static final double SIDELOBE_MARGIN = 2.0;
    /** A dip next to a detection this many times larger may be that one's negative side lobe. */
    static final double DIP_EXPLAINED = 3.0;

    private final Detector detector;
    private final int refractory;
    private final int decimation;

    /** Raw values; positions at or beyond {@code validHi} hold −∞. */
    float[] values = new float[0];
    /** The noise that converts the values to SDs (null: they are examined raw). */
    NoiseEstimate noise;
    int sweep;
    long lo;
    long hi;
    long validHi;
    long candLo;
    long candHi;
    Intervals zones;

    ChunkStatistic(Detector detector, int refractory, int decimation) {
        this.detector = detector;
        this.refractory = refractory;
        this.decimation = decimation;
    }

    int length() {
        return (int) (hi - lo);
    }

    /** A copy that owns its values (exactly as long as the chunk's statistic). */
    ChunkStatistic copy() {
        ChunkStatistic c = new ChunkStatistic(detector, refractory, decimation);
        c.values = Arrays.copyOf(values, length());
        c.sweep = sweep;
        c.lo = lo;
        c.hi = hi;
        c.validHi = validHi;
        c.candLo = candLo;
        c.candHi = candHi;
        c.zones = zones;
        c.noise = noise;
        return c;
    }

    /** From now on the values are examined in SDs of {@code noise}. */
    void zScore(NoiseEstimate n) {
        noise = n;
    }

    /**
     * The values in SDs of the noise (converted where needed only; see {@link #zScore}): the values
     * themselves, or {@code into} holding them converted.
     */
    float[] zScores(float[] into) {
        int len = length();
        if (noise == null) {
            return values;
        }
        int converted = (int) Math.max(0, Math.min(validHi - lo, len));
        PeakPicker.z(values, converted, noise.mean(), 1 / noise.sd(), into);
        System.arraycopy(values, converted, into, converted, len - converted);
        return into;
    }

    /** Values at positions ≡ 0 (mod stride) of {@code [from, to)}, outside excluded stretches. */
    void sample(long from, long to, int stride, FloatList out) {
        long first = Math.floorDiv(from + stride - 1, stride) * stride;
        long end = Math.min(to, validHi);
        if (first >= end) {
            return;
        }
        // onsets map to full-rate indices monotonically, so the excluded positions form runs: the
        // kept stretches between them are added whole, each found by walking the zones in order
        int count = (int) ((end - 1 - first) / stride) + 1;
        int k = zones.firstEndingAfter(fullOnset(first));
        int i = 0;
        while (i < count) {
            // positions from i on are kept up to the first whose onset reaches zone k
            int j = k < zones.size() ? firstReaching(first, stride, i, count, zones.start(k)) : count;
            out.addEvery(values, (int) (first - lo) + i * stride, stride, j - i);
            if (j == count) {
                break;
            }
            // and dropped while their onset lies in zone k (or in a later zone they reach)
            i = firstReaching(first, stride, j, count, zones.end(k));
            if (i < count) {
                k = zones.firstEndingAfter(fullOnset(first + (long) i * stride));
            }
        }
    }

    /** The first of positions {@code first + m·stride}, m in {@code [from, count)}, whose onset is at least {@code full} (count if none). */
    private int firstReaching(long first, int stride, int from, int count, long full) {
        int a = from;
        int b = count;
        while (a < b) {
            int m = (a + b) >>> 1;
            if (fullOnset(first + (long) m * stride) < full) {
                a = m + 1;
            } else {
                b = m;
            }
        }
        return a;
    }

    /** The detections at or above {@code threshold} (z units) among the candidates, side lobes removed. */
    PeakList detections(double threshold) {
        PeakList all = new PeakList();
        Window w = new Window(values, lo, length());
        if (noise == null) {
            PeakPicker.peaks(w, candLo, candHi, threshold, refractory, hi, all::add);
        } else {
            PeakPicker.peaks(w, noise, candLo, candHi, threshold, refractory, hi, all::add);
        }
        return all.withoutSidelobes(detector.sidelobes(), SIDELOBE_MARGIN);
    }

    /** Positions and z of the detections in {@code [from, to)} whose onset is not excluded. */
    void peaks(long from, long to, double threshold, PeakPicker.PeakConsumer out) {
        PeakList found = detections(threshold);
        for (int i = 0; i < found.size(); i++) {
            long p = found.position(i);
            if (p >= from && p < to && !excludedOnset(p)) {
                out.peak(p, found.z(i));
            }
        }
    }

    /**
     * The detections in {@code [from, to)} down to {@code zMin} (to {@code peaks}) and the dips below
     * {@code −zMin} (to {@code dips}, as positive depths) that no nearby detection explains as its
     * negative side lobe: in noise alone dips and peaks are equally common, so the dips measure how
     * many of the detections at each level are noise.
     *
     * @param scratch at least {@link #length} floats, overwritten (one per worker, not one per window)
     */
    void peaksAndDips(long from, long to, double zMin, float[] scratch, FloatList peaks, FloatList dips) {
        int len = length();
        float[] z = zScores(scratch);
        PeakList up = new PeakList();
        PeakPicker.peaks(new Window(z, lo, len), candLo, candHi, zMin, refractory, hi, up::add);
        PeakList found = up.withoutSidelobes(detector.sidelobes(), SIDELOBE_MARGIN);
        for (int i = 0; i < found.size(); i++) {
            long p = found.position(i);
            if (p >= from && p < to && !excludedOnset(p)) {
                peaks.add(found.z(i));
            }
        }
        // the z-scores are not needed any more: the scratch is negated where it lies, or takes them negated
        float[] negated = scratch;
        for (int i = 0; i < len; i++) {
            negated[i] = -z[i];
        }
        PeakList down = new PeakList();
        PeakPicker.peaks(new Window(negated, lo, len), from, to, zMin, refractory, hi, down::add);
        Sidelobes lobes = detector.sidelobes();
        int reach = Math.max(lobes.reach(), detector.reachAfter());
        for (int i = 0; i < down.size(); i++) {
            long p = down.position(i);
            float depth = down.z(i);
            if (excludedOnset(p)) {
                continue;
            }
            boolean lobe = false;
            for (int j = 0; j < up.size() && !lobe; j++) {
                long dist = up.position(j) - p;
                if (Math.abs(dist) <= reach && up.z(j) > DIP_EXPLAINED * depth) {
                    lobe = true;
                }
            }
            if (!lobe) {
                dips.add(depth);
            }
        }
    }

    boolean excludedOnset(long p) {
        return zones.contains(fullOnset(p));
    }

    /** The full-rate index of the onset of a detection at {@code p}. */
    private long fullOnset(long p) {
        return Math.round((p + detector.onsetOffset()) * decimation);
    }
}
