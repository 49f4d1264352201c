package com.canon.cps.product.migration.legacy;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * RFC 4180 CSV as spreadsheet exports write it: comma-separated, fields optionally in double quotes (with {@code ""}
 * for a quote and line breaks allowed inside), LF or CRLF line ends, an optional UTF-8 byte order mark. Each record
 * carries the line it starts on, so an operator can find a rejected line in the file.
 */
final class LegacyCsv {

    static final List<String> HEADER =
            List.of("legacyEmail", "modelCode", "serialNumber", "purchaseDate", "countryOfPurchase", "dealer");

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
        List<Row> rows = read(text.startsWith("\uFEFF") ? text.substring(1) : text);
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
            throw new NotALegacyExport("The first line must be the header " + String.join(",", HEADER));
        }
        return rows.subList(1, rows.size());
    }

    private static List<Row> read(String text) {
        List<Row> rows = new ArrayList<>();
        List<String> cells = new ArrayList<>();
        StringBuilder cell = new StringBuilder();
        int line = 1;
        int recordLine = 1;
        boolean quoted = false;
        boolean quotedCell = false;
        int i = 0;
        while (i < text.length()) {
            char c = text.charAt(i);
            if (quoted) {
                if (c == '"' && i + 1 < text.length() && text.charAt(i + 1) == '"') {
                    cell.append('"');
                    i += 2;
                    continue;
                }
                if (c == '"') {
                    quoted = false;
                } else {
                    if (c == '\n') {
                        line++;
                    }
                    cell.append(c);
                }
                i++;
                continue;
            }
            switch (c) {
                case '"' -> {
                    if (cell.toString().isBlank() && !quotedCell) {
                        cell.setLength(0);
                        quoted = true;
                        quotedCell = true;
                    } else {
                        cell.append(c); // a stray quote inside an unquoted field is kept as text
                    }
                }
                case ',' -> {
                    cells.add(cell.toString());
                    cell.setLength(0);
                    quotedCell = false;
                }
                case '\r' -> {
                    // part of CRLF; a lone CR is ignored too
                }
                case '\n' -> {
                    cells.add(cell.toString());
                    add(rows, recordLine, cells);
                    cells = new ArrayList<>();
                    cell.setLength(0);
                    quotedCell = false;
                    line++;
                    recordLine = line;
                }
                default -> cell.append(c);
            }
            i++;
        }
        if (quoted) {
            rows.add(new Row(recordLine, null, "a quoted field is not closed"));
        } else if (!cells.isEmpty() || !cell.isEmpty()) {
            cells.add(cell.toString());
            add(rows, recordLine, cells);
        }
        return rows;
    }

    private static void add(List<Row> rows, int line, List<String> cells) {
        boolean blank = cells.size() == 1 && cells.get(0).isBlank();
        if (!blank) {
            rows.add(new Row(line, List.copyOf(cells), null));
        }
    }
}
