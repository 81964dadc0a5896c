package org.mepsc.io.text;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** Text inputs people make with spreadsheets and editors. */
public final class Utf8Text {

    private Utf8Text() {
    }

    /** A UTF-8 reader past any byte-order mark (spreadsheets write one when saving "CSV UTF-8"). */
    public static Reader reader(Path file) throws IOException {
        BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8);
        in.mark(1);
        if (in.read() != '\uFEFF') {
            in.reset();
        }
        return in;
    }
}
