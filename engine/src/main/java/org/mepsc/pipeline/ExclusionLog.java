package org.mepsc.pipeline;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.mepsc.recording.Sweep;

/**
 * Collects the excluded pieces of the chunks, in chunk order, into {@link ExcludedTime}: pieces
 * that touch (the two sides of a chunk boundary) become one stretch, whose reason is the first of
 * its pieces' reasons, so the result does not depend on how the run was split.
 */
final class ExclusionLog {

    private final List<ExcludedStretch> listed = new ArrayList<>();
    private final Map<ExclusionReason, Long> counts = new EnumMap<>(ExclusionReason.class);
    private long unlisted;
    private long samples;
    private double sampleRateHz = Double.NaN;

    private Sweep openSweep;
    private long openStart;
    private long openEnd;
    private ExclusionReason openReason;

    /** Adds the piece {@code [start, end)} (full-rate samples of {@code sweep}); pieces come in order. */
    void add(Sweep sweep, long start, long end, ExclusionReason reason) {
        if (end <= start) {
            return;
        }
        samples += end - start;
        sampleRateHz = sweep.sampleRateHz();
        if (openSweep != null && openSweep.index() == sweep.index() && start <= openEnd) {
            openEnd = Math.max(openEnd, end);
            openReason = reason.compareTo(openReason) < 0 ? reason : openReason;
            return;
        }
        close();
        openSweep = sweep;
        openStart = start;
        openEnd = end;
        openReason = reason;
    }

    private void close() {
        if (openSweep == null) {
            return;
        }
        counts.merge(openReason, 1L, Long::sum);
        if (listed.size() < ExcludedTime.MAX_LISTED) {
            double t0 = openSweep.startTimeS();
            double fs = openSweep.sampleRateHz();
            listed.add(new ExcludedStretch(openSweep.index(), t0 + openStart / fs, t0 + openEnd / fs, openReason));
        } else {
            unlisted++;
        }
        openSweep = null;
    }

    ExcludedTime finish() {
        close();
        return new ExcludedTime(listed, unlisted, samples == 0 ? 0 : samples / sampleRateHz, counts);
    }
}
