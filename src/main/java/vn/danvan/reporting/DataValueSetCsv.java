package vn.danvan.reporting;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import vn.danvan.reporting.DataValueSets.DataValue;
import vn.danvan.shared.InvalidInputException;

/**
 * dataValueSets as CSV, in DHIS2's column order: dataelement, period, orgunit, categoryoptioncombo,
 * attributeoptioncombo, value, storedby, lastupdated, comment, followup, deleted — a header line
 * first, every field quoted. Reading accepts the header or not, quoted or bare fields (RFC 4180,
 * quotes doubled inside), and at least the first six columns.
 */
final class DataValueSetCsv {

    static final String HEADER = "dataelement,period,orgunit,categoryoptioncombo,attributeoptioncombo,value,storedby,lastupdated,"
            + "comment,followup,deleted";

    private DataValueSetCsv() {
    }

    static String write(List<DataValue> values) {
        var out = new StringBuilder(HEADER).append("\r\n");
        for (var v : values) {
            var fields = new String[] {v.dataElement(), v.period(), v.orgUnit(), v.categoryOptionCombo(), v.attributeOptionCombo(),
                    v.value(), v.storedBy(), v.lastUpdated(), v.comment(), v.followup() == null ? "false" : v.followup().toString(),
                    "false"};
            for (int i = 0; i < fields.length; i++) {
                if (i > 0) {
                    out.append(',');
                }
                out.append('"').append(fields[i] == null ? "" : fields[i].replace("\"", "\"\"")).append('"');
            }
            out.append("\r\n");
        }
        return out.toString();
    }

    /**
     * Reads the rows of a CSV body.
     *
     * @throws InvalidInputException naming {@code dataValues} for a line with fewer than six columns
     *                               or an unclosed quote, with its line number
     */
    static List<DataValue> read(String body) {
        var lines = records(body == null ? "" : body.replace("\uFEFF", ""));
        var result = new ArrayList<DataValue>();
        for (int n = 0; n < lines.size(); n++) {
            var f = lines.get(n);
            if (f.size() == 1 && f.get(0).isBlank()) {
                continue;
            }
            if (n == 0 && f.get(0).strip().toLowerCase(Locale.ROOT).equals("dataelement")) {
                continue;
            }
            if (f.size() < 6) {
                throw new InvalidInputException("dataValues", "reporting.exchange.csv-columns", n + 1, f.size());
            }
            result.add(new DataValue(blank(f.get(0)), blank(f.get(1)), blank(f.get(2)), blank(f.get(3)), blank(f.get(4)),
                    f.get(5), at(f, 6), at(f, 7), at(f, 8), at(f, 9) == null ? null : Boolean.valueOf(at(f, 9).strip())));
        }
        return result;
    }

    private static List<List<String>> records(String text) {
        var records = new ArrayList<List<String>>();
        var fields = new ArrayList<String>();
        var field = new StringBuilder();
        boolean quoted = false;
        int line = 1;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (quoted) {
                if (c == '"' && i + 1 < text.length() && text.charAt(i + 1) == '"') {
                    field.append('"');
                    i++;
                } else if (c == '"') {
                    quoted = false;
                } else {
                    if (c == '\n') {
                        line++;
                    }
                    field.append(c);
                }
            } else if (c == '"' && field.isEmpty()) {
                quoted = true;
            } else if (c == ',') {
                fields.add(field.toString());
                field.setLength(0);
            } else if (c == '\n' || c == '\r') {
                if (c == '\r' && i + 1 < text.length() && text.charAt(i + 1) == '\n') {
                    i++;
                }
                fields.add(field.toString());
                field.setLength(0);
                records.add(List.copyOf(fields));
                fields.clear();
                line++;
            } else {
                field.append(c);
            }
        }
        if (quoted) {
            throw new InvalidInputException("dataValues", "reporting.exchange.csv-quote", line);
        }
        if (!field.isEmpty() || !fields.isEmpty()) {
            fields.add(field.toString());
            records.add(List.copyOf(fields));
        }
        return records;
    }

    private static String at(List<String> fields, int i) {
        return i < fields.size() ? blank(fields.get(i)) : null;
    }

    private static String blank(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
