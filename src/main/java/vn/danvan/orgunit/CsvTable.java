package vn.danvan.orgunit;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import vn.danvan.shared.VietnameseText;

/**
 * A CSV file read into rows of named fields, with its problems collected rather than thrown:
 * a missing column, a row with the wrong number of fields, a date that is not a date. Fields are
 * trimmed and NFC-normalised; quoted fields ("a, b") and a UTF-8 byte-order mark are accepted.
 */
final class CsvTable {

    private static final DateTimeFormatter VIETNAMESE_DATE = DateTimeFormatter.ofPattern("dd/MM/uuuu")
            .withResolverStyle(java.time.format.ResolverStyle.STRICT);

    record Row(int number, Map<String, String> fields) {
        String get(String column) {
            return fields.getOrDefault(column, "");
        }
    }

    final List<Row> rows = new ArrayList<>();
    final List<UnitFileProblem> problems = new ArrayList<>();

    static CsvTable read(InputStream in, List<String> requiredColumns) {
        var table = new CsvTable();
        try (var reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            var headerLine = reader.readLine();
            if (headerLine == null) {
                table.problems.add(new UnitFileProblem(1, "", "empty"));
                return table;
            }
            if (headerLine.startsWith("\uFEFF")) {
                headerLine = headerLine.substring(1);
            }
            var header = split(headerLine).stream().map(h -> h.trim().toLowerCase()).toList();
            for (var column : requiredColumns) {
                if (!header.contains(column)) {
                    table.problems.add(new UnitFileProblem(1, column, "missing-column", column));
                }
            }
            if (!table.problems.isEmpty()) {
                return table;
            }
            String line;
            int number = 1;
            while ((line = reader.readLine()) != null) {
                number++;
                if (line.isBlank()) {
                    continue;
                }
                var values = split(line);
                if (values.size() != header.size()) {
                    table.problems.add(new UnitFileProblem(number, "", "field-count", header.size(), values.size()));
                    continue;
                }
                var fields = new HashMap<String, String>();
                for (int i = 0; i < header.size(); i++) {
                    fields.put(header.get(i), VietnameseText.nfc(values.get(i).trim()));
                }
                table.rows.add(new Row(number, fields));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return table;
    }

    /** Reads an optional date (ISO 2025-07-01 or Vietnamese 01/07/2025); a bad one is a problem. */
    LocalDate date(Row row, String column) {
        var text = row.get(column);
        if (text.isEmpty()) {
            return null;
        }
        try {
            return text.contains("/") ? LocalDate.parse(text, VIETNAMESE_DATE) : LocalDate.parse(text);
        } catch (DateTimeParseException e) {
            problems.add(new UnitFileProblem(row.number(), column, "bad-date", text));
            return null;
        }
    }

    static List<String> split(String line) {
        var values = new ArrayList<String>();
        var current = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (quoted) {
                if (c == '"' && i + 1 < line.length() && line.charAt(i + 1) == '"') {
                    current.append('"');
                    i++;
                } else if (c == '"') {
                    quoted = false;
                } else {
                    current.append(c);
                }
            } else if (c == '"') {
                quoted = true;
            } else if (c == ',') {
                values.add(current.toString());
                current.setLength(0);
            } else if (c != '\r') {
                current.append(c);
            }
        }
        values.add(current.toString());
        return values;
    }
}
