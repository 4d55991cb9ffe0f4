package vn.danvan.bench;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Types;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * A statement written with {@code :name} parameters, as the application writes them for Spring's
 * JdbcClient, run as a JDBC PreparedStatement (each name becomes a {@code ?} where it occurs).
 * Values: null, Boolean, Integer, Long, String, LocalDate, Long[] (bound as bigint[]), String[] (bound as text[]).
 */
final class NamedSql {

    /** A parameter: not a cast ({@code ::date}) nor a POSIX class in a regular expression ({@code [:alnum:]}). */
    private static final Pattern NAME = Pattern.compile("(?<![:\\w\\[]):([a-zA-Z][a-zA-Z0-9]*)");

    final String text;
    private final String jdbc;
    private final List<String> names = new ArrayList<>();

    NamedSql(String text) {
        this.text = text.strip();
        var matcher = NAME.matcher(this.text);
        var out = new StringBuilder();
        while (matcher.find()) {
            names.add(matcher.group(1));
            matcher.appendReplacement(out, "?");
        }
        matcher.appendTail(out);
        this.jdbc = out.toString();
    }

    /** Runs it, reads every row; returns the number of rows, or the first column of the single row when {@code scalar}. */
    long run(Connection connection, Map<String, Object> params, boolean scalar) throws SQLException {
        try (var statement = connection.prepareStatement(jdbc)) {
            bind(connection, statement, params);
            try (var rows = statement.executeQuery()) {
                long count = 0;
                long first = 0;
                int columns = rows.getMetaData().getColumnCount();
                while (rows.next()) {
                    for (int c = 1; c <= columns; c++) {
                        rows.getObject(c);
                    }
                    if (count == 0 && scalar) {
                        first = rows.getLong(1);
                    }
                    count++;
                }
                return scalar ? first : count;
            }
        }
    }

    /** Runs it and returns its first column as longs. */
    List<Long> longs(Connection connection, Map<String, Object> params) throws SQLException {
        try (var statement = connection.prepareStatement(jdbc)) {
            bind(connection, statement, params);
            var out = new ArrayList<Long>();
            try (var rows = statement.executeQuery()) {
                while (rows.next()) {
                    out.add(rows.getLong(1));
                }
            }
            return out;
        }
    }

    /** Runs it and returns the columns of its first row as longs (null as 0); empty when there is no row. */
    List<Long> firstRow(Connection connection, Map<String, Object> params) throws SQLException {
        try (var statement = connection.prepareStatement(jdbc)) {
            bind(connection, statement, params);
            var out = new ArrayList<Long>();
            try (var rows = statement.executeQuery()) {
                if (rows.next()) {
                    for (int c = 1; c <= rows.getMetaData().getColumnCount(); c++) {
                        out.add(rows.getLong(c));
                    }
                }
            }
            return out;
        }
    }

    /** Runs it and returns every row, each column as its JDBC object. */
    List<Object[]> rows(Connection connection, Map<String, Object> params) throws SQLException {
        try (var statement = connection.prepareStatement(jdbc)) {
            bind(connection, statement, params);
            var out = new ArrayList<Object[]>();
            try (var rows = statement.executeQuery()) {
                int columns = rows.getMetaData().getColumnCount();
                while (rows.next()) {
                    var row = new Object[columns];
                    for (int c = 1; c <= columns; c++) {
                        row[c - 1] = rows.getObject(c);
                    }
                    out.add(row);
                }
            }
            return out;
        }
    }

    /** EXPLAIN (ANALYZE, BUFFERS) of it with these values. */
    String explain(Connection connection, Map<String, Object> params) throws SQLException {
        try (var statement = connection.prepareStatement("explain (analyze, buffers) " + jdbc)) {
            bind(connection, statement, params);
            var out = new StringBuilder();
            try (var rows = statement.executeQuery()) {
                while (rows.next()) {
                    out.append(rows.getString(1)).append('\n');
                }
            }
            return out.toString();
        }
    }

    private void bind(Connection connection, PreparedStatement statement, Map<String, Object> params) throws SQLException {
        for (int i = 0; i < names.size(); i++) {
            var name = names.get(i);
            if (!params.containsKey(name)) {
                throw new IllegalArgumentException("no value for :" + name);
            }
            var value = params.get(name);
            int at = i + 1;
            if (value == null) {
                statement.setNull(at, Types.OTHER);
            } else if (value instanceof Long[] ids) {
                statement.setArray(at, connection.createArrayOf("bigint", ids));
            } else if (value instanceof String[] texts) {
                statement.setArray(at, connection.createArrayOf("text", texts));
            } else if (value instanceof LocalDate day) {
                statement.setObject(at, day);
            } else {
                statement.setObject(at, value);
            }
        }
    }
}
