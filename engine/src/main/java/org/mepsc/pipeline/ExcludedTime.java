package org.mepsc.pipeline;

import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * The stretches a detection run left out, merged where they touch, in time order. A pathological
 * recording can have very many; only the first {@link #MAX_LISTED} are listed, but the counts and
 * the total time always cover all of them.
 *
 * @param stretches the first stretches, at most {@link #MAX_LISTED}
 * @param unlisted stretches beyond those
 * @param seconds total excluded time (exact: analysed + excluded = the chosen sweeps' duration)
 * @param counts stretches by reason, all of them
 */
public record ExcludedTime(List<ExcludedStretch> stretches, long unlisted, double seconds,
        Map<ExclusionReason, Long> counts) {

    public static final int MAX_LISTED = 2000;

    public ExcludedTime {
        stretches = List.copyOf(stretches);
        counts = counts.isEmpty() ? Map.of() : Collections.unmodifiableMap(new EnumMap<>(counts));
    }

    /** All stretches, listed or not. */
    public long count() {
        return stretches.size() + unlisted;
    }

    public long count(ExclusionReason reason) {
        return counts.getOrDefault(reason, 0L);
    }
}
