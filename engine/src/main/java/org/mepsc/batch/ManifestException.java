package org.mepsc.batch;

import java.nio.file.Path;

/** A manifest or input folder that cannot be used as given: a usage error, in one line naming the file. */
public final class ManifestException extends IllegalArgumentException {

    private static final long serialVersionUID = 1L;

    public ManifestException(Path file, String problem) {
        super(file + ": " + problem);
    }
}
