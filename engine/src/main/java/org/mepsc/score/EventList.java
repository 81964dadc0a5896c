package org.mepsc.score;

import java.util.Arrays;
import java.util.List;
import java.util.OptionalDouble;
import org.mepsc.sim.GroundTruth;
import org.mepsc.sim.GroundTruthEvent;

/**
 * Events as a scorer sees them: onset and/or peak times (s) and, if known, amplitudes (pA, as
 * positive magnitudes). A column is either present for every event or absent.
 */
public final class EventList {

    private final String name;
    private final double[] onsetS;
    private final double[] peakS;
    private final double[] amplitudePa;
    private final OptionalDouble durationS;

    private EventList(String name, double[] onsetS, double[] peakS, double[] amplitudePa, OptionalDouble durationS) {
        int n = onsetS != null ? onsetS.length : peakS != null ? peakS.length : -1;
        if (n < 0) {
            throw new IllegalArgumentException("events need onset or peak times");
        }
        check("onset", onsetS, n, true);
        check("peak", peakS, n, true);
        check("amplitude", amplitudePa, n, false);
        this.name = name == null ? "" : name;
        this.onsetS = onsetS == null ? null : onsetS.clone();
        this.peakS = peakS == null ? null : peakS.clone();
        this.amplitudePa = amplitudePa == null ? null : amplitudePa.clone();
        if (this.amplitudePa != null) {
            for (int i = 0; i < n; i++) {
                this.amplitudePa[i] = Math.abs(this.amplitudePa[i]);
            }
        }
        this.durationS = durationS == null ? OptionalDouble.empty() : durationS;
    }

    private static void check(String what, double[] v, int n, boolean time) {
        if (v == null) {
            return;
        }
        if (v.length != n) {
            throw new IllegalArgumentException(what + " column has " + v.length + " values for " + n + " events");
        }
        for (double x : v) {
            if (!Double.isFinite(x) || (time && Math.abs(x) > 1e7)) {
                throw new IllegalArgumentException(what + " value " + x + " is not a usable number");
            }
        }
    }

    /**
     * Events from columns; pass null for a column that is absent.
     *
     * @param amplitudePa amplitudes in pA (the sign is dropped)
     */
    public static EventList of(double[] onsetS, double[] peakS, double[] amplitudePa) {
        return new EventList("", onsetS, peakS, amplitudePa, OptionalDouble.empty());
    }

    public static EventList ofOnsets(double... onsetS) {
        return of(onsetS, null, null);
    }

    public static EventList ofPeaks(double... peakS) {
        return of(null, peakS, null);
    }

    /** A simulation's ground truth: onsets, peaks, amplitudes and the trace's duration. */
    public static EventList fromTruth(GroundTruth truth) {
        List<GroundTruthEvent> ev = truth.events();
        double[] on = new double[ev.size()];
        double[] pk = new double[ev.size()];
        double[] amp = new double[ev.size()];
        for (int i = 0; i < on.length; i++) {
            on[i] = ev.get(i).onsetS();
            pk[i] = ev.get(i).peakS();
            amp[i] = ev.get(i).amplitudePa();
        }
        return new EventList("", on, pk, amp, truth.durationS());
    }

    public EventList withName(String n) {
        return new EventList(n, onsetS, peakS, amplitudePa, durationS);
    }

    public EventList withDurationS(double d) {
        if (!(d > 0) || Double.isInfinite(d)) {
            throw new IllegalArgumentException("duration must be positive (got " + d + ")");
        }
        return new EventList(name, onsetS, peakS, amplitudePa, OptionalDouble.of(d));
    }

    /** Where the events came from (a file name), for messages; may be "". */
    public String name() {
        return name;
    }

    public int size() {
        return onsetS != null ? onsetS.length : peakS.length;
    }

    public boolean hasOnsets() {
        return onsetS != null;
    }

    public boolean hasPeaks() {
        return peakS != null;
    }

    public boolean hasAmplitudes() {
        return amplitudePa != null;
    }

    /** The duration the events were found in, if known (for frequencies in Hz). */
    public OptionalDouble durationS() {
        return durationS;
    }

    /** @throws IllegalStateException if there are no onset times */
    public double onsetS(int i) {
        if (onsetS == null) {
            throw new IllegalStateException("no onset times");
        }
        return onsetS[i];
    }

    /** @throws IllegalStateException if there are no peak times */
    public double peakS(int i) {
        if (peakS == null) {
            throw new IllegalStateException("no peak times");
        }
        return peakS[i];
    }

    /** The amplitude magnitude in pA, or NaN if amplitudes are absent. */
    public double amplitudePa(int i) {
        return amplitudePa == null ? Double.NaN : amplitudePa[i];
    }

    /** The onset or peak times, as a copy. */
    double[] times(MatchOn on) {
        return (on == MatchOn.PEAK ? peakS : onsetS).clone();
    }

    @Override
    public String toString() {
        return "EventList[" + name + ", " + size() + " events, onsets=" + hasOnsets() + ", peaks=" + hasPeaks()
                + ", amplitudes=" + hasAmplitudes() + ", duration=" + durationS + "]";
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof EventList e && Arrays.equals(onsetS, e.onsetS) && Arrays.equals(peakS, e.peakS)
                && Arrays.equals(amplitudePa, e.amplitudePa) && durationS.equals(e.durationS);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(onsetS) * 31 + Arrays.hashCode(peakS);
    }
}
