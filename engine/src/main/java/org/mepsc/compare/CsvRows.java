package org.mepsc.compare;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/** Streams the rows of a CSV file with a header, with one-line errors naming file and line. */
final class CsvRows {

    private static final CSVFormat FORMAT = CSVFormat.DEFAULT.builder()
            .setHeader().setSkipHeaderRecord(true).setTrim(true).setIgnoreEmptyLines(true).get();

    @FunctionalInterface
    interface RowHandler {
        void accept(Row row) throws IOException;
    }

    private CsvRows() {
    }

    /** Calls {@code handler} for every row; the file must have every {@code required} column. */
    static void read(Path file, List<String> required, RowHandler handler) throws IOException {
        try (Reader in = open(file);
                CSVParser parser = CSVParser.builder().setReader(in).setFormat(FORMAT).get()) {
            List<String> header = parser.getHeaderNames();
            for (String column : required) {
                if (!header.contains(column)) {
                    throw new BatchFormatException(file, "no column '" + column + "' (the header is: "
                            + String.join(",", header) + ")");
                }
            }
            for (CSVRecord record : parser) {
                handler.accept(new Row(file, record));
            }
        } catch (NoSuchFileException e) {
            throw new BatchFormatException(file, "no such file");
        } catch (UncheckedIOException | IllegalStateException | IllegalArgumentException e) {
            // commons-csv reports malformed quoting and inconsistent headers this way
            throw new BatchFormatException(file, "not readable CSV: " + oneLine(e));
        } catch (java.nio.charset.MalformedInputException e) {
            throw new BatchFormatException(file, "not UTF-8 text");
        }
    }

    /** The header of a CSV file. */
    static List<String> header(Path file) throws IOException {
        try (Reader in = open(file);
                CSVParser parser = CSVParser.builder().setReader(in).setFormat(FORMAT).get()) {
            return parser.getHeaderNames();
        } catch (NoSuchFileException e) {
            throw new BatchFormatException(file, "no such file");
        } catch (UncheckedIOException | IllegalStateException | IllegalArgumentException e) {
            throw new BatchFormatException(file, "not readable CSV: " + oneLine(e));
        }
    }

    /** A UTF-8 reader past any byte-order mark (spreadsheets write one when saving "CSV UTF-8"). */
    private static Reader open(Path file) throws IOException {
        BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8);
        in.mark(1);
        if (in.read() != '\uFEFF') {
            in.reset();
        }
        return in;
    }

    private static String oneLine(Exception e) {
        String m = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        return m.replace('\n', ' ');
    }

    /** One row; values by column name. */
    static final class Row {
        private final Path file;
        private final CSVRecord record;

        Row(Path file, CSVRecord record) {
            this.file = file;
            this.record = record;
        }

        /** The line of the file the row starts on (the header is line 1). */
        long line() {
            return record.getParser().getCurrentLineNumber();
        }

        boolean has(String column) {
            return record.isMapped(column) && record.isSet(column);
        }

        String text(String column) throws BatchFormatException {
            if (!record.isMapped(column)) {
                throw new BatchFormatException(file, "no column '" + column + "'");
            }
            if (!record.isSet(column)) {
                throw new BatchFormatException(file, "line " + line() + " has " + record.size()
                        + " fields, fewer than the header");
            }
            return record.get(column);
        }

        /** A number; empty, "NaN" or "nan" is a missing value (NaN). */
        double number(String column) throws BatchFormatException {
            String s = text(column);
            if (s.isEmpty() || s.equalsIgnoreCase("nan")) {
                return Double.NaN;
            }
            try {
                return Double.parseDouble(s);
            } catch (NumberFormatException e) {
                throw new BatchFormatException(file, "line " + line() + ", column " + column + ": '"
                        + abbreviate(s) + "' is not a number");
            }
        }

        private static String abbreviate(String s) {
            return s.length() > 40 ? s.substring(0, 40) + "…" : s;
        }
    }
}
