package vn.danvan.bench;

import java.util.Arrays;

/** The work-cycle report's tables of questions and aims (markdown), as ExemplarBench writes them. */
final class WorkCycleReport {

    private WorkCycleReport() {
    }

    static void queries(StringBuilder out, ExemplarQueryBench.Outcome outcome, WorkCycleSettings settings) {
        out.append("## 2. The questions: HTTP API beside the raw SQL\n\n");
        out.append(("One client, one request after the other (latency, not throughput): each question drawn %d times with random "
                + "parameters (fixed seed), after %d warm-up draws; first through the application's JSON API as the administrator "
                + "(signed in through the login form; the request timed until its whole body is read), then the same draws as the raw "
                + "SQL the application sends for them, over one JDBC connection (prepared statements, every row read, the statements "
                + "one after the other, their times summed: the count and the page; for the matrix also the assignment's head with "
                + "its two counts). The SQL rows leave out what the application does around the SQL: resolving the unit code and its "
                + "subtree (OrgUnits.scopePaths/idsWithin, computed once per unit here), parsing the identifier, naming the units of "
                + "the page, and for the matrix the document's heading, the current unit of every row, the carriers of units abolished "
                + "since (one query per abolished unit) and the identifiers of the implementing documents (one query per page); JSON and HTTP. Rows: the total the "
                + "answer counts (`totalElements`), min / median / max over the samples. Load: the 1-, 5- and 15-minute load average "
                + "before → after the samples; others' CPU: the share of the machine's CPU used by processes other than this "
                + "benchmark and its application during the samples.\n\n").formatted(settings.samples(), settings.warmUp()));
        out.append("| Question | Via | Samples | Rows min / median / max | p50 (ms) | p95 (ms) | p99 (ms) | max (ms) | Load | Others' CPU | Note |\n");
        out.append("|---|---|--:|---|--:|--:|--:|--:|---|--:|---|\n");
        for (var r : outcome.results()) {
            var rows = r.rows().clone();
            Arrays.sort(rows);
            out.append("| %s | %s | %,d | %,d / %,d / %,d | %.1f | %.1f | %.1f | %.1f | %s | %s | %s |\n".formatted(r.question(), r.via(),
                    r.latencies().count(), rows[0], rows[rows.length / 2], rows[rows.length - 1], r.latencies().millis(50),
                    r.latencies().millis(95), r.latencies().millis(99), r.latencies().maxMillis(), r.load(), percent(r.othersCpu()),
                    r.note()));
        }
        out.append("\nWhere the SQL time goes, statement by statement:\n\n");
        outcome.notes().forEach(n -> out.append("- ").append(n).append('\n'));
        out.append("\nParameters drawn:\n\n");
        outcome.parameters().forEach((q, p) -> out.append("- **").append(q).append("**: ").append(p).append('\n'));
        out.append("\nThe raw SQL of each question (WorkCycleSql: from DocumentQueries.search, ImplementationMatrix, TaskQueries.list and "
                + "MeetingQueries.search as on main after session 8 — the documents' page in the form the count picks; `:responsible` / `:units` the bigint[] of the province's subtree with "
                + "the units that passed into it, `:all` true for the administrator). One example draw each:\n\n");
        outcome.sql().forEach((q, sql) -> out.append("<details><summary>").append(q).append("</summary>\n\n```sql\n").append(sql)
                .append("\n```\n</details>\n\n"));
        out.append("EXPLAIN (ANALYZE, BUFFERS) of the slowest statement of the slowest SQL sample of each question, run again right "
                + "after the samples:\n\n");
        for (var p : outcome.plans()) {
            out.append("<details><summary>%s — %s, statement \"%s\" (%.1f ms when run again)</summary>\n\n```\n%s\n```\n</details>\n\n"
                    .formatted(p.question(), p.path(), p.statement(), p.millis(), p.plan().strip()));
        }
    }

    static void aims(StringBuilder out, ExemplarQueryBench.Outcome outcome) {
        out.append("## Aims\n\n| Aim | Measured | Met |\n|---|---|---|\n");
        for (var r : outcome.results()) {
            boolean met = r.latencies().count() > 0 && r.latencies().millis(95) <= 100;
            out.append("| %s (%s): p95 ≤ 100 ms | p95 %.1f ms | %s |\n".formatted(r.question(), r.via(), r.latencies().millis(95),
                    met ? "yes" : "**no**"));
        }
        out.append("\nProduced by `bench/run-workcycle.sh` (vn.danvan.bench.WorkCycleBench).\n");
    }

    static String percent(double value) {
        return Double.isNaN(value) ? "–" : "%.0f %%".formatted(value);
    }
}
