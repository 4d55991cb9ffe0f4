package vn.danvan.bench;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;

/**
 * Subtree and ancestor queries over the unit tree, timed at the SQL level over one JDBC connection
 * (prepared statements, rows read to the end), each for random units of one level.
 */
final class UnitQueries {

    /** A query of one unit id; {@code sample} is the level its ids are drawn from. */
    record Query(String name, String sample, String sql) {
    }

    /** Rows returned per execution: the subtree or ancestor-chain sizes. */
    record Rows(int min, int median, int max, double mean) {
    }

    /** @param othersCpu percent of the machine's CPU that other processes used meanwhile */
    record Result(Query query, int iterations, Latencies latencies, Rows rows, String plan, double othersCpu) {
    }

    private static final String SUBTREE_LIKE =
            "select s.id from org_unit u join org_unit s on s.path like u.path || '%' where u.id = ?";
    /** The same rows as SUBTREE_LIKE: a path holds only digits and '/', and '0' follows '/'. */
    private static final String SUBTREE_RANGE = "select s.id from org_unit u join org_unit s"
            + " on s.path ~>=~ u.path and s.path ~<~ (left(u.path, -1) || '0') where u.id = ?";
    private static final String ANCESTORS_LIKE =
            "select a.id, a.code from org_unit u join org_unit a on u.path like a.path || '%' where u.id = ?";
    private static final String ANCESTORS_PATH_IDS = "select a.id, a.code from org_unit a where a.id = any ("
            + "string_to_array(trim(both '/' from (select u.path from org_unit u where u.id = ?)), '/')::bigint[])";

    static final List<Query> QUERIES = List.of(
            new Query("Subtree, `like` join (as specified)", "PROVINCE", SUBTREE_LIKE),
            new Query("Subtree, `like` join (as specified)", "COMMUNE", SUBTREE_LIKE),
            new Query("Subtree, index range on path", "PROVINCE", SUBTREE_RANGE),
            new Query("Subtree, index range on path", "COMMUNE", SUBTREE_RANGE),
            new Query("Ancestors, `like` join", "COMMUNE", ANCESTORS_LIKE),
            new Query("Ancestors, ids parsed from path, `id = any`", "COMMUNE", ANCESTORS_PATH_IDS));

    private final Connection connection;
    private final CpuMeter cpu;
    private final int warmUp;
    private final int iterations;
    private final Random random = new Random(20251);

    UnitQueries(Connection connection, CpuMeter cpu, int warmUp, int iterations) {
        this.connection = connection;
        this.cpu = cpu;
        this.warmUp = warmUp;
        this.iterations = iterations;
    }

    Result measure(Query query, List<Long> ids) throws SQLException {
        try (var statement = connection.prepareStatement(query.sql())) {
            for (int i = 0; i < warmUp; i++) {
                execute(statement, pick(ids));
            }
            var latencies = new Latencies();
            var counts = new int[iterations];
            var before = cpu.sample();
            for (int i = 0; i < iterations; i++) {
                long id = pick(ids);
                long started = System.nanoTime();
                counts[i] = execute(statement, id);
                latencies.recordNanos(System.nanoTime() - started);
            }
            double others = cpu.othersPercentSince(before);
            return new Result(query, iterations, latencies, rows(counts), plan(query.sql(), ids.get(0)), others);
        }
    }

    /**
     * Fails unless each faster variant returns as many rows as the query it stands for (the subtree
     * range as the subtree {@code like}, the ancestors by path ids as the ancestors {@code like}),
     * for {@code samples} random ids.
     */
    void checkVariantsAgree(List<Long> ids, int samples) throws SQLException {
        sameRows(SUBTREE_RANGE, SUBTREE_LIKE, ids, samples);
        sameRows(ANCESTORS_PATH_IDS, ANCESTORS_LIKE, ids, samples);
    }

    private void sameRows(String sql, String expectedSql, List<Long> ids, int samples) throws SQLException {
        try (var actual = connection.prepareStatement(sql); var expected = connection.prepareStatement(expectedSql)) {
            for (int i = 0; i < samples; i++) {
                long id = pick(ids);
                int a = execute(actual, id);
                int e = execute(expected, id);
                if (a != e) {
                    throw new IllegalStateException("unit " + id + ": " + a + " rows, expected " + e + ": " + sql);
                }
            }
        }
    }

    private long pick(List<Long> ids) {
        return ids.get(random.nextInt(ids.size()));
    }

    private static int execute(java.sql.PreparedStatement statement, long id) throws SQLException {
        statement.setLong(1, id);
        int n = 0;
        try (var rows = statement.executeQuery()) {
            while (rows.next()) {
                rows.getLong(1);
                n++;
            }
        }
        return n;
    }

    /** The scan nodes of the plan PostgreSQL chose for one id, e.g. "Seq Scan on org_unit s". */
    private String plan(String sql, long id) throws SQLException {
        var nodes = new ArrayList<String>();
        try (var statement = connection.prepareStatement("explain " + sql)) {
            statement.setLong(1, id);
            try (var rows = statement.executeQuery()) {
                while (rows.next()) {
                    var line = rows.getString(1).replace("->", "").trim();
                    if (line.contains(" Scan ") || line.startsWith("Nested Loop") || line.startsWith("Hash Join")) {
                        int cost = line.indexOf("  (cost");
                        nodes.add(cost > 0 ? line.substring(0, cost) : line);
                    }
                }
            }
        }
        return String.join(" · ", nodes);
    }

    private static Rows rows(int[] counts) {
        var sorted = counts.clone();
        Arrays.sort(sorted);
        double mean = Arrays.stream(sorted).average().orElse(0);
        return new Rows(sorted[0], sorted[sorted.length / 2], sorted[sorted.length - 1], mean);
    }
}
