package org.mepsc.output;

import java.io.IOException;
import java.nio.file.Path;

/** mepsc will not write this output (it would destroy an input, or the path cannot be a file). */
public class OutputRefusedException extends IOException {

    private static final long serialVersionUID = 1L;

    public OutputRefusedException(Path target, String why) {
        super(target + ": " + why);
    }
}
