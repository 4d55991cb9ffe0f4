package vn.danvan.bench;

import java.net.URI;
import java.sql.Connection;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * Writes through the application: values one by one with {@code PUT /api/values} (1, 4 and 8 workers,
 * each its own signed-in session) and imports of {@code batch} values per {@code POST /api/dataValueSets}
 * (1 and 2 workers), each value validated as the application validates it (period type, value type,
 * unit read as of the period's last day, the user's scope) and audited; random keys over today's
 * communes × the quarterly SUM indicators × 2025Q3–2026Q3 (a mix of inserts and updates). Then the
 * freshness check: a value written, and the next aggregate request includes it.
 */
final class ReportingWriteBench {

    record Freshness(String before, String after, long delta, boolean fresh, double writeMillis, double readMillis, String how) {
    }

    private static final List<String> QUARTERS = List.of("2025Q3", "2025Q4", "2026Q1", "2026Q2", "2026Q3");

    private final URI base;
    private final Connection db;
    private final Credentials credentials;
    private final ReportingSettings settings;
    private final CpuMeter cpu;
    private final List<String> communes = new ArrayList<>();

    ReportingWriteBench(URI base, Connection db, Credentials credentials, ReportingSettings settings, CpuMeter cpu) throws Exception {
        this.base = base;
        this.db = db;
        this.credentials = credentials;
        this.settings = settings;
        this.cpu = cpu;
        for (var row : ReportingSql.rows(db, """
                select code from org_unit where category = 'AREA' and level = 'COMMUNE' and valid_from = date '2025-07-01'
                  and valid_to is null order by code""")) {
            communes.add(row.get(0));
        }
    }

    private List<WebSession> sessions(int n) throws Exception {
        var list = new ArrayList<WebSession>();
        for (int i = 0; i < n; i++) {
            var s = new WebSession(base);
            if (!s.login(credentials.account(0))) {
                throw new IllegalStateException("admin login failed");
            }
            list.add(s);
        }
        return list;
    }

    private String key(Random random) {
        return ReportingGenerator.code(1 + random.nextInt(40)) + "|" + communes.get(random.nextInt(communes.size())) + "|"
                + QUARTERS.get(random.nextInt(QUARTERS.size()));
    }

    List<HttpLoad.Result> single() throws Exception {
        var results = new ArrayList<HttpLoad.Result>();
        var load = new HttpLoad(Long.MAX_VALUE, cpu);
        for (int workers : List.of(1, 4, 8)) {
            cpu.awaitQuiet(settings.quietWait(), settings.quietPercent());
            var r = load.run("PUT /api/values", sessions(workers), Duration.ofSeconds(settings.writeSeconds()), (w, session, random) -> {
                var k = key(random).split("\\|");
                var page = session.putJson("/api/values", """
                        {"indicator": "%s", "unit": "%s", "period": "%s", "value": %d}""".formatted(k[0], k[1], k[2], random.nextInt(200)));
                return page.status() == 200 ? null : page.status() + " " + ReportingQueryBench.abbreviate(page.body());
            });
            System.out.printf("  PUT /api/values, %d workers: %,.0f values/s, p50 %.1f ms p95 %.1f ms, errors %d%n", workers,
                    r.perSecond(), r.latencies().millis(50), r.latencies().millis(95), r.errors());
            results.add(r);
        }
        return results;
    }

    List<HttpLoad.Result> imports() throws Exception {
        var results = new ArrayList<HttpLoad.Result>();
        var load = new HttpLoad(Long.MAX_VALUE, cpu);
        int batch = settings.importBatch();
        for (int workers : List.of(1, 2)) {
            cpu.awaitQuiet(settings.quietWait(), settings.quietPercent());
            var r = load.run("POST /api/dataValueSets", sessions(workers), Duration.ofSeconds(settings.writeSeconds()),
                    (w, session, random) -> {
                        var keys = new LinkedHashSet<String>();
                        while (keys.size() < batch) {
                            keys.add(key(random));
                        }
                        var body = new StringBuilder("{\"dataValues\": [");
                        boolean first = true;
                        for (var key : keys) {
                            var k = key.split("\\|");
                            body.append(first ? "" : ",").append("""
                                    {"dataElement": "%s", "orgUnit": "%s", "period": "%s", "value": "%d"}"""
                                    .formatted(k[0], k[1], k[2], random.nextInt(200)));
                            first = false;
                        }
                        body.append("]}");
                        var page = session.postJson("/api/dataValueSets", body.toString());
                        if (page.status() != 200) {
                            return page.status() + " " + ReportingQueryBench.abbreviate(page.body());
                        }
                        var summary = (Map<?, ?>) Json.parse(page.body());
                        var count = (Map<?, ?>) summary.get("importCount");
                        long stored = ((Number) count.get("imported")).longValue() + ((Number) count.get("updated")).longValue();
                        return "SUCCESS".equals(summary.get("status")) && stored == batch ? null
                                : "status " + summary.get("status") + ", stored " + stored + " of " + batch;
                    });
            System.out.printf("  POST /api/dataValueSets x%d, %d workers: %,.0f values/s (%,.1f requests/s), p50 %.0f ms p95 %.0f ms, errors %d%n",
                    batch, workers, r.perSecond() * batch, r.perSecond(), r.latencies().millis(50), r.latencies().millis(95), r.errors());
            results.add(r);
        }
        return results;
    }

    /** Writes one value, then asks the country's aggregate of that quarter and the pivot right after: each must include it. */
    Freshness freshness(String countryCode) throws Exception {
        var session = sessions(1).get(0);
        var indicator = ReportingGenerator.code(7);
        var unit = communes.get(communes.size() / 2);
        var aggregate = "/api/values/aggregate?indicator=" + indicator + "&unit=" + countryCode + "&period=2026Q3";
        var before = (Map<?, ?>) Json.parse(session.get(aggregate).body());
        var current = session.get("/api/values?indicator=" + indicator + "&unit=" + unit + "&period=2026Q3");
        long old = current.status() == 200 ? ((Number) ((Map<?, ?>) Json.parse(current.body())).get("value")).longValue() : 0;
        long delta = 1000 + new Random().nextInt(1000);
        long started = System.nanoTime();
        var put = session.putJson("/api/values", """
                {"indicator": "%s", "unit": "%s", "period": "2026Q3", "value": %d}""".formatted(indicator, unit, old + delta));
        double writeMillis = (System.nanoTime() - started) / 1e6;
        if (put.status() != 200) {
            throw new IllegalStateException("PUT answered " + put.status() + ": " + put.body());
        }
        started = System.nanoTime();
        var after = (Map<?, ?>) Json.parse(session.get(aggregate).body());
        double readMillis = (System.nanoTime() - started) / 1e6;
        long b = ((Number) before.get("value")).longValue();
        long a = ((Number) after.get("value")).longValue();
        var pivot = (Map<?, ?>) Json.parse(session.get("/api/pivot?indicator=" + indicator + "&unit=" + countryCode + "&period=2026Q3").body());
        Object pivotTotal = null;
        for (var c : (List<?>) pivot.get("cells")) {
            var cell = (Map<?, ?>) c;
            if (countryCode.equals(cell.get("unit")) && cell.get("option") == null && "2026Q3".equals(cell.get("period"))) {
                pivotTotal = cell.get("value");
            }
        }
        boolean fresh = a - b == delta && pivotTotal instanceof Number n && n.longValue() == a;
        return new Freshness(Long.toString(b), Long.toString(a), delta, fresh, writeMillis, readMillis,
                "`PUT /api/values` %s for commune %s, 2026Q3: %d → %d; then `GET %s` (country, 2026Q3) and the pivot's total for the country"
                        .formatted(indicator, unit, old, old + delta, aggregate));
    }
}
