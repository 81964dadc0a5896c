package org.mepsc.pipeline;

import java.util.ArrayList;
import java.util.List;

/**
 * The artefacts found in stretches of the raw trace, kept while calibrating: calibration scans the
 * same windows for every template it tries, and each window is read and scanned for artefacts
 * once. Which samples are artefacts depends only on the trace and the {@link ArtefactRules.Finding}
 * (how far their zones reach depends on the filters, so each setup makes its own zones from the
 * list). A stretch is scanned with a margin of a second on either side, so that the windows' other
 * setups, whose margins differ, find theirs inside it. The log holds a bounded number of artefacts
 * (a saturated stretch is an artefact a sample): a stretch that would pass the bound is not kept,
 * and is scanned again when asked for. Thread-safe.
 */
final class ArtefactLog {

    /** Artefacts a run's log holds at most (about 40 bytes each). */
    static final int DEFAULT_CAPACITY = 1 << 16;

    /** One artefact, as {@link ArtefactRules.Found} receives it. */
    record Artefact(long at, double size, ExclusionReason reason) {
    }

    /** The artefacts at full-rate indices {@code [from, to)} of a sweep, found with {@code finding}. */
    record Stretch(int sweep, long from, long to, ArtefactRules.Finding finding, List<Artefact> artefacts) {

        boolean covers(int sweep, long from, long to, ArtefactRules.Finding finding) {
            return this.sweep == sweep && this.from <= from && to <= this.to && this.finding.equals(finding);
        }

        /** Hands the artefacts in {@code [from, to)} to {@code found}: what a scan of that range finds. */
        void replay(long from, long to, ArtefactRules.Found found) {
            for (Artefact a : artefacts) {
                if (a.at >= from && a.at < to) {
                    found.artefact(a.at, a.size, a.reason);
                }
            }
        }
    }

    /**
     * Collects a wide scan's artefacts for the log, up to its capacity, while passing those in
     * {@code [from, to)} on to {@code here} (the scan's own range).
     */
    final class Collector implements ArtefactRules.Found {

        private final long from;
        private final long to;
        private final ArtefactRules.Found here;
        private final List<Artefact> found = new ArrayList<>();
        private boolean overflowed;

        Collector(long from, long to, ArtefactRules.Found here) {
            this.from = from;
            this.to = to;
            this.here = here;
        }

        @Override
        public void artefact(long at, double size, ExclusionReason reason) {
            if (at >= from && at < to) {
                here.artefact(at, size, reason);
            }
            if (found.size() < capacity) {
                found.add(new Artefact(at, size, reason));
            } else {
                overflowed = true;
            }
        }

        /** Keeps what was found as the artefacts of {@code [scanFrom, scanTo)} of a sweep, if they fit. */
        void keep(int sweep, long scanFrom, long scanTo, ArtefactRules.Finding finding) {
            if (!overflowed) {
                add(new Stretch(sweep, scanFrom, scanTo, finding, List.copyOf(found)));
            }
        }
    }

    private final List<Stretch> stretches = new ArrayList<>();
    private final int capacity;
    private int held;

    ArtefactLog() {
        this(DEFAULT_CAPACITY);
    }

    ArtefactLog(int capacity) {
        this.capacity = capacity;
    }

    /**
     * A collector for a wide scan of a stretch, passing the artefacts in {@code [from, to)} on to
     * {@code here} as they come.
     */
    Collector collector(long from, long to, ArtefactRules.Found here) {
        return new Collector(from, to, here);
    }

    /** A stretch holding the artefacts of {@code [from, to)} of a sweep found with {@code finding}, or null. */
    synchronized Stretch covering(int sweep, long from, long to, ArtefactRules.Finding finding) {
        for (Stretch s : stretches) {
            if (s.covers(sweep, from, to, finding)) {
                return s;
            }
        }
        return null;
    }

    /** Keeps {@code s} unless the log would then hold more than its capacity of artefacts. */
    synchronized void add(Stretch s) {
        if (held + s.artefacts().size() <= capacity) {
            stretches.add(s);
            held += s.artefacts().size();
        }
    }

    /** Stretches kept. */
    synchronized int size() {
        return stretches.size();
    }

    /** Artefacts kept. */
    synchronized int held() {
        return held;
    }
}
