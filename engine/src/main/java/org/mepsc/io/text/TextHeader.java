package org.mepsc.io.text;

import java.util.ArrayList;
import java.util.List;

/** The header lines of text tables: choosing the delimiter and splitting into unquoted cells. */
final class TextHeader {

    private TextHeader() {
    }

    /** Tab if the line has one, else semicolon if it has one, else comma. */
    static char delimiterOf(String line) {
        if (line.indexOf('\t') >= 0) {
            return '\t';
        }
        return line.indexOf(';') >= 0 ? ';' : ',';
    }

    /** Cells split at the delimiter (not inside double quotes), stripped of spaces and quotes. */
    static List<String> cells(String line, char delimiter) {
        List<String> cells = new ArrayList<>();
        StringBuilder cell = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (c == '"') {
                quoted = !quoted;
            } else if (c == delimiter && !quoted) {
                cells.add(cell.toString().strip());
                cell.setLength(0);
            } else {
                cell.append(c);
            }
        }
        String last = cell.toString().strip();
        if (!last.isEmpty() || cells.isEmpty() || line.strip().endsWith("\"")) {
            cells.add(last);
        }
        return cells;
    }
}
