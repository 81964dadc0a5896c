package org.mepsc.pipeline;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.mepsc.detect.Detector;
import org.mepsc.detect.PeakPicker;
import org.mepsc.detect.Window;
import org.mepsc.events.Event;
import org.mepsc.events.Measurement;
import org.mepsc.events.Rejection;
import org.mepsc.filter.BlockStore;
import org.mepsc.filter.EdgeBlocks;
import org.mepsc.filter.FftPlans;
import org.mepsc.filter.FilterChain;
import org.mepsc.recording.Recording;
import org.mepsc.recording.Sweep;
import org.mepsc.trace.HeldStretchTrace;
import org.mepsc.trace.RecordingTrace;

/**
 * One worker's view of a recording: scans a chunk {@code [from, to)} of a sweep (detection-rate
 * indices) with the margins each stage needs, so that what it reports for the chunk is exactly
 * what a whole-sweep scan reports there. Not thread-safe: one per worker thread.
 */
final class ChunkScanner {

    /** Raw samples read and scanned for artefacts at a time (256 KiB: the piece is still cached when scanned). */
    private static final int SCAN_PIECE = 1 << 16;

    private final Recording recording;
    private final int channel;
    private final ScanSetup setup;
    private final Detector detector;
    private final int d;
    private final BlockStore frontStore;
    private final FftPlans plans;
    private final EdgeBlocks edges;
    private final ArtefactLog artefactLog;

    private int bankSweep = -1;
    private FilterChain bank;
    private RecordingTrace rawTrace;
    /** The raw trace as the filters read it: from {@link #raw} where the artefact scan has read it. */
    private HeldStretchTrace heldRaw;
    private Sweep sweep;

    private float[] cond = new float[0];
    private long condLo;
    private int condUsed;
    private float[][] kernels;
    /** The bank outputs {@link #prepare} reads (0: the conditioned trace, k + 1: kernel k), reused. */
    private final long[] readStarts;
    private final int[] readCounts;
    private final float[][] readInto;
    private final ChunkStatistic stat;
    private float[] raw = new float[0];
    /** Reused by the calibration sampling calls, which run once per chunk. */
    private float[] sample = new float[0];
    private double[] sums = new double[1];
    private Zones zones;

    /**
     * @param frontStore the run's store of decimated (front filter) blocks, or null
     * @param plans the run's transform plans, or null
     * @param edges blocks at chunk ends shared with the other workers of one pass, or null
     * @param artefactLog artefacts found by calibration's scanners so far (read and added to), or null
     */
    ChunkScanner(Recording recording, int channel, ScanSetup setup, BlockStore frontStore, FftPlans plans,
            EdgeBlocks edges, ArtefactLog artefactLog) {
        this.frontStore = frontStore;
        this.plans = plans;
        this.edges = edges;
        this.artefactLog = artefactLog;
        this.recording = recording;
        this.channel = channel;
        this.setup = setup;
        this.detector = setup.detector();
        this.d = setup.decimation();
        this.kernels = new float[detector.kernels().size()][0];
        this.readStarts = new long[kernels.length + 1];
        this.readCounts = new int[kernels.length + 1];
        this.readInto = new float[kernels.length + 1][];
        this.stat = new ChunkStatistic(detector, setup.refractory(), d);
    }

    /** Detection-rate length of a sweep. */
    long length(int sweepIndex) {
        return (recording.sweep(sweepIndex).length() + d - 1) / d;
    }

    /** A chunk's excluded full-rate stretch, clipped to the chunk. */
    record Piece(long start, long end, ExclusionReason reason) {
    }

    /** Candidates found and measured in a chunk, the samples it analysed and those it left out. */
    record ChunkEvents(List<Event> events, long analysedSamples, List<Piece> excluded) {
    }

    ChunkEvents detect(int sweepIndex, long from, long to) throws IOException {
        prepare(sweepIndex, from, to, true, true);
        PeakList found = stat.detections(setup.threshold());
        double offset = detector.onsetOffset();
        double tPeak = setup.template().peakTimeMs() * setup.rateHz() / 1000;
        Window c = new Window(cond, condLo, condUsed);
        List<Event> events = new ArrayList<>();
        for (int i = 0; i < found.size(); i++) {
            long p = found.position(i);
            if (p < from || p >= to || excludedOnset(p)) {
                continue;
            }
            double onset = p + offset;
            double prevOnset = i > 0 ? found.position(i - 1) + offset : Double.NEGATIVE_INFINITY;
            double prevPeak = i > 0 ? prevOnset + tPeak : Double.NEGATIVE_INFINITY;
            double nextOnset = i + 1 < found.size() ? found.position(i + 1) + offset : Double.POSITIVE_INFINITY;
            Measurement m = setup.characteriser().measure(c, onset, prevOnset, prevPeak, nextOnset);
            Rejection why = setup.rules().judge(m);
            events.add(new Event(sweepIndex, time(m.onset()), time(m.peak()), m.amplitude(), m.baseline(),
                    m.rise1090Ms(), m.decayTauMs(), m.decayR2(), m.halfDecayMs(), m.halfWidthMs(), m.charge(),
                    Double.NaN, found.z(i), false, why));
        }
        long fullFrom = from * d;
        long fullTo = Math.min(to * d, sweep.length());
        long analysed = Math.max(0, fullTo - fullFrom) - zones.all().covered(fullFrom, fullTo);
        List<Piece> excluded = new ArrayList<>();
        zones.pieces(fullFrom, fullTo, (a, b, why) -> excluded.add(new Piece(a, b, why)));
        return new ChunkEvents(events, analysed, excluded);
    }

    /**
     * The raw statistic of a chunk with its margins and excluded stretches, as a copy the caller
     * keeps (calibration examines it several times).
     */
    ChunkStatistic statistic(int sweepIndex, long from, long to) throws IOException {
        prepare(sweepIndex, from, to, false, detector.readsConditioned());
        return stat.copy();
    }

    /**
     * A copy of the conditioned trace the last {@link #statistic} read (the chunk with the
     * statistic's margins), or null if its detector does not read it.
     */
    Window conditionedCopy() {
        return condUsed == 0 ? null : new Window(Arrays.copyOf(cond, condUsed), condLo, condUsed);
    }

    /**
     * Conditioned samples minus their mean over ±{@code halfWidth}, at positions ≡ 0 (mod stride):
     * the trace's noise without its slow wander.
     *
     * @param kept the conditioned trace kept for the chunk by {@link #conditionedCopy}, read where it
     *     reaches instead of filtering again (null: none)
     */
    void sampleConditioned(int sweepIndex, long from, long to, int stride, int halfWidth, Window kept, FloatList out)
            throws IOException {
        long len = length(sweepIndex);
        long lo = Math.max(0, from - halfWidth);
        long hi = Math.min(len, to + halfWidth + 1);
        ensureBank(sweepIndex);
        sample = grow(sample, (int) (hi - lo));
        float[] buf = sample;
        prepareZones(sweepIndex, from, to);
        readConditioned(sweepIndex, lo, (int) (hi - lo), buf, kept);
        // running sums of the samples less the first (which keeps them small beside the offset):
        // each mean costs one subtraction rather than 2·halfWidth + 1 additions
        int n = (int) (hi - lo);
        if (sums.length < n + 1) {
            sums = new double[n + 1 + n / 2];
        }
        double ref = n > 0 ? buf[0] : 0;
        for (int i = 0; i < n; i++) {
            sums[i + 1] = sums[i] + (buf[i] - ref);
        }
        for (long p = ceilTo(from, stride); p < to; p += stride) {
            if (p - halfWidth < 0 || p + halfWidth >= len || zones.all().contains(p * d)) {
                continue;
            }
            int i = (int) (p - lo);
            double windowSum = sums[i + halfWidth + 1] - sums[i - halfWidth];
            out.add((float) ((buf[i] - ref) - windowSum / (2 * halfWidth + 1)));
        }
    }

    /**
     * Adds to {@code out} the conditioned trace's segments of the chunk (aligned to multiples of
     * the segment length) that are not excluded and have no detection within {@code guard}
     * samples: the noise without events.
     *
     * @param busy detection positions in this sweep, ascending
     * @param kept as for {@link #sampleConditioned}
     * @param out receives each segment as (samples, offset of its first)
     */
    void quietSegments(int sweepIndex, long from, long to, int segment, int guard, long[] busy, Window kept, Segments out)
            throws IOException {
        ensureBank(sweepIndex);
        long first = ceilTo(from, segment);
        long end = Math.min(to, bank.length());
        if (end - first < segment) {
            return;
        }
        prepareZones(sweepIndex, first, end);
        int n = (int) (end - first);
        sample = grow(sample, n);
        float[] buf = sample;
        readConditioned(sweepIndex, first, n, buf, kept);
        for (long s = first; s + segment <= end; s += segment) {
            if (zones.all().overlaps(s * d, (s + segment) * d)) {
                continue;
            }
            int k = java.util.Arrays.binarySearch(busy, s - guard);
            int i = k >= 0 ? k : -k - 1;
            if (i < busy.length && busy[i] < s + segment + guard) {
                continue;
            }
            out.accept(buf, (int) (s - first));
        }
    }

    /** Receives segments of a trace. */
    @FunctionalInterface
    interface Segments {
        void accept(float[] x, int offset);
    }

    /** Conditioned samples {@code [start, start+count)} of a sweep. */
    void readConditioned(int sweepIndex, long start, int count, float[] dst) throws IOException {
        ensureBank(sweepIndex);
        bank.read(0, start, count, dst, 0);
    }

    /**
     * As {@link #readConditioned(int, long, int, float[])}, copied from {@code kept} (a
     * {@link #conditionedCopy} of this setup's scanner, of the same sweep) where it holds the whole
     * range: the same values, without filtering them again.
     */
    void readConditioned(int sweepIndex, long start, int count, float[] dst, Window kept) throws IOException {
        if (kept != null && start >= kept.origin() && start + count <= kept.end()) {
            System.arraycopy(kept.data(), (int) (start - kept.origin()), dst, 0, count);
        } else {
            readConditioned(sweepIndex, start, count, dst);
        }
    }

    private boolean excludedOnset(long p) {
        return stat.excludedOnset(p);
    }

    private double time(double detectionIndex) {
        return sweep.startTimeS() + detectionIndex * d / sweep.sampleRateHz();
    }

    private void ensureBank(int sweepIndex) {
        if (bankSweep != sweepIndex) {
            rawTrace = new RecordingTrace(recording, channel, sweepIndex);
            heldRaw = new HeldStretchTrace(rawTrace);
            bank = new FilterChain(heldRaw, setup.bank(), frontStore, sweepIndex, edges, plans);
            sweep = recording.sweep(sweepIndex);
            bankSweep = sweepIndex;
        }
    }

    /**
     * @param zScores convert the statistic to noise SDs
     * @param conditioned read the conditioned trace around the chunk (to measure events, or for a
     *     detector that reads it)
     */
    private void prepare(int sweepIndex, long from, long to, boolean zScores, boolean conditioned) throws IOException {
        ensureBank(sweepIndex);
        long ld = bank.length();
        int r = setup.refractory();
        int reach = setup.characteriser().reachBefore() + setup.characteriser().reachAfter() + r
                + detector.sidelobes().reach();
        long candLo = Math.max(0, from - reach);
        long candHi = Math.min(ld, to + reach);
        long statLo = Math.max(0, candLo - r);
        long statHi = Math.min(ld, candHi + r);
        int offset = (int) Math.ceil(Math.abs(detector.onsetOffset())) + 1;
        condLo = Math.max(0, statLo - Math.max(detector.reachBefore(), setup.characteriser().reachBefore() + offset));
        long condHi = Math.min(ld, statHi + Math.max(detector.reachAfter(), setup.characteriser().reachAfter() + offset));
        // the artefact scan first: the filters then take the raw samples it has read
        prepareZones(sweepIndex, Math.min(from, candLo), Math.max(to, candHi));
        condUsed = conditioned ? (int) (condHi - condLo) : 0;
        cond = grow(cond, condUsed);
        int statLen = (int) (statHi - statLo);
        readStarts[0] = condLo;
        readCounts[0] = condUsed;
        readInto[0] = cond;
        for (int k = 0; k < kernels.length; k++) {
            kernels[k] = grow(kernels[k], statLen);
            readStarts[k + 1] = statLo;
            readCounts[k + 1] = statLen;
            readInto[k + 1] = kernels[k];
        }
        bank.readOutputs(readStarts, readCounts, readInto);
        // a statistic that is a kernel's output is used where the bank wrote it
        int own = detector.statisticKernel();
        float[] values = own >= 0 ? kernels[own] : grow(stat.values, statLen);
        long statValidHi = Math.max(statLo, Math.min(statHi, ld - detector.reachAfter()));
        int valid = (int) (statValidHi - statLo);
        if (valid > 0 && own < 0) {
            List<Window> kernelWindows = new ArrayList<>();
            for (int k = 0; k < kernels.length; k++) {
                kernelWindows.add(new Window(kernels[k], statLo, statLen));
            }
            // the pass looks only at values that reach its threshold (detections); calibration at all
            float floor = zScores ? PeakPicker.rawGate(setup.noise(), setup.threshold()) : Float.NaN;
            detector.statistic(new Window(cond, condLo, condUsed), kernelWindows, statLo, valid, values, 0, floor);
        }
        Arrays.fill(values, valid, statLen, Float.NEGATIVE_INFINITY);
        stat.values = values;
        stat.sweep = sweepIndex;
        stat.lo = statLo;
        stat.hi = statHi;
        stat.validHi = statValidHi;
        stat.candLo = candLo;
        stat.candHi = candHi;
        stat.noise = zScores ? setup.noise() : null;
        stat.zones = zones.all();
    }

    /** Excluded full-rate stretches reaching into detection-rate positions {@code [from, to)}. */
    private void prepareZones(int sweepIndex, long from, long to) throws IOException {
        long length = sweep.length();
        double offset = detector.onsetOffset();
        long fLo = Math.max(0, from * d + (long) Math.floor(Math.min(0, offset) * d) - d);
        long fHi = Math.min(length, to * d + (long) Math.ceil(Math.max(0, offset) * d) + d);
        zones = new Zones();
        ArtefactRules rules = setup.artefacts();
        long scanFrom = fLo - rules.zoneAfter();
        long scanTo = fHi + rules.zoneBefore();
        heldRaw.release();
        if (artefactLog == null) {
            readAndScan(rules, fLo, fHi, scanFrom, scanTo, rules.zonesInto(zones));
        } else {
            // the artefacts the same scan found before, or a wider scan kept for the next setups
            ArtefactLog.Stretch known = artefactLog.covering(sweepIndex, scanFrom, scanTo, rules.finding());
            if (known != null) {
                known.replay(scanFrom, scanTo, rules.zonesInto(zones));
            } else {
                long margin = (long) Math.ceil(sweep.sampleRateHz()); // a second either side
                ArtefactLog.Collector found = artefactLog.collector(scanFrom, scanTo, rules.zonesInto(zones));
                readAndScan(rules, fLo - margin, fHi + margin, scanFrom - margin, scanTo + margin, found);
                found.keep(sweepIndex, scanFrom - margin, scanTo + margin, rules.finding());
            }
        }
        double fs = sweep.sampleRateHz();
        for (Exclusion e : setup.exclusions()) {
            if (e.appliesTo(sweepIndex)) {
                long a = (long) Math.floor(e.startS() * fs);
                long b = Double.isInfinite(e.endS()) ? length : (long) Math.ceil(e.endS() * fs);
                zones.add(Math.max(0, a), Math.min(length, b), ExclusionReason.USER);
            }
        }
        zones.add(0, Math.min(length, (long) setup.edgeHead() * d), ExclusionReason.SWEEP_EDGE);
        zones.add(Math.max(0, length - (long) setup.edgeTail() * d), length, ExclusionReason.SWEEP_EDGE);
        zones.merge();
    }

    /**
     * Reads the raw samples that full-rate range {@code [fLo, fHi)} needs for its artefacts (held
     * for the filters afterwards) and scans {@code [scanFrom, scanTo)}.
     */
    private void readAndScan(ArtefactRules rules, long fLo, long fHi, long scanFrom, long scanTo, ArtefactRules.Found found)
            throws IOException {
        int reach = rules.reach();
        long rLo = Math.max(0, fLo - reach);
        long rHi = Math.min(sweep.length(), fHi + reach);
        int n = (int) Math.max(0, rHi - rLo);
        raw = grow(raw, n);
        rules.finding().readAndScan(rawTrace, raw, rLo, n, scanFrom, scanTo, SCAN_PIECE, found);
        heldRaw.hold(raw, rLo, n);
    }

    private static float[] grow(float[] a, int n) {
        return a.length >= n ? a : new float[Math.max(n, a.length + a.length / 2)];
    }

    private static long ceilTo(long v, int stride) {
        return Math.floorDiv(v + stride - 1, stride) * stride;
    }
}
