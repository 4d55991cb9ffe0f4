package vn.danvan.bench;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import vn.danvan.bench.PetitionGenerator.Step;

/** Runs the generator's SQL on one connection and records each step's rows and seconds. */
final class SqlSteps {

    private final Connection connection;
    private final List<Step> steps = new ArrayList<>();

    SqlSteps(Connection connection) {
        this.connection = connection;
    }

    List<Step> steps() {
        return steps;
    }

    long exec(String name, String sql) throws SQLException {
        long started = System.nanoTime();
        long rows;
        try (var statement = connection.createStatement()) {
            boolean result = statement.execute(sql);
            rows = result ? 0 : Math.max(0, statement.getLargeUpdateCount());
        } catch (SQLException e) {
            throw new SQLException(name + ": " + e.getMessage() + "\n" + sql, e);
        }
        double seconds = (System.nanoTime() - started) / 1e9;
        steps.add(new Step(name, name.startsWith("insert") ? rows : 0, seconds));
        if (seconds > 5 || name.startsWith("insert")) {
            System.out.printf("    %-32s %,12d rows %8.1f s%n", name, rows, seconds);
        }
        return rows;
    }

    String query(String sql) throws SQLException {
        try (var statement = connection.createStatement(); var rows = statement.executeQuery(sql)) {
            rows.next();
            return rows.getString(1);
        }
    }

    long longQuery(String sql) throws SQLException {
        return Long.parseLong(query(sql));
    }
}
