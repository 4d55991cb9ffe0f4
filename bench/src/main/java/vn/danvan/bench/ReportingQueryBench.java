package vn.danvan.bench;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * The reporting questions, each asked {@code samples} times after {@code warmUp} runs, one after the
 * other: through danvan's HTTP API (signed in as the administrator, JSON, the whole body read), as the
 * raw SQL of the same question on danvan's tables (one JDBC connection, every row read), and against the
 * DHIS2-style analytics table; then whether the answers agree cell by cell.
 */
final class ReportingQueryBench {

    /** How one way of answering did: its latencies and its answer (key columns…, value), or null when not asked that way. */
    record Via(Latencies latencies, List<List<String>> answer, String error) {
    }

    record Result(String question, String what, Via api, Via sql, Via dhis2, String agreement, String load, double othersCpu) {
    }

    record Plan(String question, String via, String plan) {
    }

    /** A question: its API path (null: none), raw SQL, DHIS2-style SQL (null: none) and how to read the API's answer. */
    record Question(String name, String what, String path, String sql, String dhis2, Function<Object, List<List<String>>> reader) {
    }

    private final Connection db;
    private final WebSession admin;
    private final ReportingSettings settings;
    private final CpuMeter cpu;
    private final List<Plan> plans = new ArrayList<>();

    ReportingQueryBench(Connection db, WebSession admin, ReportingSettings settings, CpuMeter cpu) {
        this.db = db;
        this.admin = admin;
        this.settings = settings;
        this.cpu = cpu;
    }

    List<Plan> plans() {
        return plans;
    }

    Result measure(Question q, boolean explain) throws Exception {
        cpu.awaitQuiet(settings.quietWait(), settings.quietPercent());
        var loadBefore = Machine.current().loadAverage();
        var before = cpu.sample();
        // the API's warm-up is the JVM's (the JIT compiles the request path over the first thousands of requests), the SQL's is
        // PostgreSQL's: a few runs fill its buffers
        Via api = q.path() == null ? null : time(settings.apiWarmUp(), settings.apiWarmUpSeconds(), () -> {
            var page = admin.get(q.path());
            if (page.status() != 200) {
                throw new IllegalStateException(page.status() + " " + q.path() + " " + abbreviate(page.body()));
            }
            return q.reader().apply(Json.parse(page.body()));
        });
        Via sql = time(settings.warmUp(), 0, () -> ReportingSql.rows(db, q.sql()));
        Via dhis2 = q.dhis2() == null ? null : time(settings.warmUp(), 0, () -> ReportingSql.rows(db, q.dhis2()));
        var load = loadBefore + " → " + Machine.current().loadAverage();
        double others = cpu.othersPercentSince(before);
        if (explain) {
            plans.add(new Plan(q.name(), "SQL", ReportingSql.explain(db, q.sql())));
            if (q.dhis2() != null) {
                plans.add(new Plan(q.name(), "DHIS2-style", ReportingSql.explain(db, q.dhis2())));
            }
        }
        var agreement = new StringBuilder();
        if (api != null) {
            agreement.append("API vs SQL: ").append(compare(api.answer(), sql.answer()));
        }
        if (dhis2 != null) {
            agreement.append(agreement.isEmpty() ? "" : "; ").append("DHIS2-style vs SQL: ").append(compare(dhis2.answer(), sql.answer()));
        }
        var result = new Result(q.name(), q.what(), api, sql, dhis2, agreement.toString(), load, others);
        System.out.printf("  %-48s API %s | SQL %s | DHIS2 %s | %s%n", q.name(), brief(api), brief(sql), brief(dhis2), agreement);
        return result;
    }

    private interface Answer {
        List<List<String>> get() throws Exception;
    }

    /** {@code warmUp} runs not counted (at most {@code warmUpSeconds} of them when above 0), then the timed samples. */
    private Via time(int warmUp, int warmUpSeconds, Answer answer) {
        var latencies = new Latencies();
        List<List<String>> last = null;
        try {
            long warmUntil = System.nanoTime() + warmUpSeconds * 1_000_000_000L;
            for (int i = 0; i < warmUp && (warmUpSeconds <= 0 || System.nanoTime() < warmUntil); i++) {
                last = answer.get();
            }
            for (int i = 0; i < settings.samples(); i++) {
                long started = System.nanoTime();
                last = answer.get();
                latencies.recordNanos(System.nanoTime() - started);
            }
            return new Via(latencies, last, null);
        } catch (Exception e) {
            return new Via(latencies, last, e.toString());
        }
    }

    private static String brief(Via via) {
        if (via == null) {
            return "–";
        }
        if (via.error() != null) {
            return "error " + abbreviate(via.error());
        }
        return "p50 %.1f p95 %.1f ms".formatted(via.latencies().millis(50), via.latencies().millis(95));
    }

    /**
     * Cell by cell, the key columns and the value rounded to 4 decimals; cells of 0 or none count as absent
     * (the API answers 0 where SQL has no row).
     */
    static String compare(List<List<String>> a, List<List<String>> b) {
        if (a == null || b == null) {
            return "not compared (no answer)";
        }
        var left = canonical(a);
        var right = canonical(b);
        if (left.equals(right)) {
            return "equal (%,d cells)".formatted(left.size());
        }
        var differences = new ArrayList<String>();
        for (var k : new java.util.TreeSet<>(union(left, right))) {
            if (!java.util.Objects.equals(left.get(k), right.get(k))) {
                differences.add(k + ": " + left.get(k) + " vs " + right.get(k));
            }
        }
        return "**%,d of %,d cells differ**, e.g. %s".formatted(differences.size(), union(left, right).size(),
                String.join("; ", differences.subList(0, Math.min(3, differences.size()))));
    }

    private static java.util.Set<String> union(Map<String, String> a, Map<String, String> b) {
        var keys = new java.util.HashSet<>(a.keySet());
        keys.addAll(b.keySet());
        return keys;
    }

    private static Map<String, String> canonical(List<List<String>> rows) {
        var map = new TreeMap<String, String>();
        for (var row : rows) {
            var value = row.get(row.size() - 1);
            if (value == null) {
                continue;
            }
            var n = new BigDecimal(value).setScale(4, RoundingMode.HALF_UP).stripTrailingZeros();
            if (n.signum() == 0) {
                continue;
            }
            map.put(String.join("|", row.subList(0, row.size() - 1)), n.toPlainString());
        }
        return map;
    }

    // ---- reading the API's answers ------------------------------------------------------------------

    static List<List<String>> aggregateValue(Object json) {
        var value = ((Map<?, ?>) json).get("value");
        return List.of(java.util.Arrays.asList(number(value)));
    }

    /** The pivot's cells of the children (not the total), for the periods of {@code periods} (all when null). */
    static Function<Object, List<List<String>>> pivotCells(List<String> periods) {
        return json -> {
            var pivot = (Map<?, ?>) json;
            var root = (String) ((Map<?, ?>) ((List<?>) pivot.get("units")).get(0)).get("code");
            var rows = new ArrayList<List<String>>();
            for (var c : (List<?>) pivot.get("cells")) {
                var cell = (Map<?, ?>) c;
                var period = (String) cell.get("period");
                if (cell.get("option") != null || root.equals(cell.get("unit")) || (periods != null && !periods.contains(period))) {
                    continue;
                }
                rows.add(java.util.Arrays.asList((String) cell.get("indicator"), (String) cell.get("unit"), period,
                        number(cell.get("value"))));
            }
            return rows;
        };
    }

    /** The board's expected units with their report's status, as (code, status, 1). */
    static List<List<String>> boardEntries(Object json) {
        var rows = new ArrayList<List<String>>();
        for (var e : (List<?>) ((Map<?, ?>) json).get("entries")) {
            var m = (Map<?, ?>) e;
            rows.add(java.util.Arrays.asList((String) m.get("code"), (String) m.get("status"), "1"));
        }
        return rows;
    }

    static List<List<String>> dataValues(Object json) {
        var rows = new ArrayList<List<String>>();
        for (var v : (List<?>) ((Map<?, ?>) json).get("dataValues")) {
            var m = (Map<?, ?>) v;
            rows.add(java.util.Arrays.asList((String) m.get("orgUnit"), (String) m.get("period"), number(m.get("value"))));
        }
        return rows;
    }

    private static String number(Object value) {
        if (value == null) {
            return null;
        }
        if (value instanceof Double d) {
            return ReportingSql.plain(new BigDecimal(Double.toString(d)));
        }
        return ReportingSql.plain(new BigDecimal(value.toString()));
    }

    static String abbreviate(String body) {
        var text = body == null ? "" : body.replaceAll("\\s+", " ");
        return text.length() > 200 ? text.substring(0, 200) + "…" : text;
    }

    /** The code and id of a unit found by a query returning (id, code). */
    static long[] idOf(Connection db, String sql) throws SQLException {
        var rows = ReportingSql.rows(db, sql);
        if (rows.isEmpty()) {
            throw new IllegalStateException("no unit for: " + sql);
        }
        return new long[] {Long.parseLong(rows.get(0).get(0))};
    }

    static LocalDate today() {
        return LocalDate.now();
    }
}
