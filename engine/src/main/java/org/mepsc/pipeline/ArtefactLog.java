package org.mepsc.pipeline;

import java.util.ArrayList;
import java.util.List;

/**
 * The artefacts found in stretches of the raw trace, kept while calibrating: calibration scans the
 * same windows for every template it tries, and each window is read and scanned for artefacts
 * once. Which samples are artefacts depends only on the trace and the {@link ArtefactRules.Finding}
 * (how far their zones reach depends on the filters, so each setup makes its own zones from the
 * list). A stretch is scanned with a margin of a second on either side, so that the windows' other
 * setups, whose margins differ, find theirs inside it. Thread-safe.
 */
final class ArtefactLog {

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

    private final List<Stretch> stretches = new ArrayList<>();

    /** A stretch holding the artefacts of {@code [from, to)} of a sweep found with {@code finding}, or null. */
    synchronized Stretch covering(int sweep, long from, long to, ArtefactRules.Finding finding) {
        for (Stretch s : stretches) {
            if (s.covers(sweep, from, to, finding)) {
                return s;
            }
        }
        return null;
    }

    synchronized void add(Stretch s) {
        stretches.add(s);
    }

    /** Stretches kept. */
    synchronized int size() {
        return stretches.size();
    }
}
