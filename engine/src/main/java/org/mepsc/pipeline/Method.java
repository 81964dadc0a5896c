package org.mepsc.pipeline;

import java.util.Locale;

/** The detection methods, as {@code --method} names them. */
public enum Method {
    /** Clements & Bekkers optimally scaled template. */
    TEMPLATE,
    /** Pernía-Andrade deconvolution. */
    DECONVOLUTION,
    /** Jonas et al. Pearson correlation with the template. */
    CORRELATION;

    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }
}
