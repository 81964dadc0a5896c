package org.mepsc.sim;

/**
 * A fixed sum of sinusoids (mains hum and its harmonics, slow drift), evaluated for any stretch
 * of samples. Within a stretch the phase is advanced by complex rotation, cheaper than a sine per
 * sample; the start phase of each stretch is computed afresh, so errors cannot accumulate.
 */
final class Sinusoids {

    private final double[] frequencyHz;
    private final double[] amplitude;
    private final double[] phase;

    Sinusoids(double[] frequencyHz, double[] amplitude, double[] phase) {
        this.frequencyHz = frequencyHz.clone();
        this.amplitude = amplitude.clone();
        this.phase = phase.clone();
    }

    static Sinusoids none() {
        return new Sinusoids(new double[0], new double[0], new double[0]);
    }

    /** Relative sizes of the fundamental and harmonics 2–5 of mains hum (odd harmonics dominate). */
    private static final double[] HUM_HARMONICS = {1, 0.1, 0.3, 0.05, 0.15};

    /** Mains hum: the fundamental with peak amplitude {@code pa}, harmonics below Nyquist, random phases. */
    static Sinusoids hum(double hz, double pa, double sampleRateHz, long seed) {
        if (hz == 0 || pa == 0) {
            return none();
        }
        int n = 0;
        while (n < HUM_HARMONICS.length && (n + 1) * hz < sampleRateHz / 2) {
            n++;
        }
        double[] f = new double[n];
        double[] a = new double[n];
        double[] p = new double[n];
        for (int h = 0; h < n; h++) {
            f[h] = (h + 1) * hz;
            a[h] = pa * HUM_HARMONICS[h];
            p[h] = 2 * Math.PI * CounterRandom.uniform(CounterRandom.key(seed, CounterRandom.HUM, h));
        }
        return new Sinusoids(f, a, p);
    }

    /** Drift components: frequencies spread log-uniformly over 0.002–0.05 Hz. */
    private static final int DRIFT_COMPONENTS = 6;

    /**
     * Slow drift with RMS {@code rmsPa}: a few sinusoids of random slow frequency and phase, each
     * with amplitude rms·√(2/n), so their sum has the requested RMS on average.
     */
    static Sinusoids drift(double rmsPa, long seed) {
        if (rmsPa == 0) {
            return none();
        }
        int n = DRIFT_COMPONENTS;
        double[] f = new double[n];
        double[] a = new double[n];
        double[] p = new double[n];
        for (int i = 0; i < n; i++) {
            double u = CounterRandom.uniform(CounterRandom.key(seed, CounterRandom.DRIFT, 2 * i));
            f[i] = 0.002 * Math.pow(0.05 / 0.002, u);
            a[i] = rmsPa * Math.sqrt(2.0 / n);
            p[i] = 2 * Math.PI * CounterRandom.uniform(CounterRandom.key(seed, CounterRandom.DRIFT, 2 * i + 1));
        }
        return new Sinusoids(f, a, p);
    }

    boolean isEmpty() {
        return frequencyHz.length == 0;
    }

    /** Adds the sum at samples {@code first, first + 1, …} to {@code x[offset, offset + count)}. */
    void addTo(double[] x, int offset, int count, long first, double sampleRateHz) {
        for (int k = 0; k < frequencyHz.length; k++) {
            double cycles = frequencyHz[k] * first / sampleRateHz;
            double start = 2 * Math.PI * (cycles - Math.floor(cycles)) + phase[k];
            double step = 2 * Math.PI * frequencyHz[k] / sampleRateHz;
            double c = Math.cos(start);
            double s = Math.sin(start);
            double dc = Math.cos(step);
            double ds = Math.sin(step);
            double a = amplitude[k];
            for (int i = 0; i < count; i++) {
                x[offset + i] += a * s;
                double nc = c * dc - s * ds;
                s = s * dc + c * ds;
                c = nc;
            }
        }
    }
}
