package org.mepsc.recording;

import java.io.IOException;
import java.nio.file.Path;

/**
 * A file is not a readable recording: wrong format, truncated, corrupt, or using a feature mepsc
 * does not support. The message is one line that names the file and the problem.
 */
public class RecordingFormatException extends IOException {

    private static final long serialVersionUID = 1L;

    private final transient Path file;
    private final String problem;

    public RecordingFormatException(Path file, String problem) {
        this(file, problem, null);
    }

    public RecordingFormatException(Path file, String problem, Throwable cause) {
        super((file == null ? "" : file + ": ") + problem, cause);
        this.file = file;
        this.problem = problem;
    }

    /** The file concerned, or null if the data did not come from a file. */
    public Path file() {
        return file;
    }

    /** The problem, without the file name. */
    public String problem() {
        return problem;
    }
}
