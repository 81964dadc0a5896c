package org.mepsc.sim;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Artefacts at Poisson times, half spikes and half steps, with sizes spread log-uniformly and a
 * random sign: spikes of 100–1000 pA decaying with τ = 0.1 ms, steps of 20–200 pA lasting 5–50 ms.
 */
final class ArtefactTrain {

    static final double SPIKE_TAU_S = 1e-4;
    private static final double SPIKE_TAUS_SHOWN = 10;
    private static final double SPIKE_TAUS_KEPT = 40;

    private final double sampleRateHz;
    private final List<Artefact> artefacts;
    private final long[] firstSample;
    private final long[] endSample;
    private final long longestSpan;

    private ArtefactTrain(double sampleRateHz, List<Artefact> artefacts) {
        this.sampleRateHz = sampleRateHz;
        this.artefacts = List.copyOf(artefacts);
        int n = artefacts.size();
        firstSample = new long[n];
        endSample = new long[n];
        long span = 0;
        for (int i = 0; i < n; i++) {
            Artefact a = artefacts.get(i);
            double lastS = a.kind() == Artefact.Kind.SPIKE ? a.startS() + SPIKE_TAUS_KEPT * SPIKE_TAU_S
                    : a.startS() + a.durationS();
            firstSample[i] = (long) Math.ceil(a.startS() * sampleRateHz);
            endSample[i] = Math.max(firstSample[i], (long) Math.ceil(lastS * sampleRateHz));
            span = Math.max(span, endSample[i] - firstSample[i]);
        }
        longestSpan = span;
    }

    static ArtefactTrain generate(SimulationParameters p, long samples) {
        double fs = p.sampleRateHz();
        double duration = samples / fs;
        List<Artefact> list = new ArrayList<>();
        SplittableRandom rng = CounterRandom.sequence(p.seed(), CounterRandom.ARTEFACTS, 0);
        double t = 0;
        while (p.artefactRateHz() > 0) {
            t += -Math.log(1 - rng.nextDouble()) / p.artefactRateHz();
            if (t >= duration) {
                break;
            }
            boolean spike = rng.nextBoolean();
            double sign = rng.nextBoolean() ? 1 : -1;
            double size = rng.nextDouble();
            double length = rng.nextDouble();
            if (spike) {
                list.add(new Artefact(Artefact.Kind.SPIKE, t, SPIKE_TAUS_SHOWN * SPIKE_TAU_S,
                        sign * 100 * Math.pow(10, size)));
            } else {
                list.add(new Artefact(Artefact.Kind.STEP, t, 0.005 * Math.pow(10, length),
                        sign * 20 * Math.pow(10, size)));
            }
        }
        return new ArtefactTrain(fs, list);
    }

    List<Artefact> artefacts() {
        return artefacts;
    }

    /** Adds the artefacts over samples {@code first … first + x.length − 1} to {@code x}. */
    void addTo(double[] x, long first) {
        long end = first + x.length;
        int i = EventTrain.lowerBound(firstSample, first - longestSpan);
        for (; i < firstSample.length && firstSample[i] < end; i++) {
            if (endSample[i] <= first) {
                continue;
            }
            Artefact a = artefacts.get(i);
            long s = Math.max(first, firstSample[i]);
            long e = Math.min(end, endSample[i]);
            for (long n = s; n < e; n++) {
                double v = a.kind() == Artefact.Kind.SPIKE
                        ? a.amplitudePa() * Math.exp(-(n / sampleRateHz - a.startS()) / SPIKE_TAU_S)
                        : a.amplitudePa();
                x[(int) (n - first)] += v;
            }
        }
    }
}
