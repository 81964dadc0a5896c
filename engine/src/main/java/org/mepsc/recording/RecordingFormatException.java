package org.mepsc.recording;

import java.io.IOException;
import java.nio.file.Path;

/**
 * A file is not a readable recording: wrong format, truncated, corrupt, or using a feature mepsc
 * does not support. The message is one line that names the file and the problem: control
 * characters that a problem quotes from a corrupt file (a cell holding a carriage return, a
 * label holding a NUL) are shown as escapes such as {@code \r} and {@code \u0000}.
 */
public class RecordingFormatException extends IOException {

    private static final long serialVersionUID = 1L;

    private final transient Path file;
    private final String problem;

    public RecordingFormatException(Path file, String problem) {
        this(file, problem, null);
    }

    public RecordingFormatException(Path file, String problem, Throwable cause) {
        super((file == null ? "" : oneLine(file.toString()) + ": ") + oneLine(problem), cause);
        this.file = file;
        this.problem = oneLine(problem);
    }

    /** {@code text} with every control character written as a Java escape, so it stays one line. */
    static String oneLine(String text) {
        if (text == null || text.chars().noneMatch(Character::isISOControl)) {
            return text;
        }
        StringBuilder sb = new StringBuilder(text.length() + 8);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '\n': sb.append("\\n"); break;
                case '\r': sb.append("\\r"); break;
                case '\t': sb.append("\\t"); break;
                default:
                    if (Character.isISOControl(c)) {
                        sb.append(String.format("\\u%04x", (int) c));
                    } else {
                        sb.append(c);
                    }
            }
        }
        return sb.toString();
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
