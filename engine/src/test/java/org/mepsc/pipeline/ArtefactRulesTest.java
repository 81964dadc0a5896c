package org.mepsc.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.mepsc.filter.Fir;
import org.mepsc.trace.ArrayTrace;

/** The artefact rules against their definitions, checked sample by sample the slow way. */
class ArtefactRulesTest {

    /** Whether sample i is flagged, from the definitions in ArtefactRules' documentation. */
    private static boolean flagged(ArtefactRules rules, float[] x, int i) {
        float v = x[i];
        if (!Float.isFinite(v)) {
            return true;
        }
        if (!rules.finding().enabled()) {
            return false;
        }
        if (i > 0 && Float.isFinite(x[i - 1]) && Math.abs(v - x[i - 1]) > rules.finding().stepThreshold()) {
            return true;
        }
        int a = i;
        while (a > 0 && x[a - 1] == v) {
            a--;
        }
        int b = i;
        while (b + 1 < x.length && x[b + 1] == v) {
            b++;
        }
        if (b - a + 1 < rules.finding().flatRun()) {
            return false;
        }
        boolean max = true;
        boolean min = true;
        for (int k = Math.max(0, i - rules.finding().extremeReach()); k <= Math.min(x.length - 1, i + rules.finding().extremeReach()); k++) {
            max &= !(x[k] > v);
            min &= !(x[k] < v);
        }
        if (!max && !min) {
            return false;
        }
        double sum = 0; // saturation stands far from the differing samples near it
        int n = 0;
        for (int k = Math.max(0, i - rules.finding().extremeReach()); k <= Math.min(x.length - 1, i + rules.finding().extremeReach()); k++) {
            if (x[k] != v && Float.isFinite(x[k])) {
                sum += x[k];
                n++;
            }
        }
        return n == 0 || Math.abs(v - sum / n) >= rules.finding().flatDeviation();
    }

    /** Noise with flat runs at and away from the extremes, a non-finite sample and a jump. */
    private static float[] trace(long seed, int n) {
        SplittableRandom r = new SplittableRandom(seed);
        float[] x = new float[n];
        for (int i = 0; i < n; i++) {
            // coarse, int16-like (equal neighbours are common), or fine (seeds 7-9: values nearly
            // always change, the stretches the scan walks through quickly)
            x[i] = seed >= 7 ? (float) r.nextGaussian() : Math.round(r.nextGaussian() * 4) / 2f;
        }
        for (int k = 0; k < 12 * n / 4000; k++) {
            int at = r.nextInt(n - 40);
            int len = 1 + r.nextInt(12);
            float level = r.nextBoolean() ? 20 : (r.nextBoolean() ? -20 : x[at]);
            for (int j = 0; j < len; j++) {
                x[at + j] = level;
            }
        }
        x[r.nextInt(n)] = Float.NaN;
        x[r.nextInt(n)] += 50;
        return x;
    }

    private static final Ringing RINGING = Ringing.of(List.of(new Fir(new double[] {0.25, 0.5, 0.25}, -1)), 0.5);

    private static ArtefactRules rules(long seed) {
        return new ArtefactRules(new ArtefactRules.Finding(seed != 6, 8, 3 + new SplittableRandom(seed).nextInt(4), 5, 4), 2, 3, RINGING);
    }

    @ParameterizedTest
    @ValueSource(longs = {1, 2, 3, 4, 5, 6, 7, 8, 9})
    void zonesSurroundExactlyTheFlaggedSamples(long seed) {
        int n = 4000;
        float[] x = trace(seed, n);
        Ringing ringing = RINGING;
        ArtefactRules rules = rules(seed);
        Zones found = new Zones();
        rules.finding().scan(x, 0, n, 0, n, rules.zonesInto(found));
        found.merge();
        Intervals zones = found.all();
        Intervals expected = new Intervals();
        for (int i = 0; i < n; i++) {
            if (flagged(rules, x, i)) {
                double size = Float.isFinite(x[i]) && i > 0 && Float.isFinite(x[i - 1])
                        && Math.abs(x[i] - x[i - 1]) > rules.finding().stepThreshold() ? Math.abs(x[i] - x[i - 1]) : Double.POSITIVE_INFINITY;
                expected.add(i - rules.before() - ringing.before(size), i + rules.after() + ringing.after(size) + 1);
            }
        }
        expected.merge();
        assertThat(zones.size()).isEqualTo(expected.size()).isGreaterThan(seed == 6 ? 0 : 5);
        for (int i = -20; i < n + 20; i++) {
            assertThat(zones.contains(i)).as("sample %d", i).isEqualTo(expected.contains(i));
        }
    }

    /** Read and scanned in pieces of any size, a stretch gives the zones of one scan of all of it. */
    @ParameterizedTest
    @ValueSource(longs = {1, 2, 3, 7, 8})
    void scanningPieceByPieceFindsWhatOneScanFinds(long seed) throws IOException {
        int n = 20_000;
        float[] x = trace(seed, n);
        ArtefactRules rules = rules(seed);
        long origin = 1000;
        // x is the trace from sample origin on (what lies before is never read)
        float[] padded = new float[(int) origin + n];
        System.arraycopy(x, 0, padded, (int) origin, n);
        ArrayTrace source = new ArrayTrace(padded, 20_000);
        Zones whole = new Zones();
        rules.finding().scan(x, origin, n, origin + 50, origin + n - 50, rules.zonesInto(whole));
        whole.merge();
        for (int piece : new int[] {1, 3, 17, 100, 999, n}) {
            float[] raw = new float[n];
            Zones pieces = new Zones();
            rules.finding().readAndScan(source, raw, origin, n, origin + 50, origin + n - 50, piece, rules.zonesInto(pieces));
            pieces.merge();
            assertThat(raw).isEqualTo(x);
            assertThat(pieces.all().size()).as("piece %d", piece).isEqualTo(whole.all().size()).isPositive();
            for (long i = origin - 20; i < origin + n + 20; i++) {
                assertThat(pieces.all().contains(i)).as("piece %d, sample %d", piece, i).isEqualTo(whole.all().contains(i));
            }
        }
    }

    /**
     * The artefacts a scan of a wide stretch finds inside a range are exactly those a scan of that
     * range finds (with the samples a chunk reads for it): what lets calibration keep one window's
     * artefacts for every setup ({@link ArtefactLog}).
     */
    @ParameterizedTest
    @ValueSource(longs = {1, 2, 3, 7, 8})
    void aWideScansArtefactsInARangeAreTheRangesOwn(long seed) {
        int n = 20_000;
        float[] x = trace(seed, n);
        ArtefactRules rules = rules(seed);
        List<ArtefactLog.Artefact> wide = new ArrayList<>();
        rules.finding().scan(x, 0, n, 0, n, (at, size, reason) -> wide.add(new ArtefactLog.Artefact(at, size, reason)));
        assertThat(wide).hasSizeGreaterThan(seed == 6 ? 0 : 5);
        SplittableRandom r = new SplittableRandom(seed);
        for (int trial = 0; trial < 200; trial++) {
            long from = r.nextInt(n) - 100;
            long to = from + r.nextInt(3000);
            long rLo = Math.max(0, from - rules.reach());
            long rHi = Math.min(n, to + rules.reach());
            if (rHi <= rLo) {
                continue;
            }
            float[] raw = java.util.Arrays.copyOfRange(x, (int) rLo, (int) rHi);
            List<ArtefactLog.Artefact> own = new ArrayList<>();
            rules.finding().scan(raw, rLo, raw.length, from, to, (at, size, reason) -> own.add(new ArtefactLog.Artefact(at, size, reason)));
            List<ArtefactLog.Artefact> kept = new ArrayList<>();
            new ArtefactLog.Stretch(0, 0, n, rules.finding(), wide).replay(from, to,
                    (at, size, reason) -> kept.add(new ArtefactLog.Artefact(at, size, reason)));
            assertThat(kept).as("trial %d [%d, %d)", trial, from, to).containsExactlyInAnyOrderElementsOf(own);
        }
    }
}
