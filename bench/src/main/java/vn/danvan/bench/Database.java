package vn.danvan.bench;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A JDBC connection to the running application's embedded PostgreSQL (localhost, user postgres, no
 * password), and what it says about itself: its durability settings and the size of the dataset.
 */
final class Database implements AutoCloseable {

    /** The server's settings as {@code SHOW} reports them. */
    record Settings(String version, String fsync, String synchronousCommit, String fullPageWrites, String sharedBuffers) {

        boolean durable() {
            return fsync.equals("on") && synchronousCommit.equals("on") && fullPageWrites.equals("on");
        }

        String summary() {
            return "PostgreSQL %s, fsync=%s, synchronous_commit=%s, full_page_writes=%s"
                    .formatted(version, fsync, synchronousCommit, fullPageWrites);
        }
    }

    /**
     * @param areasByLevel administrative areas of every date (pre-reform and 2025), by level
     * @param validOn2026  administrative areas valid on 2026-01-01, by level
     */
    record Dataset(long units, long areas, long bodies, Map<String, Long> areasByLevel, Map<String, Long> validOn2026,
                   long versions, long successions, long users) {

        String summary() {
            return "%,d units (%,d areas of every date, %,d bodies), %,d versions, %,d succession links"
                    .formatted(units, areas, bodies, versions, successions);
        }
    }

    private final Connection connection;

    private Database(Connection connection) {
        this.connection = connection;
    }

    static Database connect(int port) throws SQLException {
        var url = "jdbc:postgresql://localhost:" + port + "/postgres?ApplicationName=danvan-bench";
        return new Database(DriverManager.getConnection(url, "postgres", ""));
    }

    Connection connection() {
        return connection;
    }

    Settings settings() throws SQLException {
        return new Settings(show("server_version"), show("fsync"), show("synchronous_commit"),
                show("full_page_writes"), show("shared_buffers"));
    }

    Dataset dataset() throws SQLException {
        return new Dataset(
                count("select count(*) from org_unit"),
                count("select count(*) from org_unit where category = 'AREA'"),
                count("select count(*) from org_unit where category = 'BODY'"),
                countsByLevel("select level, count(*) from org_unit where category = 'AREA' group by level"),
                countsByLevel("select level, count(*) from org_unit where category = 'AREA'"
                        + " and validity @> date '2026-01-01' group by level"),
                count("select count(*) from org_unit_version"),
                count("select count(*) from org_unit_succession"),
                count("select count(*) from identity_user"));
    }

    /** Ids of the administrative areas of one level, of every date. */
    List<Long> areaIds(String level) throws SQLException {
        try (var statement = connection.prepareStatement(
                "select id from org_unit where category = 'AREA' and level = ? order by id")) {
            statement.setString(1, level);
            var ids = new ArrayList<Long>();
            try (var rows = statement.executeQuery()) {
                while (rows.next()) {
                    ids.add(rows.getLong(1));
                }
            }
            return ids;
        }
    }

    @Override
    public void close() throws SQLException {
        connection.close();
    }

    private String show(String setting) throws SQLException {
        try (var statement = connection.createStatement(); var rows = statement.executeQuery("show " + setting)) {
            rows.next();
            return rows.getString(1);
        }
    }

    private long count(String sql) throws SQLException {
        try (var statement = connection.createStatement(); var rows = statement.executeQuery(sql)) {
            rows.next();
            return rows.getLong(1);
        }
    }

    private Map<String, Long> countsByLevel(String sql) throws SQLException {
        var counts = new LinkedHashMap<String, Long>();
        for (var level : List.of("CENTRAL", "PROVINCE", "DISTRICT", "COMMUNE", "VILLAGE")) {
            counts.put(level, 0L);
        }
        try (var statement = connection.createStatement(); var rows = statement.executeQuery(sql)) {
            while (rows.next()) {
                counts.put(rows.getString(1), rows.getLong(2));
            }
        }
        return counts;
    }
}
