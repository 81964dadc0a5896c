package org.mepsc.compare;

import java.io.IOException;
import java.nio.file.Path;

/** A batch output file is missing or unreadable; the message is one line naming the file. */
public class BatchFormatException extends IOException {

    private static final long serialVersionUID = 1L;

    public BatchFormatException(Path file, String problem) {
        super(file + ": " + problem);
    }
}
