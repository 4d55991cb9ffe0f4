package vn.danvan.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Arrays;

/**
 * The "Dân vận khéo" figures (issue 4, point 10): a million models and exemplars over 15 years
 * generated with set-based SQL over the real units, then p50/p95/p99 of the dashboard (country,
 * province), the list and the search through the application's HTTP API beside the raw SQL of the
 * same question. Starts target/danvan.jar itself on a fresh temporary data directory (durable
 * PostgreSQL, refused otherwise) and writes bench/results/exemplars-&lt;date&gt;.md.
 *
 * <p>Usage: {@code ExemplarBench <repository root>}; run it through bench/run-exemplars.sh.
 */
public final class ExemplarBench {

    private final Path repository;
    private final ExemplarSettings settings = ExemplarSettings.fromEnvironment();
    private final Machine machine = Machine.current();
    private Credentials credentials;
    private final StringBuilder report = new StringBuilder();
    private CpuMeter cpu;

    private ExemplarBench(Path repository) {
        this.repository = repository;
    }

    public static void main(String[] args) throws Exception {
        if (args.length != 1) {
            System.err.println("usage: ExemplarBench <repository root>");
            System.exit(2);
        }
        var root = Path.of(args[0]).toAbsolutePath().normalize();
        System.out.println("Results written to " + new ExemplarBench(root).run());
    }

    private Path run() throws Exception {
        BenchRun.run(repository, "exemplars", settings.appHeap(), (app, dataset) -> {
            credentials = dataset.credentials();
            cpu = new CpuMeter(app::ownPids);
            System.out.printf("Machine: %s; load average %s%n", machine.summary(), machine.loadAverage());
            var start = app.start("exemplars-cold");
            System.out.printf("  application healthy after %.1f s%n", start.secondsToHealthy());
            measure(app, dataset);
        });
        // BENCH_RESULT_SUFFIX keeps an earlier run of the same day (e.g. "-tally")
        var name = "exemplars-" + LocalDate.now() + (settings.exemplars() < 1_000_000 ? "-small" : "")
                + (BenchRun.Dataset.generateOnly() ? "-dataset" : "") + System.getenv().getOrDefault("BENCH_RESULT_SUFFIX", "") + ".md";
        var file = Files.createDirectories(repository.resolve("bench/results")).resolve(name);
        Files.writeString(file, report.toString());
        return file;
    }

    private String describe() {
        return "%,d models over %d years, seed %d".formatted(settings.exemplars(), settings.years(), settings.seed());
    }

    private void measure(Application app, BenchRun.Dataset dataset) throws Exception {
        dataset.expect(describe());
        try (var db = Database.connect(app.postgresPort())) {
            var pg = db.settings();
            if (!pg.durable()) {
                throw new IllegalStateException("not durable, figures would not count: " + pg.summary());
            }
            heading(pg);
            if (dataset.reused()) {
                report.append("## 1. Generated dataset\n\n").append(dataset.generationNote());
            } else {
                System.out.printf("Generating %,d models over %d years%n", settings.exemplars(), settings.years());
                var loadBefore = Machine.current().loadAverage();
                var cpuBefore = cpu.sample();
                var load = new ExemplarGenerator(db.connection(), settings).generate();
                int from = report.length();
                load(load, loadBefore + " → " + Machine.current().loadAverage(), cpu.othersPercentSince(cpuBefore));
                dataset.generated(settings.commit(), describe(), report.substring(from).replaceFirst("## 1\\. [^\n]*\n\n", ""));
                if (BenchRun.Dataset.generateOnly()) {
                    return;
                }
            }
            System.out.println("Questions (HTTP API and raw SQL)");
            var outcome = new ExemplarQueryBench(app.baseUri(), db.connection(), credentials, settings, cpu).run();
            queries(outcome);
            aims(outcome);
        }
    }

    // ---- the report --------------------------------------------------------------------------------

    private void heading(Database.Settings pg) {
        var date = LocalDate.now().toString();
        report.append(String.join("\n",
                "# danvan \"Dân vận khéo\" benchmark, " + date, "",
                "| | |", "|---|---|",
                "| Date | " + date + " |",
                "| Application | commit `" + settings.commit() + "`, `target/danvan.jar` run with `-Xmx" + settings.appHeap()
                        + "` on " + machine.java() + " |",
                "| Machine | %d cores (Runtime.availableProcessors; `nproc` %s), %,d kB RAM (%.1f GiB), %s, %s |"
                        .formatted(machine.cores(), machine.nproc(), machine.memTotalKb(), machine.memTotalKb() / 1048576.0,
                                machine.cpuModel(), machine.os()),
                "| Load average at start | " + machine.loadAverage() + " (1, 5, 15 min); how busy the machine was while each row ran: its \"others' CPU\" |",
                "| PostgreSQL | %s embedded (zonky), `SHOW`: fsync=%s, synchronous_commit=%s, full_page_writes=%s, shared_buffers=%s |"
                        .formatted(pg.version(), pg.fsync(), pg.synchronousCommit(), pg.fullPageWrites(), pg.sharedBuffers()),
                "| Generated | %,d models and exemplars over %d years (%d–%d, the current year up to today), seed %d |"
                        .formatted(settings.exemplars(), settings.years(), settings.firstYear(), settings.lastYear(), settings.seed()),
                "", ""));
    }

    private void load(PetitionGenerator.Load load, String loadAverage, double othersCpu) {
        var out = report.append("## 1. Generated dataset\n\n");
        out.append(load.how()).append("\n\n");
        out.append("Load average during generation: %s; others' CPU %s.\n\n".formatted(loadAverage, percent(othersCpu)));
        out.append("| Step | Rows | Seconds | Rows/s |\n|---|--:|--:|--:|\n");
        for (var s : load.steps()) {
            out.append("| %s | %,d | %.1f | %,.0f |\n".formatted(s.name(), s.rows(), s.seconds(),
                    s.seconds() > 0 ? s.rows() / s.seconds() : 0));
        }
        out.append("| **Total** | **%,d** | **%.1f** | **%,.0f** |\n\n".formatted(load.totalRows(), load.totalSeconds(),
                load.totalRows() / Math.max(0.001, load.totalSeconds())));
        out.append("Rows per table after loading (`count(*)`, the demo data included), and size on disk (`pg_total_relation_size`, "
                + "with indexes):\n\n| Table | Rows | Size |\n|---|--:|--:|\n");
        load.tables().forEach(t -> out.append("| %s | %,d | %s |\n".formatted(t.name(), t.rows(), t.size())));
        out.append('\n');
    }

    private void queries(ExemplarQueryBench.Outcome outcome) {
        var out = report.append("## 2. The questions: HTTP API beside the raw SQL\n\n");
        out.append(("One client, one request after the other (latency, not throughput): each question drawn %d times with random "
                + "parameters (fixed seed), after %d warm-up draws; first through the application's JSON API as the administrator "
                + "(signed in through the login form; the request timed until its whole body is read), then the same draws as the raw "
                + "SQL the application sends for them, over one JDBC connection (prepared statements, every row read, the statements "
                + "one after the other, their times summed: 3 for a dashboard, 2 — the count (exact from the roll-up for a list, up to 1,001 "
                + "for a search by words) and the page — for a list or a search). The SQL rows leave out what the application does around the SQL: resolving the unit code and its "
                + "subtree (OrgUnits.scopePaths/idsWithin, computed once per unit here), naming the units of the page or of the most "
                + "replicated models, JSON and HTTP. Rows: HTTP — models registered in the year (dashboards) or the total the list "
                + "answers (exact for a list, capped at 1,000 + 1 for a search); SQL — the rows all statements return (dashboards) or the count; min / median / max "
                + "over the samples. Load: the 1-, 5- and 15-minute load average before → after the samples; others' CPU: the "
                + "share of the machine's CPU used by processes other than this benchmark and its application during the samples.\n\n")
                .formatted(settings.samples(), settings.warmUp()));
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
        out.append("\nThe raw SQL of each question (from ExemplarQueries.search, ExemplarFigures.figures, ExemplarRollup, SearchWords "
                + "and ExemplarFields.all as in the commit measured; `:units` is the bigint[] of the unit's subtree, `:branches` the "
                + "branches (provinces) it covers whole and `:rest` its other units, `:words` the tsquery of the words typed). One example draw each:\n\n");
        outcome.sql().forEach((q, sql) -> out.append("<details><summary>").append(q).append("</summary>\n\n```sql\n").append(sql)
                .append("\n```\n</details>\n\n"));
        out.append("EXPLAIN (ANALYZE, BUFFERS) of the slowest statement of the slowest SQL sample of each question, run again right "
                + "after the samples:\n\n");
        for (var p : outcome.plans()) {
            out.append("<details><summary>%s — %s, statement \"%s\" (%.1f ms when run again)</summary>\n\n```\n%s\n```\n</details>\n\n"
                    .formatted(p.question(), p.path(), p.statement(), p.millis(), p.plan().strip()));
        }
    }

    private void aims(ExemplarQueryBench.Outcome outcome) {
        report.append("## Aims\n\n| Aim | Measured | Met |\n|---|---|---|\n");
        for (var r : outcome.results()) {
            boolean met = r.latencies().count() > 0 && r.latencies().millis(95) <= 100;
            report.append("| %s (%s): p95 ≤ 100 ms | p95 %.1f ms | %s |\n".formatted(r.question(), r.via(), r.latencies().millis(95),
                    met ? "yes" : "**no**"));
        }
        report.append("\nProduced by `bench/run-exemplars.sh` (vn.danvan.bench.ExemplarBench).\n");
    }

    private static String percent(double value) {
        return Double.isNaN(value) ? "–" : "%.0f %%".formatted(value);
    }

}
