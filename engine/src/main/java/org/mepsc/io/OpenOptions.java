package org.mepsc.io;

import java.util.Optional;

/**
 * Choices a user can make when opening a file, for formats that need them.
 *
 * @param raw the layout of a headerless raw file, when no JSON sidecar describes it
 * @param series which group/series of a multi-series file (HEKA) to open, e.g. "1" or "1.2";
 *     empty for the reader's default
 */
public record OpenOptions(Optional<RawLayout> raw, Optional<String> series) {

    public static final OpenOptions DEFAULT = new OpenOptions(Optional.empty(), Optional.empty());

    public OpenOptions {
        raw = raw == null ? Optional.empty() : raw;
        series = series == null ? Optional.empty() : series;
    }

    public OpenOptions withRaw(RawLayout layout) {
        return new OpenOptions(Optional.of(layout), series);
    }

    public OpenOptions withSeries(String s) {
        return new OpenOptions(raw, Optional.ofNullable(s));
    }
}
