package vn.danvan.bench;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * Generates petitions, matters, steps, outcomes, reception sessions and visits with set-based SQL
 * (generate_series, INSERT … SELECT) straight into the running application's PostgreSQL.
 */
final class PetitionGenerator {

    record Step(String name, long rows, double seconds) {
    }

    record Table(String name, long rows, String size) {
    }

    record Load(String how, List<Step> steps, List<Table> tables, long totalRows, double totalSeconds) {
    }

    private final Connection connection;
    private final PetitionSettings settings;
    private final List<Step> steps = new ArrayList<>();

    PetitionGenerator(Connection connection, PetitionSettings settings) {
        this.connection = connection;
        this.settings = settings;
    }

    Load generate() throws SQLException {
        long started = System.nanoTime();
        double seconds = (System.nanoTime() - started) / 1e9;
        return new Load("(not yet generated)", steps, List.of(), steps.stream().mapToLong(Step::rows).sum(), seconds);
    }
}
