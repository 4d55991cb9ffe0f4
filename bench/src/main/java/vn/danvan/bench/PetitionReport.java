package vn.danvan.bench;

import java.util.ArrayList;
import java.util.List;

/** The petition results as Markdown: heading (date, build, machine, PostgreSQL, dataset), sections, aims. */
final class PetitionReport {

    private final List<String> sections = new ArrayList<>();
    private final List<String> aims = new ArrayList<>();
    private String heading = "";

    void heading(String date, PetitionSettings settings, Machine machine, Database.Settings pg) {
        heading = String.join("\n",
                "# danvan petition benchmark, " + date, "",
                "| | |", "|---|---|",
                "| Date | " + date + " |",
                "| Application | commit `" + settings.commit() + "`, `target/danvan.jar` run with `-Xmx" + settings.appHeap()
                        + "` on " + machine.java() + " |",
                "| Machine | %d cores (Runtime.availableProcessors; `nproc` %s), %,d kB RAM (%.1f GiB), %s, %s |"
                        .formatted(machine.cores(), machine.nproc(), machine.memTotalKb(), machine.memTotalKb() / 1048576.0,
                                machine.cpuModel(), machine.os()),
                "| Load average at start | " + machine.loadAverage() + " (1, 5, 15 min) |",
                "| PostgreSQL | %s embedded (zonky), `SHOW`: fsync=%s, synchronous_commit=%s, full_page_writes=%s, shared_buffers=%s |"
                        .formatted(pg.version(), pg.fsync(), pg.synchronousCommit(), pg.fullPageWrites(), pg.sharedBuffers()),
                "| Generated | %d years (%d–%d) × %,d petitions a year = %,d petitions (seed %d) |"
                        .formatted(settings.years(), settings.firstYear(), settings.lastYear(), settings.petitionsPerYear(),
                                settings.totalPetitions(), settings.seed()),
                "");
    }

    void load(PetitionGenerator.Load load) {
        var out = new StringBuilder("## 1. Generated dataset\n\n");
        out.append(load.how()).append("\n\n");
        out.append("| Step | Rows | Seconds | Rows/s |\n|---|--:|--:|--:|\n");
        for (var s : load.steps()) {
            out.append("| %s | %,d | %.1f | %,.0f |\n".formatted(s.name(), s.rows(), s.seconds(),
                    s.seconds() > 0 ? s.rows() / s.seconds() : 0));
        }
        out.append("| **Total** | **%,d** | **%.1f** | **%,.0f** |\n\n".formatted(load.totalRows(), load.totalSeconds(),
                load.totalRows() / Math.max(0.001, load.totalSeconds())));
        out.append("Rows per table after loading (`count(*)`), and size on disk (`pg_total_relation_size`, with indexes):\n\n");
        out.append("| Table | Rows | Size |\n|---|--:|--:|\n");
        load.tables().forEach(t -> out.append("| %s | %,d | %s |\n".formatted(t.name(), t.rows(), t.size())));
        sections.add(out.toString());
    }

    void queries(PetitionQueryBench.Outcome outcome, PetitionSettings settings) {
        var out = new StringBuilder("## 2. The officer's questions: HTTP API beside the raw SQL\n\n");
        out.append(("One client, one request after the other (latency, not throughput): each question drawn %d times with random "
                + "parameters (fixed seed), after %d warm-up draws (3 for the form); first through the application's JSON API "
                + "(a session signed in through the login form, as the pages do; the request timed until its whole body is read), "
                + "then the same draws as the raw SQL the application sends for them, over one JDBC connection (prepared "
                + "statements, every row read; the search is two statements, the count and the page). The SQL rows leave out "
                + "what the application does around the SQL: resolving the user's scope and the unit's subtree, the unit name and "
                + "the working days left of every row, JSON and HTTP. Rows: what the answer counts (queue items, search total, "
                + "hot-spot matters, form rows), min / median / max over the samples.\n\n").formatted(settings.samples(), settings.warmUp()));
        outcome.notes().forEach(n -> out.append("- ").append(n).append('\n'));
        out.append("\n| Question | Asked as | Via | Samples | Rows min / median / max | p50 (ms) | p95 (ms) | p99 (ms) | max (ms) | Others' CPU | Note |\n");
        out.append("|---|---|---|--:|---|--:|--:|--:|--:|--:|---|\n");
        for (var r : outcome.results()) {
            if (r.samples() == 0) {
                out.append("| %s | %s | %s | – | – | – | – | – | – | – | %s |\n".formatted(r.question(), r.who(), r.via(), r.note()));
                continue;
            }
            var rows = r.rows().clone();
            java.util.Arrays.sort(rows);
            out.append("| %s | %s | %s | %,d | %,d / %,d / %,d | %.1f | %.1f | %.1f | %.1f | %s | %s |\n".formatted(r.question(), r.who(),
                    r.via(), r.latencies().count(), rows[0], rows[rows.length / 2], rows[rows.length - 1], r.latencies().millis(50),
                    r.latencies().millis(95), r.latencies().millis(99), r.latencies().maxMillis(), percent(r.othersCpu()), r.note()));
        }
        out.append("\nParameters drawn:\n\n");
        outcome.parameters().forEach((q, p) -> out.append("- **").append(q).append("**: ").append(p).append('\n'));
        out.append("\nThe raw SQL of each question (from PetitionQueries, HotSpots as on main at a8c0f23 — the search sends only the "
                + "conditions asked for and counts up to 10,001; the form is this benchmark's own aggregation over the same rows as "
                + "the application's 01/XLD source, not the application's generated statement). One example draw each:\n\n");
        outcome.sql().forEach((q, sql) -> out.append("<details><summary>").append(q).append("</summary>\n\n```sql\n").append(sql)
                .append("\n```\n</details>\n\n"));
        out.append("EXPLAIN (ANALYZE, BUFFERS) of the slowest SQL sample of each question, run again right after:\n\n");
        outcome.plans().forEach((q, plan) -> out.append("<details><summary>").append(q).append("</summary>\n\n```\n").append(plan.strip())
                .append("\n```\n</details>\n\n"));
        sections.add(out.toString());
    }

    void lifecycles(List<LifecycleBench.Run> runs, List<LifecycleBench.Peer> peers, PetitionSettings settings,
                    java.util.Map<String, String> plans) {
        var out = new StringBuilder("## 3. Complete complaint lifecycles per second (REST API)\n\n");
        out.append(("Over the REST API (not in-process): each worker is a demo officer signed in through the login form with its own "
                + "HttpClient and cookie jar, running one lifecycle after the other for %d s (after a %d s warm-up at the most "
                + "workers, and a CHECKPOINT before each run), on the generated dataset. A lifecycle: `POST /api/petitions` "
                + "(receive, with one petitioner whose identity is encrypted), `POST /api/petitions/{number}/processing` (COMPLAINT, "
                + "ADMIN_LAND, eligible, WITHIN, ACCEPT: PetitionManagement.process opens the matter), `GET /api/petitions/{number}` "
                + "(to learn the matter's number), then `POST /api/matters/{number}/steps` ACCEPT, START_VERIFICATION, HOLD_DIALOGUE, "
                + "DECIDE (WRONG), CLOSE (MatterManagement.record): 7 writes, each one transaction of the application with its "
                + "timeline steps and audit record, plus one read. Each step answers with the matter's detail, which the "
                + "application reads again after the write. Units: 20.BTCD, 19.UBND, 05977.UBND, 05983.UBND (the demo desks), "
                + "workers taking them in turn. After each run every matter the run started and counted is checked CLOSED in the "
                + "database. Commits: `pg_stat_database.xact_commit` of the database during the run (all sessions, the "
                + "application's read-only transactions included), per lifecycle.\n\n").formatted(
                settings.lifecycleDuration().toSeconds(), settings.lifecycleWarmUp().toSeconds()));
        out.append("| Workers | Seconds | Lifecycles | **Lifecycles/s** | Errors | Lifecycle p50 / p95 / p99 (ms) | Request p50 / p95 / p99 (ms) "
                + "| Matters checked CLOSED | Commits per lifecycle | Others' CPU | Peer raw SQL (lc/s, median) | Peer Flowable (lc/s, median) |\n");
        out.append("|--:|--:|--:|--:|--:|---|---|--:|--:|--:|--:|--:|\n");
        for (var r : runs) {
            var peer = peers.stream().filter(p -> p.threads() == r.workers()).findFirst();
            out.append("| %d | %.1f | %,d | **%,.1f** | %,d | %.0f / %.0f / %.0f | %.1f / %.1f / %.1f | %,d | %.1f | %s | %s | %s |\n".formatted(
                    r.workers(), r.seconds(), r.lifecycles(), r.perSecond(), r.errors(), r.lifecycle().millis(50),
                    r.lifecycle().millis(95), r.lifecycle().millis(99), r.request().millis(50), r.request().millis(95),
                    r.request().millis(99), r.closedChecked(), r.lifecycles() == 0 ? 0.0 : (double) r.commits() / r.lifecycles(),
                    percent(r.othersCpu()), peer.map(p -> "%.1f".formatted(p.rawMedian())).orElse("–"),
                    peer.map(p -> "%.1f".formatted(p.flowableMedian())).orElse("–")));
        }
        out.append("\nEach request of the lifecycle, p50 / p95 (ms), by worker count:\n\n| Request |");
        runs.forEach(r -> out.append(" %d worker%s |".formatted(r.workers(), r.workers() == 1 ? "" : "s")));
        out.append("\n|---|").append("--:|".repeat(runs.size())).append('\n');
        if (!runs.isEmpty()) {
            for (var kind : runs.get(0).byRequest().keySet()) {
                out.append("| `").append(kind).append("` |");
                for (var r : runs) {
                    var l = r.byRequest().get(kind);
                    out.append(l == null ? " – |" : " %.1f / %.1f |".formatted(l.millis(50), l.millis(95)));
                }
                out.append('\n');
            }
        }
        runs.stream().filter(r -> r.firstError() != null).forEach(r -> out.append("\nFirst error at %d workers: `%s`\n"
                .formatted(r.workers(), r.firstError().replace('`', '\'').replace('\n', ' '))));
        if (!plans.isEmpty()) {
            out.append("\nEXPLAIN (ANALYZE, BUFFERS), after the runs, of two statements behind every lifecycle request:\n\n");
            plans.forEach((q, plan) -> out.append("<details><summary>").append(q).append("</summary>\n\n```\n").append(plan.strip())
                    .append("\n```\n</details>\n\n"));
        }
        out.append("\nPeer figures: ../shared/peers/lifecycle/results (2026-11-23, fsync=on, same machine type, its own "
                + "schema: one petition table and an audit table, no application, no HTTP; read from the file by this "
                + "benchmark, not measured in this run).\n");
        sections.add(out.toString());
    }

    void aims(PetitionQueryBench.Outcome queries, List<LifecycleBench.Run> lifecycles) {
        for (var r : queries.results()) {
            if (r.samples() == 0) {
                aim("%s (%s): %s".formatted(r.question(), r.via(), r.question().startsWith("Form") ? "≤ 2 s" : "p95 ≤ 100 ms"),
                        r.note(), false);
                continue;
            }
            if (r.question().startsWith("Form")) {
                aim("%s (%s): ≤ 2 s (p95)".formatted(r.question(), r.via()), "p95 %.0f ms, max %.0f ms"
                        .formatted(r.latencies().millis(95), r.latencies().maxMillis()), r.latencies().millis(95) <= 2000);
            } else {
                aim("%s (%s): p95 ≤ 100 ms".formatted(r.question(), r.via()), "p95 %.1f ms".formatted(r.latencies().millis(95)),
                        r.latencies().millis(95) <= 100);
            }
        }
        var best = lifecycles.stream().max(java.util.Comparator.comparingDouble(LifecycleBench.Run::perSecond));
        best.ifPresent(b -> aim("≥ 100 complete complaint lifecycles per second", "%,.1f /s at %d workers (%s)".formatted(
                b.perSecond(), b.workers(), lifecycles.stream().map(r -> "%d: %,.1f".formatted(r.workers(), r.perSecond()))
                        .collect(java.util.stream.Collectors.joining(", "))), b.perSecond() >= 100));
    }

    void tablesAfter(List<PetitionGenerator.Table> tables) {
        var out = new StringBuilder("## 4. Dataset at the end of the run\n\nRows per table after the questions and the lifecycle runs:\n\n");
        out.append("| Table | Rows | Size |\n|---|--:|--:|\n");
        tables.forEach(t -> out.append("| %s | %,d | %s |\n".formatted(t.name(), t.rows(), t.size())));
        sections.add(out.toString());
    }

    private static String percent(double value) {
        return Double.isNaN(value) ? "–" : "%.0f %%".formatted(value);
    }

    /** The markdown of the section added last (e.g. the generation's, to keep beside a kept dataset). */
    String lastSection() {
        return sections.get(sections.size() - 1);
    }

    void section(String markdown) {
        sections.add(markdown);
    }

    void aim(String aim, String measured, boolean met) {
        aims.add("| %s | %s | %s |".formatted(aim, measured, met ? "yes" : "**no**"));
    }

    String render() {
        var out = new StringBuilder(heading).append('\n');
        sections.forEach(s -> out.append(s).append('\n'));
        out.append("## Aims\n\n| Aim | Measured | Met |\n|---|---|---|\n");
        aims.forEach(a -> out.append(a).append('\n'));
        out.append("\nProduced by `bench/run-petitions.sh` (vn.danvan.bench.PetitionBench).\n");
        return out.toString();
    }
}
