package org.mepsc.pipeline;

import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.mepsc.detect.GaussianNoiseFit;
import org.mepsc.detect.NoiseEstimate;
import org.mepsc.detect.OrderStatistics;
import org.mepsc.detect.Template;
import org.mepsc.detect.TemplateFit;
import org.mepsc.detect.Window;
import org.mepsc.events.CharacterisationSettings;
import org.mepsc.filter.HumDetector;
import org.mepsc.filter.WelchSpectrum;
import org.mepsc.recording.Recording;

/**
 * Settles a run's automatic choices on a bounded, fixed sample of the recording (all of it when it
 * is short; otherwise windows spread evenly over it): mains hum, the noise of the raw trace's
 * sample-to-sample differences (for artefacts), the template, and the noise of the detection
 * statistic that the threshold is measured in.
 *
 * <p>Automatic templates follow the manual procedure of Stimfit and Clampfit, automated: detect
 * with a strict threshold using each of a few starting templates (on a quarter of the learning
 * windows when there are enough), keep the one that finds most events, then repeatedly average the
 * isolated events (aligned on their half-rise), fit a biexponential by Levenberg–Marquardt and
 * detect again with it, until the kinetics settle (or come back to a shape already tried). The
 * template is learned on an evenly spread quarter of the windows of a long recording (all of them
 * for one under {@link #LEARNING_BUDGET}, or when the quarter holds too few events to average),
 * since a few hundred events fix its shape; the threshold is set on all of them. The calibration
 * chunks are fixed, so its results never depend on how the run is split up.
 */
final class Calibrator {

    /** Detection-rate samples calibration examines at most. */
    static final long BUDGET = 1L << 22;
    /** Detection-rate samples the template is learned on at most (first try; see {@link #ENOUGH_EVENTS}). */
    static final long LEARNING_BUDGET = 1L << 20;
    /**
     * The template learned on {@link #LEARNING_BUDGET} samples stands if its last average held at
     * least this many events; otherwise it is learned again on all the windows (the average's noise
     * falls as 1/√n: from 100 events it is a tenth of a single event's).
     */
    static final int ENOUGH_EVENTS = 100;
    static final int WINDOWS = 32;
    static final int CHUNK = 1 << 17;
    /** Raw differences kept for the raw noise. */
    static final int NOISE_SAMPLES = 1 << 20;
    /**
     * Samples of the statistic (or the conditioned trace) kept for a noise fit, spread evenly: they
     * change little within a template's length, so a quarter of a million samples at most a few ms
     * apart weigh about as much as four times as many adjacent ones.
     */
    static final int STATISTIC_SAMPLES = 1 << 18;
    /** Strict threshold for the events a template is fitted to. */
    static final double STRICT = 6;
    /** Detections at this threshold spoil an event's isolation (a low one would also catch noise on the
     * tails, and keeping only events whose tails happen to dip would bias the decay short). */
    static final double ISOLATION = 5;
    /** Detections listed for the noise spectrum's quiet segments. */
    static final double LISTED = 3.5;
    static final int MIN_EVENTS = 8;
    /** The averaged window runs this many decay constants past the peak. */
    static final double AVERAGE_DECAY_TAUS = 4;
    static final int MAX_EVENTS = 2000;
    static final int MAX_ITERATIONS = 6;
    /** The starting template is chosen on a quarter of the learning windows when there are at least this many. */
    static final int MIN_WINDOWS_TO_SPLIT = 8;
    /** Successive templates this close ({@link Template#distance}) have settled. */
    static final double SETTLED = 1.03;
    /** The false-discovery guard counts peaks and dips from this level up. */
    static final double GUARD_LOWEST = 2.5;
    /** Default amplitude floor, in SDs of the conditioned trace's noise. */
    static final double FLOOR_SDS = 1.5;

    private final Recording recording;
    private final int channel;
    private final List<Integer> sweeps;
    private final DetectionParameters p;
    private final ParallelChunks parallel;
    private final long longest;
    private final double fs;

    /** The result, and the scan setup that goes with it. */
    record Outcome(Calibration calibration, ScanSetup setup) {
    }

    Calibrator(Recording recording, int channel, List<Integer> sweeps, DetectionParameters p, ParallelChunks parallel) {
        this.recording = recording;
        this.channel = channel;
        this.sweeps = sweeps;
        this.p = p;
        this.parallel = parallel;
        this.fs = recording.sweep(sweeps.get(0)).sampleRateHz();
        this.longest = sweeps.stream().mapToLong(s -> recording.sweep(s).length()).max().orElse(0);
    }

    Outcome calibrate() throws IOException {
        int d = Conditioning.decimationFor(fs, p.lowPassHz());
        List<Chunk> windows = windows(d);
        double seconds = seconds(windows, d);
        RawFacts raw = rawFacts(windows, d);
        List<Double> allowed = Conditioning.harmonics(p.notchHz() != null ? p.notchHz() : raw.hum.mainsHz(), fs, d);
        List<Double> notches = p.notchHz() != null ? allowed
                : raw.hum.harmonicsHz().stream().filter(allowed::contains).toList();
        Conditioning conditioning = Conditioning.design(fs, p.lowPassKind(), p.lowPassHz(), p.highPassHz(), notches);
        String notchSource = notches.isEmpty() ? "off" : p.notchHz() == null ? "auto" : "user";

        List<Chunk> learning = spreadSubset(windows, LEARNING_BUDGET);
        Template template;
        String source;
        double fitR2 = Double.NaN;
        int fitEvents = 0;
        List<Chunk> learnedOn;
        Evaluation templateRun; // the template's own statistic on the windows it was learned on
        if (p.template() != null) {
            template = p.template();
            source = "user";
            learnedOn = learning;
            templateRun = evaluateTemplate(conditioning, template, raw.noise, learnedOn, false, null);
        } else {
            Learned learned = learn(conditioning, raw.noise, learning);
            if (learned.events < ENOUGH_EVENTS && learning.size() < windows.size()) {
                learned = learn(conditioning, raw.noise, windows);
            }
            template = learned.template;
            source = learned.source;
            fitR2 = learned.r2;
            fitEvents = learned.events;
            learnedOn = learned.windows;
            templateRun = learned.last.template.equals(template) ? learned.last
                    : evaluateTemplate(conditioning, template, raw.noise, learnedOn, false, null);
        }
        Method scan = p.detector() == null ? p.method() : null; // null: the parameters' own detector
        WelchSpectrum spectrum = scan == Method.DECONVOLUTION ? quietSpectrum(templateRun, learnedOn) : null;
        boolean learnedScan = scan == Method.TEMPLATE && learnedOn.equals(windows);
        ScanSetup scanSetup = learnedScan ? templateRun.setup : setupFor(conditioning, scan, template, raw.noise, spectrum);
        // the template detector's statistic on the windows it was learned on is known already
        ParallelChunks.Pending<Evaluation> scanRun = learnedScan ? null
                : startEvaluation(scanSetup, template, windows, false, scan == Method.TEMPLATE ? templateRun : null, false);
        // the trace's noise needs the setup's filters and artefact rules, not the statistic's noise:
        // it is measured beside the statistic's windows and their noise fit
        ParallelChunks.Pending<Double> traceNoise = conditionedNoise(scanSetup, templateRun, template);
        Evaluation current = learnedScan ? templateRun : scanRun.get();
        double minimum = p.threshold() != null ? p.threshold()
                : scan == null ? p.detector().defaultThreshold() : SetupFactory.defaultThreshold(scan);
        double threshold = guardedThreshold(current, windows, minimum);
        double noiseSd = traceNoise.get();
        double floor = p.amplitudeFloor() != null ? p.amplitudeFloor() : FLOOR_SDS * noiseSd;
        ScanSetup setup = SetupFactory.forPass(scanSetup, longest, current.noise, threshold, floor);
        double refractoryMs = setup.refractory() * 1000 / conditioning.rateHz();
        Calibration c = new Calibration(fs, conditioning.decimation(), conditioning.notchHz(), notchSource, template,
                source, fitR2, fitEvents, current.noise, threshold, minimum, noiseSd, raw.noise.differenceSd(), floor, refractoryMs, seconds,
                seconds(learnedOn, d), setup.rules(), CharacterisationSettings.DEFAULT);
        return new Outcome(c, setup);
    }

    // ---------------------------------------------------------------- windows

    /** Detection-rate ranges to calibrate on: everything, or windows spread evenly. */
    private List<Chunk> windows(int d) {
        long total = 0;
        long[] lengths = new long[sweeps.size()];
        for (int i = 0; i < sweeps.size(); i++) {
            lengths[i] = (recording.sweep(sweeps.get(i)).length() + d - 1) / d;
            total += lengths[i];
        }
        List<Chunk> out = new ArrayList<>();
        if (total <= BUDGET) {
            for (int i = 0; i < sweeps.size(); i++) {
                out.addAll(Chunk.split(sweeps.get(i), 0, lengths[i], CHUNK));
            }
            return out;
        }
        long each = BUDGET / WINDOWS;
        for (int w = 0; w < WINDOWS; w++) {
            long start = (long) ((w + 0.5) * total / WINDOWS) - each / 2;
            long end = start + each;
            long base = 0;
            for (int i = 0; i < sweeps.size(); i++) {
                long a = Math.max(start, base);
                long b = Math.min(end, base + lengths[i]);
                if (b > a) {
                    out.addAll(Chunk.split(sweeps.get(i), a - base, b - base, CHUNK));
                }
                base += lengths[i];
            }
        }
        return out;
    }

    /**
     * About {@code budget} samples of {@code windows} at most: every k-th window, k chosen so that
     * they fit, starting half a stride in (all of them if they fit already).
     */
    static List<Chunk> spreadSubset(List<Chunk> windows, long budget) {
        long total = Chunk.total(windows);
        if (total <= budget) {
            return windows;
        }
        int k = (int) ((total + budget - 1) / budget);
        List<Chunk> out = new ArrayList<>();
        for (int i = k / 2; i < windows.size(); i += k) {
            out.add(windows.get(i));
        }
        return out;
    }

    private static List<Integer> indices(List<?> list) {
        return java.util.stream.IntStream.range(0, list.size()).boxed().toList();
    }

    private double seconds(List<Chunk> windows, int d) {
        return Chunk.total(windows) * d / fs;
    }

    // ---------------------------------------------------------------- raw trace facts

    private record RawFacts(RawNoise noise, HumDetector.Result hum) {
    }

    /** One window's raw facts: its sampled differences and its hum segments' periodograms. */
    private record WindowFacts(FloatList diffs, FloatList lagged, List<double[]> humSegments) {
    }

    /** Each thread's reading buffer and hum spectrum (an FFT plan), reused from window to window. */
    private record RawScratch(float[] buffer, HumDetector hum) {
    }

    /** Window {@code window}, whose first hum-segment candidate is the {@code firstSegment}-th of all. */
    private record RawTask(int window, long firstSegment) {
    }

    private RawFacts rawFacts(List<Chunk> windows, int d) throws IOException {
        HumDetector hum = new HumDetector(fs);
        int seg = hum.segmentLength();
        long totalRaw = windows.stream().mapToLong(c -> (c.to() - c.from()) * d).sum();
        int stride = (int) Math.max(1, totalRaw / NOISE_SAMPLES);
        int lag = Math.max(1, (int) Math.round(0.0005 * fs));
        int maxSegments = 64;
        int segmentsStride = (int) Math.max(1, totalRaw / seg / maxSegments);
        // the hum segments are every segmentsStride-th segment of the windows in turn: each window
        // starts its count where the one before ended, so windows can be read on any thread
        List<RawTask> tasks = new ArrayList<>();
        long segmentCounter = 0;
        for (int w = 0; w < windows.size(); w++) {
            tasks.add(new RawTask(w, segmentCounter));
            int n = rawLength(windows.get(w), d);
            segmentCounter += n < 2 ? 0 : n / seg;
        }
        ThreadLocal<RawScratch> scratch = ThreadLocal.withInitial(
                () -> new RawScratch(new float[Math.max(seg, CHUNK * d + 1)], new HumDetector(fs)));
        List<WindowFacts> parts = parallel.mapEach(tasks, t -> {
            Chunk c = windows.get(t.window());
            int n = rawLength(c, d);
            // room for every sampled difference, so that the lists never grow
            int room = n > lag ? (n - lag - 1) / stride + 1 : 0;
            FloatList diffs = new FloatList(room);
            FloatList lagged = new FloatList(room);
            List<double[]> segments = new ArrayList<>();
            if (n < 2) {
                return new WindowFacts(diffs, lagged, segments);
            }
            float[] buf = scratch.get().buffer();
            recording.read(channel, c.sweep(), c.from() * d, n, buf, 0);
            for (int i = lag; i < n; i += stride) {
                float x = buf[i] - buf[i - 1];
                float y = buf[i] - buf[i - lag];
                if (Float.isFinite(x) && Float.isFinite(y)) {
                    diffs.add(Math.abs(x));
                    lagged.add(Math.abs(y));
                }
            }
            long counter = t.firstSegment();
            for (int s = 0; s + seg <= n; s += seg) {
                if (counter++ % segmentsStride == 0 && finite(buf, s, seg)) {
                    segments.add(scratch.get().hum().periodogram(buf, s));
                }
            }
            return new WindowFacts(diffs, lagged, segments);
        });
        // gathered in window order: the same lists and the same sums whatever the threads
        int gathered = parts.stream().mapToInt(part -> part.diffs.size()).sum();
        FloatList diffs = new FloatList(gathered);
        FloatList lagged = new FloatList(gathered);
        for (WindowFacts part : parts) {
            diffs.addAll(part.diffs);
            lagged.addAll(part.lagged);
            part.humSegments.forEach(hum::add);
        }
        // the two medians of a million differences each, one per worker
        return new RawFacts(RawNoise.of(diffs, lagged, lists -> parallel.mapEach(lists, RawNoise::robustSd)), hum.result());
    }

    /** Full-rate samples of a detection-rate window (a sweep may end within its last D). */
    private int rawLength(Chunk c, int d) {
        long len = recording.sweep(c.sweep()).length();
        return (int) Math.max(0, Math.min(len, c.to() * d) - c.from() * d);
    }

    private static boolean finite(float[] x, int from, int n) {
        for (int i = from; i < from + n; i++) {
            if (!Float.isFinite(x[i])) {
                return false;
            }
        }
        return true;
    }

    // ---------------------------------------------------------------- statistic passes

    /**
     * A template tried on the calibration windows: its noise, its detections (empty if they were
     * not listed), and its statistic (in noise SDs) on every window, kept for the false-discovery
     * guard; while the template is learned, also each window's conditioned trace (null entries
     * otherwise), which the average of its events reads instead of filtering again.
     */
    private record Evaluation(Template template, ScanSetup setup, NoiseEstimate noise, List<Detection> detections,
            List<Chunk> windows, List<ChunkStatistic> statistic, List<Window> conditioned) {
        long countAbove(double z) {
            return detections.stream().filter(x -> x.z >= z).count();
        }

        /** The conditioned trace kept for window {@code c}, or null. */
        Window kept(Chunk c) {
            int i = windows.indexOf(c);
            return i < 0 ? null : conditioned.get(i);
        }

        /**
         * A copy of window {@code c}'s statistic (its values are raw; the copy's noise is set when it
         * is scored), and its conditioned trace if {@code withConditioned}; null if this evaluation
         * lacks either.
         */
        Scanned scanned(Chunk c, boolean withConditioned) {
            int i = windows.indexOf(c);
            if (i < 0 || withConditioned && conditioned.get(i) == null) {
                return null;
            }
            return new Scanned(statistic.get(i).copy(), withConditioned ? conditioned.get(i) : null);
        }
    }

    /** A detection in window {@code window} of the evaluation's list. */
    private record Detection(int sweep, long position, float z, int window) {
    }

    /** A window's statistic, and its conditioned trace if it was kept. */
    private record Scanned(ChunkStatistic statistic, Window conditioned) {
    }

    /**
     * The template detector's evaluation of {@code t} on the windows (learning and its checks).
     *
     * @param keepConditioned keep each window's conditioned trace (for {@link #average})
     * @param earlier an evaluation of the same statistic, whose windows need not be scanned again (or null)
     */
    private Evaluation evaluateTemplate(Conditioning conditioning, Template t, RawNoise rawNoise, List<Chunk> windows,
            boolean keepConditioned, Evaluation earlier) throws IOException {
        return startEvaluation(setupFor(conditioning, Method.TEMPLATE, t, rawNoise, null), t, windows, keepConditioned,
                earlier, true).get();
    }

    /** The setup a template is evaluated with, before its statistic's noise is known. */
    private ScanSetup setupFor(Conditioning conditioning, Method method, Template t, RawNoise rawNoise, WelchSpectrum spectrum) {
        return SetupFactory.forCalibration(conditioning, p, method, t, rawNoise, longest, spectrum);
    }

    /**
     * Starts computing {@code raw}'s statistic on the windows, once per window; its noise fit and
     * detections (from that copy) follow on the worker that ends the last window, while the others
     * go on with what was started after.
     *
     * @param earlier an evaluation of the same statistic (template and detector) on some of these
     *     windows, or null: those windows are taken from it rather than scanned again (the values
     *     are the same, since a window's statistic does not depend on the work around it)
     * @param listed list the detections (learning, its checks and the quiet spectrum read them; the
     *     threshold's evaluation needs only the statistic and its noise, and would list its
     *     detections over all windows on one worker while the others wait)
     */
    private ParallelChunks.Pending<Evaluation> startEvaluation(ScanSetup raw, Template t, List<Chunk> windows,
            boolean keepConditioned, Evaluation earlier, boolean listed) throws IOException {
        return parallel.start(windows, raw, (s, c) -> {
            Scanned known = earlier == null ? null : earlier.scanned(c, keepConditioned);
            if (known != null) {
                return known;
            }
            ChunkStatistic z = s.statistic(c.sweep(), c.from(), c.to());
            return new Scanned(z, keepConditioned ? s.conditionedCopy() : null);
        }, scanned -> scored(raw, t, windows, scanned, listed));
    }

    private Evaluation scored(ScanSetup raw, Template t, List<Chunk> windows, List<Scanned> scanned, boolean listed) {
        long total = Chunk.total(windows);
        int stride = (int) Math.max(1, total / STATISTIC_SAMPLES);
        List<ChunkStatistic> statistic = scanned.stream().map(Scanned::statistic).toList();
        FloatList all = new FloatList((int) Math.min(Integer.MAX_VALUE - 8, total / stride + windows.size()));
        for (int i = 0; i < windows.size(); i++) {
            statistic.get(i).sample(windows.get(i).from(), windows.get(i).to(), stride, all);
        }
        NoiseEstimate noise = all.size() >= 10 ? GaussianNoiseFit.fit(all.array(), all.size(), true)
                : new NoiseEstimate(0, 1);
        ScanSetup scored = raw.withNoise(noise, LISTED);
        statistic.forEach(z -> z.zScore(noise));
        List<Detection> detections = listed ? detections(windows, statistic) : List.of();
        return new Evaluation(t, scored, noise, detections, windows, statistic,
                scanned.stream().map(Scanned::conditioned).toList());
    }

    /** The peaks at or above {@link #LISTED} noise SDs in every window, in window order. */
    private static List<Detection> detections(List<Chunk> windows, List<ChunkStatistic> statistic) {
        List<Detection> detections = new ArrayList<>();
        for (int i = 0; i < windows.size(); i++) {
            Chunk c = windows.get(i);
            int window = i;
            statistic.get(i).peaks(c.from(), c.to(), LISTED,
                    (pos, value) -> detections.add(new Detection(c.sweep(), pos, value, window)));
        }
        return detections;
    }

    /** The threshold raised as far as the false-discovery guard asks, judged on the calibration windows. */
    private double guardedThreshold(Evaluation e, List<Chunk> windows, double minimum) throws IOException {
        if (p.falseDiscovery() <= 0) {
            return minimum;
        }
        // a z-score scratch per worker, grown to the longest window it meets
        ThreadLocal<float[]> scratch = ThreadLocal.withInitial(() -> new float[0]);
        // windows on the run's threads, gathered in window order: the lists do not depend on the threads
        List<FloatList[]> parts = parallel.mapEach(indices(windows), i -> {
            FloatList[] found = {new FloatList(), new FloatList()};
            ChunkStatistic z = e.statistic.get(i);
            if (scratch.get().length < z.length()) {
                scratch.set(new float[z.length()]);
            }
            z.peaksAndDips(windows.get(i).from(), windows.get(i).to(), GUARD_LOWEST, scratch.get(), found[0], found[1]);
            return found;
        });
        FloatList peaks = new FloatList();
        FloatList dips = new FloatList();
        for (FloatList[] found : parts) {
            peaks.addAll(found[0]);
            dips.addAll(found[1]);
        }
        return FalseDiscoveryGuard.threshold(peaks, dips, GUARD_LOWEST, minimum, p.falseDiscovery());
    }

    // ---------------------------------------------------------------- template learning

    /** A learned template, and the windows it was learned on. */
    private record Learned(Template template, String source, double r2, int events, Evaluation last, List<Chunk> windows) {
    }

    private Learned learn(Conditioning conditioning, RawNoise rawNoise, List<Chunk> windows) throws IOException {
        // the starting template is chosen on a quarter of the windows when there are enough: a
        // choice among three shapes far apart needs fewer events than the average that follows
        // (but if the quarter holds too few strict detections to tell them apart, all windows count)
        List<Chunk> trial = startingWindows(windows);
        Evaluation best = bestStart(conditioning, rawNoise, trial);
        if (!trial.equals(windows)) {
            best = best.countAbove(STRICT) >= ENOUGH_EVENTS / 4
                    ? evaluateTemplate(conditioning, best.template, rawNoise, windows, true, best)
                    : bestStart(conditioning, rawNoise, windows);
        }
        Evaluation current = best;
        TemplateFit lastFit = null;
        int lastEvents = 0;
        List<Template> before = new ArrayList<>(); // the templates tried before the current one
        for (int iteration = 0; iteration < MAX_ITERATIONS; iteration++) {
            Average avg = average(current, conditioning);
            if (avg == null) {
                break;
            }
            TemplateFit fit = TemplateFit.fit(avg.values, avg.dtMs, current.template, avg.onsetGuessMs);
            Template next = sane(fit.template());
            if (next == null) {
                break;
            }
            boolean settled = next.distance(current.template) < SETTLED;
            if (!settled && returnsToEarlier(next, before)) {
                break;
            }
            lastFit = fit;
            lastEvents = avg.events;
            before.add(current.template);
            current = evaluateTemplate(conditioning, next, rawNoise, windows, true, null);
            if (settled) {
                break;
            }
        }
        if (lastFit == null) {
            return new Learned(best.template, "default", Double.NaN, 0, best, windows);
        }
        return new Learned(current.template, "auto", lastFit.r2(), lastEvents, current, windows);
    }

    /** The windows the starting template is chosen on: a spread quarter of eight or more, else all of them. */
    static List<Chunk> startingWindows(List<Chunk> windows) {
        return windows.size() >= MIN_WINDOWS_TO_SPLIT
                ? spreadSubset(windows, Chunk.total(windows) / 4) : windows;
    }

    /**
     * Of the starting templates, the evaluation of the one with most strict detections on
     * {@code windows} (the first on a tie), with each window's conditioned trace kept (for the
     * average, and so that the learning windows evaluated next can reuse the statistic of the
     * windows they share with these). Within the learning budget the three are evaluated at
     * once, so that each one's noise fit runs beside the others' windows; beyond it (learning on
     * all windows of a recording with few events) one at a time, holding two evaluations as before.
     */
    private Evaluation bestStart(Conditioning conditioning, RawNoise rawNoise, List<Chunk> windows) throws IOException {
        boolean together = Chunk.total(windows) <= LEARNING_BUDGET;
        List<ParallelChunks.Pending<Evaluation>> started = new ArrayList<>();
        try {
            Evaluation best = null;
            for (Template t : SetupFactory.initialTemplates()) {
                started.add(startEvaluation(setupFor(conditioning, Method.TEMPLATE, t, rawNoise, null), t, windows,
                        true, null, true));
                if (!together) {
                    best = better(best, started.remove(0).get());
                }
            }
            for (ParallelChunks.Pending<Evaluation> e : started) {
                best = better(best, e.get());
            }
            return best;
        } finally {
            started.forEach(ParallelChunks.Pending::cancel);
        }
    }

    /** {@code e} if it has more strict detections than {@code best} (or there is no best yet). */
    private static Evaluation better(Evaluation best, Evaluation e) {
        return best == null || e.countAbove(STRICT) > best.countAbove(STRICT) ? e : best;
    }

    /**
     * Whether {@code next} is back at one of the templates tried before the current one: the fits
     * then alternate (the half-rise alignment can flip between two neighbouring shapes), and more
     * rounds would only repeat them.
     */
    static boolean returnsToEarlier(Template next, List<Template> before) {
        return before.stream().anyMatch(t -> next.distance(t) < SETTLED);
    }

    private static Template sane(Template t) {
        double rise = Math.max(0.05, Math.min(20, t.riseMs()));
        double decay = Math.max(0.3, Math.min(200, t.decayMs()));
        if (!(rise < decay * 0.9)) {
            return null;
        }
        return new Template(rise, decay);
    }

    private record Average(double[] values, double dtMs, double onsetGuessMs, int events) {
    }

    /** Isolated strict detections, aligned on their half-rise and averaged (signed: events up). */
    private Average average(Evaluation e, Conditioning conditioning) throws IOException {
        double rate = conditioning.rateHz();
        double perMs = rate / 1000;
        Template t = e.template;
        int pre = (int) Math.round(Math.max(Math.max(3, 2 * t.peakTimeMs()), 0.5 * t.decayMs()) * perMs);
        int post = (int) Math.round((t.peakTimeMs() + AVERAGE_DECAY_TAUS * t.decayMs()) * perMs);
        double offset = e.setup.detector().onsetOffset();
        List<Detection> all = e.detections;
        List<Detection> chosen = new ArrayList<>();
        List<Detection> strong = all.stream().filter(x -> x.z >= ISOLATION).toList();
        for (int i = 0; i < strong.size(); i++) {
            Detection x = strong.get(i);
            if (x.z < STRICT) {
                continue;
            }
            boolean isolated = (i == 0 || strong.get(i - 1).sweep != x.sweep || x.position - strong.get(i - 1).position > pre + post)
                    && (i + 1 == strong.size() || strong.get(i + 1).sweep != x.sweep || strong.get(i + 1).position - x.position > post);
            if (isolated) {
                chosen.add(x);
            }
        }
        if (chosen.size() < MIN_EVENTS) {
            return null;
        }
        if (chosen.size() > MAX_EVENTS) {
            List<Detection> thinned = new ArrayList<>();
            for (int k = 0; k < MAX_EVENTS; k++) {
                thinned.add(chosen.get((int) ((long) k * chosen.size() / MAX_EVENTS)));
            }
            chosen = thinned;
        }
        int length = pre + post;
        double[] sum = new double[length];
        float[] w = new float[length + 2];
        int used = 0;
        int sign = p.polarity().sign();
        ChunkScanner reader = parallel.scanner(e.setup);
        int peakSearchEnd = pre + (int) Math.round((2 * t.peakTimeMs() + 1) * perMs);
        for (Detection x : chosen) {
            long start = Math.round(x.position + offset) - pre - 1;
            long len = reader.length(x.sweep);
            if (start < 0 || start + length + 2 > len) {
                continue;
            }
            reader.readConditioned(x.sweep, start, length + 2, w, e.conditioned.get(x.window));
            double base = 0;
            int baseN = (2 * pre) / 3;
            for (int i = 1; i <= baseN; i++) {
                base += sign * w[i];
            }
            base /= baseN;
            int ip = pre / 2 + 1;
            double peak = Double.NEGATIVE_INFINITY;
            for (int i = pre / 2 + 1; i <= Math.min(length, peakSearchEnd); i++) {
                if (sign * w[i] > peak) {
                    peak = sign * w[i];
                    ip = i;
                }
            }
            double half = base + 0.5 * (peak - base);
            double t50 = Double.NaN;
            for (int j = ip - 1; j >= 1; j--) {
                double v = sign * w[j];
                if (v < half) {
                    t50 = j + (half - v) / (sign * w[j + 1] - v);
                    break;
                }
            }
            if (Double.isNaN(t50) || !(peak - base > 0)) {
                continue;
            }
            double shift = t50 - (pre + 1);
            if (Math.abs(shift) > pre / 2.0) {
                continue;
            }
            for (int j = 0; j < length; j++) {
                double pos = j + 1 + shift;
                int i0 = (int) Math.floor(pos);
                if (i0 < 0 || i0 + 1 >= w.length) {
                    continue;
                }
                double f = pos - i0;
                double v = sign * ((1 - f) * w[i0] + f * w[i0 + 1]);
                sum[j] += v - base;
            }
            used++;
        }
        if (used < MIN_EVENTS) {
            return null;
        }
        for (int j = 0; j < length; j++) {
            sum[j] /= used;
        }
        double dtMs = 1 / perMs;
        // the onset lies somewhat before the half-rise point, which sits at sample `pre`
        double onsetGuess = (pre - Math.max(1, 0.5 * t.peakTimeMs() * perMs)) * dtMs;
        return new Average(sum, dtMs, onsetGuess, used);
    }

    // ---------------------------------------------------------------- trace noise

    /** The conditioned trace's spectrum over segments free of detections (noise without events). */
    private WelchSpectrum quietSpectrum(Evaluation e, List<Chunk> windows) throws IOException {
        double rate = e.setup.rateHz();
        Template t = e.template;
        double spanS = (t.peakTimeMs() + 3 * t.decayMs()) / 1000;
        int segment = org.mepsc.filter.Fft.nextPowerOfTwo(Math.round(Math.max(0.064, 3 * spanS) * rate));
        int guard = (int) Math.round(spanS * rate) + SetupFactory.templatePre(rate);
        Map<Integer, long[]> busy = new HashMap<>();
        for (int s : sweeps) {
            busy.put(s, e.detections.stream().filter(x -> x.sweep == s).mapToLong(x -> x.position).sorted().toArray());
        }
        // windows on the run's threads (each its own transform), periodograms added in window order
        // (the windows are in sweep order, as the segments were added when this ran on one thread)
        ThreadLocal<WelchSpectrum> own = ThreadLocal.withInitial(() -> new WelchSpectrum(rate, segment));
        List<List<double[]>> parts = parallel.map(windows, e.setup, (scanner, c) -> {
            List<double[]> quiet = new ArrayList<>();
            scanner.quietSegments(c.sweep(), c.from(), c.to(), segment, guard, busy.get(c.sweep()), e.kept(c),
                    (x, offset) -> quiet.add(own.get().periodogram(x, offset)));
            return quiet;
        });
        WelchSpectrum spectrum = new WelchSpectrum(rate, segment);
        parts.forEach(quiet -> quiet.forEach(spectrum::add));
        return spectrum.segments() >= 4 ? spectrum : null;
    }

    /**
     * Starts measuring the conditioned trace's noise on the windows of {@code learned} (their kept
     * conditioned traces where there are some: the same filter's output, not computed again), away
     * from the artefacts {@code setup} finds: NaN if too few samples remain.
     */
    private ParallelChunks.Pending<Double> conditionedNoise(ScanSetup setup, Evaluation learned, Template t)
            throws IOException {
        List<Chunk> windows = learned.windows;
        long total = Chunk.total(windows);
        int stride = (int) Math.max(1, total / STATISTIC_SAMPLES);
        int half = SetupFactory.templateLength(t, setup.rateHz()) / 2;
        boolean eventsAbove = p.polarity().sign() > 0;
        return parallel.start(windows, setup, (s, c) -> {
            FloatList out = new FloatList();
            s.sampleConditioned(c.sweep(), c.from(), c.to(), stride, half, learned.kept(c), out);
            return out;
        }, parts -> {
            FloatList all = new FloatList(parts.stream().mapToInt(FloatList::size).sum());
            parts.forEach(all::addAll);
            return all.size() < 10 ? Double.NaN : GaussianNoiseFit.fit(all.array(), all.size(), eventsAbove).sd();
        });
    }
}
