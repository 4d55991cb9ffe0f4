package vn.danvan.bench;

import java.time.LocalDate;
import java.util.List;

/** The markdown of bench/results/reporting-&lt;date&gt;.md. */
final class ReportingReport {

    record Rebuild(long rows, int partitions, int indexes, double fillSeconds, double indexSeconds, double analyzeSeconds,
                   double swapSeconds, double totalSeconds, String heap, String indexSize) {
    }

    private final ReportingSettings settings;
    private final Machine machine;
    private final StringBuilder body = new StringBuilder();
    private List<List<String>> postgres = List.of();
    private String loadSummary = "";
    private Rebuild rebuild;
    private List<String> peer;

    ReportingReport(ReportingSettings settings, Machine machine) {
        this.settings = settings;
        this.machine = machine;
    }

    void postgres(List<List<String>> settingsShown) {
        this.postgres = settingsShown;
    }

    void load(PetitionGenerator.Load load, String loadAverage, double othersCpu) {
        loadSummary = "%,d values".formatted(load.totalRows());
        var out = body.append("## 1. Dataset\n\n").append(load.how()).append("\n\n");
        out.append("Load average during generation: %s; others' CPU %s.\n\n".formatted(loadAverage, percent(othersCpu)));
        out.append("| Step | Rows | Seconds | Rows/s |\n|---|--:|--:|--:|\n");
        for (var s : load.steps()) {
            out.append("| %s | %,d | %.1f | %,.0f |\n".formatted(s.name(), s.rows(), s.seconds(), s.seconds() > 0 ? s.rows() / s.seconds() : 0));
        }
        out.append("\n| Table | Rows | Size (with indexes) |\n|---|--:|--:|\n");
        load.tables().forEach(t -> out.append("| %s | %,d | %s |\n".formatted(t.name(), t.rows(), t.size())));
        out.append('\n');
    }

    /** The dataset section of a run on a kept dataset generated earlier: the note and the values there now. */
    void reused(String note, long values) {
        loadSummary = "%,d values".formatted(values);
        body.append("## 1. Dataset\n\n").append(note);
    }

    /** The body written so far from {@code from} on (e.g. the dataset section, to keep beside a kept dataset). */
    String since(int from) {
        return body.substring(from);
    }

    int length() {
        return body.length();
    }

    void rebuild(Rebuild r) {
        this.rebuild = r;
        body.append("## 2. DHIS2-style analytics table, rebuilt from scratch\n\n");
        body.append(("As DHIS2's analytics job: a staging table partitioned by year (%d UNLOGGED partitions, autovacuum off) filled by "
                + "`INSERT … SELECT` from reporting_value (2 jobs, one partition at a time each), one denormalised row per value — "
                + "indicator code, unit, its ancestors as recorded, today's province (restated at build time, split units by their shares, "
                + "unset shares kept apart), period, year, quarter, month, value — then one single-column index per dimension column and "
                + "partition (%d, 2 jobs), `VACUUM ANALYZE`, and the swap (drop the old table, rename).\n\n")
                .formatted(r.partitions(), r.indexes()));
        body.append("| Rows | Fill (s) | Indexes (s) | VACUUM ANALYZE (s) | Swap (s) | **Total = staleness (s)** | Heap | Indexes |\n");
        body.append("|--:|--:|--:|--:|--:|--:|--:|--:|\n");
        body.append("| %,d | %.1f | %.1f | %.1f | %.2f | **%.1f** | %s | %s |\n\n".formatted(r.rows(), r.fillSeconds(), r.indexSeconds(),
                r.analyzeSeconds(), r.swapSeconds(), r.totalSeconds(), r.heap(), r.indexSize()));
        body.append("A value written now shows in a DHIS2-style answer only after the next full rebuild: at least this long, plus the "
                + "time until the nightly job starts. danvan answers from reporting_value itself (see the freshness check).\n\n");
    }

    void questions(List<ReportingQueryBench.Result> results, List<ReportingQueryBench.Question> questions,
                   List<ReportingQueryBench.Plan> plans) {
        body.append("## 3. Questions: danvan's HTTP API beside the raw SQL and the DHIS2-style table\n\n");
        body.append(("One client, one request after the other: the API warmed by up to %,d requests (at most %d s) per question, "
                + "the SQL by %d runs, then %d timed runs per way (client wall time; the API "
                + "signed in as the administrator, the whole JSON body read; SQL over one JDBC connection, every row read). Restated "
                + "to today's units (%s). Answers compared cell by cell (values rounded to 4 decimals; a 0 or missing cell counts "
                + "as absent).\n\n").formatted(settings.apiWarmUp(), settings.apiWarmUpSeconds(), settings.warmUp(), settings.samples(),
                LocalDate.now()));
        body.append("| Question | API p50 / p95 (ms) | raw SQL p50 / p95 (ms) | DHIS2-style p50 / p95 (ms) | API ≤ 2 × SQL (p95) | Answers | Load | Others' CPU |\n");
        body.append("|---|--:|--:|--:|---|---|---|--:|\n");
        for (var r : results) {
            var ratio = r.api() != null && r.sql() != null && r.api().error() == null
                    ? "%.1f × %s".formatted(r.api().latencies().millis(95) / r.sql().latencies().millis(95),
                    r.api().latencies().millis(95) <= 2 * r.sql().latencies().millis(95) ? "yes" : "**no**")
                    : "–";
            body.append("| %s | %s | %s | %s | %s | %s | %s | %s |\n".formatted(r.question(), cell(r.api()), cell(r.sql()), cell(r.dhis2()),
                    ratio, r.agreement(), r.load(), percent(r.othersCpu())));
        }
        body.append("\nWhat each question asks:\n\n");
        results.forEach(r -> body.append("- **").append(r.question()).append("**: ").append(r.what()).append('\n'));
        body.append("\nThe raw SQL (restatement computed live: `today` follows the successions effective by today):\n\n");
        for (var q : questions) {
            body.append("<details><summary>%s</summary>\n\n```sql\n%s\n```\n".formatted(q.name(), q.sql().strip()));
            if (q.dhis2() != null) {
                body.append("\nDHIS2-style:\n\n```sql\n%s\n```\n".formatted(q.dhis2().strip()));
            }
            body.append("</details>\n\n");
        }
        body.append("EXPLAIN (ANALYZE, BUFFERS), run once after the timed runs:\n\n");
        for (var p : plans) {
            body.append("<details><summary>%s — %s</summary>\n\n```\n%s\n```\n</details>\n\n".formatted(p.question(), p.via(), p.plan().strip()));
        }
        this.results = results;
    }

    private List<ReportingQueryBench.Result> results = List.of();
    private List<HttpLoad.Result> single = List.of();
    private List<HttpLoad.Result> imports = List.of();
    private ReportingWriteBench.Freshness freshness;
    private int batch;

    void freshness(ReportingWriteBench.Freshness f) {
        this.freshness = f;
    }

    void writes(List<HttpLoad.Result> single, List<HttpLoad.Result> imports, int batch) {
        this.single = single;
        this.imports = imports;
        this.batch = batch;
        body.append("## 4. Writes through the application\n\n");
        body.append(("Each worker its own signed-in session (the administrator), closed loop for %d s; random keys over today's communes × "
                + "BENCH_I01–I40 (quarterly SUM) × 2025Q3–2026Q3, inserts and updates mixed; every value validated as the application "
                + "validates it (indicator, period type, value type, unit code read as of the period's last day, scope) and audited. "
                + "An import counts only when it answers SUCCESS with every value stored.\n\n").formatted(settings.writeSeconds()));
        body.append("| Path | Workers | Values/s | Requests/s | p50 (ms) | p95 (ms) | Errors | Others' CPU |\n|---|--:|--:|--:|--:|--:|--:|--:|\n");
        for (var r : single) {
            body.append("| `PUT /api/values` (1 value) | %d | %,.0f | %,.0f | %.1f | %.1f | %d | %s |\n".formatted(r.workers(), r.perSecond(),
                    r.perSecond(), r.latencies().millis(50), r.latencies().millis(95), r.errors(), percent(r.othersCpu())));
        }
        for (var r : imports) {
            body.append("| `POST /api/dataValueSets` (%,d values) | %d | %,.0f | %,.2f | %.0f | %.0f | %d | %s |\n".formatted(batch, r.workers(),
                    r.perSecond() * batch, r.perSecond(), r.latencies().millis(50), r.latencies().millis(95), r.errors(),
                    percent(r.othersCpu())));
        }
        var errors = new StringBuilder();
        for (var r : single) {
            if (r.firstError() != null) {
                errors.append("- first error, PUT, %d workers: %s\n".formatted(r.workers(), r.firstError()));
            }
        }
        for (var r : imports) {
            if (r.firstError() != null) {
                errors.append("- first error, import, %d workers: %s\n".formatted(r.workers(), r.firstError()));
            }
        }
        body.append('\n').append(errors).append('\n');
        body.append("### Freshness\n\n").append(freshness.how()).append(": the country's figure went %s → %s (+%,d): %s. The write took "
                .formatted(freshness.before(), freshness.after(), freshness.delta(), freshness.fresh() ? "**included on the next request**"
                        : "**NOT included**")).append("%.1f ms, the next aggregate request %.1f ms.\n\n".formatted(freshness.writeMillis(),
                freshness.readMillis()));
    }

    void after(List<List<String>> tables) {
        body.append("Tables after the writes:\n\n| Table | Rows | Size |\n|---|--:|--:|\n");
        tables.forEach(t -> body.append("| %s | %,d | %s |\n".formatted(t.get(0), Long.parseLong(t.get(1)), t.get(2))));
        body.append('\n');
    }

    void peer(List<String> lines) {
        this.peer = lines;
    }

    String text(String commit) {
        var out = new StringBuilder();
        var date = LocalDate.now().toString();
        out.append("# danvan reporting benchmark, ").append(date).append(settings.reduced() ? " — REDUCED SCALE" : "").append("\n\n");
        if (settings.reduced()) {
            out.append(("> **Reduced scale**: about %,d values instead of the issue's 20 million; the figures are for that size only "
                    + "(how busy the machine was is in each row's \"Others' CPU\" and the load averages).\n\n").formatted(settings.values()));
        }
        out.append("| | |\n|---|---|\n");
        out.append("| Application | commit `%s`, `target/danvan.jar` run with `-Xmx%s` on %s |\n".formatted(commit, settings.appHeap(), machine.java()));
        out.append("| Machine | %d cores (`nproc` %s), %.1f GiB RAM, %s, %s |\n".formatted(machine.cores(), machine.nproc(),
                machine.memTotalKb() / 1048576.0, machine.cpuModel(), machine.os()));
        out.append("| Load average at start | %s (1, 5, 15 min) |\n".formatted(machine.loadAverage()));
        out.append("| Dataset | %s over the real units (60 indicators; values of 56) |\n".formatted(loadSummary));
        out.append("| PostgreSQL (`SHOW`, embedded, durable) | ");
        out.append(String.join(", ", postgres.stream().map(r -> r.get(0) + "=" + r.get(1)).toList())).append(" |\n\n");
        out.append(body);
        out.append("## Aims (contracts §7)\n\n| Aim | Measured | Met |\n|---|---|---|\n");
        for (var r : results) {
            if (r.api() != null && r.sql() != null && r.api().error() == null) {
                double api = r.api().latencies().millis(95);
                double sql = r.sql().latencies().millis(95);
                out.append("| %s: API ≤ 2 × raw SQL (p95) | %.1f vs %.1f ms | %s |\n".formatted(r.question(), api, sql, api <= 2 * sql ? "yes" : "**no**"));
            }
            if (r.question().startsWith("q3") && r.api() != null) {
                double p95 = r.api().latencies().millis(95);
                out.append("| pivot 10 × 34 × 4 within 100 ms p95 | %.1f ms | %s |\n".formatted(p95, p95 <= 100 ? "yes" : "**no**"));
            }
            if (r.question().startsWith("Full narrative") && r.api() != null) {
                double p95 = r.api().latencies().millis(95);
                out.append("| full narrative report ≤ 2 s | p95 %.0f ms | %s |\n".formatted(p95, p95 <= 2000 && r.api().error() == null ? "yes" : "**no**"));
            }
        }
        if (freshness != null) {
            out.append("| every answer as fresh as the last write | %s | %s |\n".formatted(freshness.fresh() ? "next request included it" : "not included",
                    freshness.fresh() ? "yes" : "**no**"));
        }
        double bestSingle = single.stream().mapToDouble(HttpLoad.Result::perSecond).max().orElse(0);
        double bestImport = imports.stream().mapToDouble(r -> r.perSecond() * batch).max().orElse(0);
        out.append("| ≥ 2,000 validated values/s one by one | %,.0f values/s (best of 1/4/8 workers) | %s |\n".formatted(bestSingle,
                bestSingle >= 2000 ? "yes" : "**no**"));
        out.append("| ≥ 40,000 validated values/s in imports | %,.0f values/s (best of 1/2 workers) | %s |\n\n".formatted(bestImport,
                bestImport >= 40000 ? "yes" : "**no**"));
        if (rebuild != null) {
            out.append("DHIS2-style staleness (full rebuild): %.1f s.\n\n".formatted(rebuild.totalSeconds()));
        }
        if (peer != null) {
            out.append("## The aggregation peer, run right after on the same machine\n\n```\n").append(String.join("\n", peer)).append("\n```\n\n");
        }
        out.append("Produced by `bench/run-reporting.sh` (vn.danvan.bench.ReportingBench).\n");
        return out.toString();
    }

    private static String cell(ReportingQueryBench.Via via) {
        if (via == null) {
            return "–";
        }
        if (via.error() != null) {
            return "error: " + ReportingQueryBench.abbreviate(via.error()).replace("|", "/");
        }
        return "%.1f / %.1f".formatted(via.latencies().millis(50), via.latencies().millis(95));
    }

    private static String percent(double value) {
        return Double.isNaN(value) ? "–" : "%.0f %%".formatted(value);
    }
}
