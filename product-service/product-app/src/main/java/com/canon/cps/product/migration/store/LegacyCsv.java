package com.canon.cps.product.migration.store;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * A legacy export as spreadsheets write CSV, read by Apache Commons CSV (RFC 4180): fields optionally in double quotes
 * ({@code ""} for a quote, line breaks allowed inside), CR, LF or CRLF line ends, an optional UTF-8 byte order mark.
 * The delimiter is taken from the header: {@code ,} or {@code ;} (German spreadsheets write the latter, since the
 * comma is their decimal separator). Each record carries the line it starts on, so an operator can find a rejected
 * line in the file.
 *
 * <p>A malformed record ({@code "a"b}, a quote that is never closed) is reported on the line it starts on, and reading
 * goes on with the line after the one where the parser gave up: one bad line never hides the good lines after it.
 */
final class LegacyCsv {

    static final List<String> HEADER =
            List.of("legacyEmail", "modelCode", "serialNumber", "purchaseDate", "countryOfPurchase", "dealer");

    private static final char BYTE_ORDER_MARK = '\uFEFF';
    /** The line ends Commons CSV counts lines by. */
    private static final Pattern LINE_END = Pattern.compile("\r\n|\r|\n");

    private LegacyCsv() {}

    /** One record: its cells, or why it could not be read. */
    record Row(int line, List<String> cells, String error) {}

    /** The file is not a legacy export at all (no or another header): nothing of it is imported. */
    static final class NotALegacyExport extends RuntimeException {
        NotALegacyExport(String message) {
            super(message);
        }
    }

    /** The data rows after the header; blank lines are skipped. */
    static List<Row> parse(String text) {
        String csv = !text.isEmpty() && text.charAt(0) == BYTE_ORDER_MARK ? text.substring(1) : text;
        List<Row> rows = read(csv, format(delimiter(csv)));
        if (rows.isEmpty()) {
            throw new NotALegacyExport("The file is empty; expected the header " + String.join(",", HEADER));
        }
        Row header = rows.get(0);
        List<String> names = header.cells() == null
                ? List.of()
                : header.cells().stream()
                        .map(c -> c.trim().toLowerCase(Locale.ROOT))
                        .toList();
        List<String> expected =
                HEADER.stream().map(h -> h.toLowerCase(Locale.ROOT)).toList();
        if (!names.equals(expected)) {
            throw new NotALegacyExport("The first line must be the header " + String.join(",", HEADER)
                    + " (or the same separated by semicolons)");
        }
        return rows.subList(1, rows.size());
    }

    /** {@code ;} when the first line has more semicolons than commas, else {@code ,}. */
    static char delimiter(String csv) {
        Matcher end = LINE_END.matcher(csv);
        String first = end.find() ? csv.substring(0, end.start()) : csv;
        long semicolons = first.chars().filter(c -> c == ';').count();
        long commas = first.chars().filter(c -> c == ',').count();
        return semicolons > commas ? ';' : ',';
    }

    private static CSVFormat format(char delimiter) {
        // blank lines come through as records (and are dropped below), so every record's start line is known
        return CSVFormat.RFC4180
                .builder()
                .setDelimiter(delimiter)
                .setIgnoreEmptyLines(false)
                .get();
    }

    private static List<Row> read(String csv, CSVFormat format) {
        List<Integer> lineStarts = lineStarts(csv);
        List<Row> rows = new ArrayList<>();
        int firstLine = 1;
        while (firstLine <= lineStarts.size()) {
            int resumeAt = readFrom(csv.substring(lineStarts.get(firstLine - 1)), firstLine, format, rows);
            if (resumeAt < 0) {
                break;
            }
            firstLine = resumeAt;
        }
        return rows;
    }

    /**
     * Reads records from {@code csv}, whose first line is line {@code firstLine} of the file, until the end (then -1)
     * or until a record is malformed (then it is reported, and the line to go on with is returned).
     */
    private static int readFrom(String csv, int firstLine, CSVFormat format, List<Row> rows) {
        try (CSVParser parser = CSVParser.parse(new StringReader(csv), format)) {
            Iterator<CSVRecord> records = parser.iterator();
            while (true) {
                int line = firstLine + (int) parser.getCurrentLineNumber();
                try {
                    if (!records.hasNext()) {
                        return -1;
                    }
                    add(rows, line, records.next());
                } catch (UncheckedIOException | IllegalStateException e) {
                    rows.add(new Row(line, null, reason(e)));
                    // the parser stopped inside a line; mid-line it counts that line, so this is the next one
                    return firstLine + (int) parser.getCurrentLineNumber();
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e); // a StringReader does not fail
        }
    }

    private static void add(List<Row> rows, int line, CSVRecord record) {
        List<String> cells = record.toList();
        boolean blank = cells.size() == 1 && cells.get(0).isBlank();
        if (!blank) {
            rows.add(new Row(line, List.copyOf(cells), null));
        }
    }

    /** The parser's complaint without its own line and position (the row carries the line). */
    private static String reason(RuntimeException e) {
        String message = String.valueOf(e.getCause() != null ? e.getCause().getMessage() : e.getMessage());
        String lower = message.toLowerCase(Locale.ROOT);
        if (lower.contains("eof reached before encapsulated token finished")) {
            return "a quoted field is not closed";
        }
        if (lower.contains("between encapsulated token and delimiter")) {
            return "text after the closing quote of a field (a quote inside a field is written as two quotes)";
        }
        return "not readable as CSV: " + message.replaceAll("\\s*\\(?(at )?line:? ?\\d+.*$", "");
    }

    /** The offset at which each line starts, line 1 at index 0. */
    private static List<Integer> lineStarts(String csv) {
        List<Integer> starts = new ArrayList<>();
        starts.add(0);
        Matcher end = LINE_END.matcher(csv);
        while (end.find()) {
            if (end.end() < csv.length()) {
                starts.add(end.end());
            }
        }
        return starts;
    }
}
