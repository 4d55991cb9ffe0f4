package vn.danvan.bench;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import vn.danvan.bench.ExemplarQueryBench.Outcome;

/**
 * The oversight figures (issue 7, point 10): ten years of inspections, dialogues and People's Inspection Board activity
 * generated with set-based SQL over the real communes ({@link OversightGenerator}), then p50/p95/p99 of a province's
 * overdue recommendations, a commune's public accountability page (both tabs) and the country's figures for a year
 * through the application beside the raw SQL of the same question ({@link OversightQueryBench}). Starts
 * target/danvan.jar itself on a fresh temporary data directory (durable PostgreSQL, refused otherwise) and writes
 * bench/results/oversight-&lt;date&gt;[-reduced-…].md.
 *
 * <p>Usage: {@code OversightBench <repository root>}; run it through bench/run-oversight.sh. For development,
 * BENCH_ATTACH_URL, BENCH_ATTACH_PG_PORT and DANVAN_ADMIN_PASSWORD (BENCH_SKIP_GENERATE=1 to measure data generated
 * before) measure an application already running (bench/target/oversight-attached.md).
 */
public final class OversightBench {

    private final Path repository;
    private final OversightSettings settings = OversightSettings.fromEnvironment();
    private final Machine machine = Machine.current();
    private final StringBuilder report = new StringBuilder();
    private Credentials credentials = Credentials.random();
    private CpuMeter cpu;

    private OversightBench(Path repository) {
        this.repository = repository;
    }

    public static void main(String[] args) throws Exception {
        if (args.length != 1) {
            System.err.println("usage: OversightBench <repository root>");
            System.exit(2);
        }
        var bench = new OversightBench(Path.of(args[0]).toAbsolutePath().normalize());
        System.out.println("Results written to " + (System.getenv("BENCH_ATTACH_URL") != null ? bench.attach() : bench.run()));
    }

    private Path run() throws Exception {
        BenchRun.run(repository, "oversight", settings.appHeap(), (app, dataset) -> {
            credentials = dataset.credentials();
            cpu = new CpuMeter(app::ownPids);
            System.out.printf("Machine: %s; load average %s%n", machine.summary(), machine.loadAverage());
            var start = app.start("oversight-cold");
            System.out.printf("  application healthy after %.1f s%n", start.secondsToHealthy());
            measure(app.baseUri(), app.postgresPort(), !dataset.reused(), dataset);
        });
        var size = settings.full() ? "" : "-reduced-%dy-%s".formatted(settings.years(), String.valueOf(settings.scale()).replace('.', '_'));
        var file = Files.createDirectories(repository.resolve("bench/results")).resolve("oversight-" + LocalDate.now() + size
                + (BenchRun.Dataset.generateOnly() ? "-dataset" : "") + System.getenv().getOrDefault("BENCH_RESULT_SUFFIX", "") + ".md");
        Files.writeString(file, report.toString());
        return file;
    }

    private Path attach() throws Exception {
        credentials = new Credentials(System.getenv("DANVAN_ADMIN_PASSWORD"), "");
        cpu = new CpuMeter(() -> List.of(ProcessHandle.current().pid()));
        measure(URI.create(System.getenv("BENCH_ATTACH_URL")), Integer.parseInt(System.getenv("BENCH_ATTACH_PG_PORT")),
                !"1".equals(System.getenv("BENCH_SKIP_GENERATE")), null);
        var file = Files.createDirectories(repository.resolve("bench/target")).resolve("oversight-attached.md");
        Files.writeString(file, report.toString());
        return file;
    }

    private String describe() {
        return "%d years (%d–%d), communes drawn with probability %s, seed %d".formatted(settings.years(), settings.firstYear(),
                settings.lastYear(), settings.scale(), settings.seed());
    }

    private void measure(URI base, int pgPort, boolean generate, BenchRun.Dataset dataset) throws Exception {
        if (dataset != null) {
            dataset.expect(describe());
        }
        try (var db = Database.connect(pgPort)) {
            var pg = db.settings();
            if (!pg.durable()) {
                throw new IllegalStateException("not durable, figures would not count: " + pg.summary());
            }
            heading(pg);
            if (generate) {
                System.out.printf("Generating %d years of oversight (scale %s)%n", settings.years(), settings.scale());
                var loadBefore = Machine.current().loadAverage();
                var cpuBefore = cpu.sample();
                var load = new OversightGenerator(db.connection(), settings).generate();
                int from = report.length();
                load(load, loadBefore + " → " + Machine.current().loadAverage(), cpu.othersPercentSince(cpuBefore));
                if (dataset != null) {
                    dataset.generated(settings.commit(), describe(), report.substring(from).replaceFirst("## 1\\. [^\n]*\n\n", ""));
                    if (BenchRun.Dataset.generateOnly()) {
                        return;
                    }
                }
            } else if (dataset != null && dataset.reused()) {
                report.append("## 1. Generated dataset\n\n").append(dataset.generationNote());
            } else {
                report.append("## 1. Generated dataset\n\nMeasured on data generated before (attached).\n\n");
            }
            System.out.println("Questions (HTTP and raw SQL)");
            var bench = new OversightQueryBench(base, db.connection(), credentials, settings, cpu);
            var outcome = bench.run();
            report.append("## 2. The application's answers beside the raw SQL's counts\n\nChecked before measuring, on the same tables:\n\n");
            bench.checks().forEach(c -> report.append("- ").append(c).append('\n'));
            report.append('\n');
            queries(outcome);
        }
    }

    private void heading(Database.Settings pg) {
        var date = LocalDate.now().toString();
        report.append(String.join("\n",
                "# danvan oversight benchmark (inspections, dialogues, grassroots democracy), " + date, "",
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
                "| Generated | %d years (%d–%d, the current year up to today), communes drawn with probability %s, seed %d%s |"
                        .formatted(settings.years(), settings.firstYear(), settings.lastYear(), settings.scale(), settings.seed(),
                                settings.full() ? "" : " — **a reduced size**, not the issue's ten years over every commune"),
                "", ""));
    }

    private void load(PetitionGenerator.Load load, String loadAverage, double othersCpu) {
        var out = report.append("## 1. Generated dataset\n\n");
        out.append(load.how()).append("\n\n");
        out.append("Load average during generation: %s; others' CPU %s.\n\n".formatted(loadAverage, WorkCycleReport.percent(othersCpu)));
        out.append("| Step | Rows | Seconds | Rows/s |\n|---|--:|--:|--:|\n");
        for (var s : load.steps()) {
            out.append("| %s | %,d | %.1f | %,.0f |\n".formatted(s.name(), s.rows(), s.seconds(), s.seconds() > 0 ? s.rows() / s.seconds() : 0));
        }
        out.append("| **Total** | **%,d** | **%.1f** | |\n\n".formatted(load.totalRows(), load.totalSeconds()));
        out.append("Rows per table after loading (`count(*)`, the demo data included), and size on disk (`pg_total_relation_size`, "
                + "with indexes):\n\n| Table | Rows | Size |\n|---|--:|--:|\n");
        load.tables().forEach(t -> out.append("| %s | %,d | %s |\n".formatted(t.name(), t.rows(), t.size())));
        out.append('\n');
    }

    private void queries(Outcome outcome) {
        var out = report.append("## 3. The questions: the application beside the raw SQL\n\n");
        out.append(("One client, one request after the other (latency, not throughput): each question drawn %d times with random "
                + "parameters (fixed seed), after %d warm-up draws; first through the application (the API signed in as the "
                + "administrator through the login form; the public pages anonymously, as HTML; timed until the whole body is read), "
                + "then the same draws as the raw SQL of OversightSql over one JDBC connection (prepared statements, every row read, "
                + "the statements one after the other, their times summed). The SQL rows leave out what the application does around "
                + "its SQL: resolving the unit and its subtree (computed once per unit here), naming units and officials, the public "
                + "page's template, JSON and HTTP. Rows: for the API the total it counts (`totalElements`), for pages and forms the bytes "
                + "of the answer; for SQL the first count. Load: the 1-, 5- and 15-minute load average before → after the samples; "
                + "others' CPU: the share of the machine's CPU used by processes other than this benchmark and its application.\n\n")
                .formatted(settings.samples(), settings.warmUp()));
        out.append("| Question | Via | Samples | Rows min / median / max | p50 (ms) | p95 (ms) | p99 (ms) | max (ms) | Load | Others' CPU | Note |\n");
        out.append("|---|---|--:|---|--:|--:|--:|--:|---|--:|---|\n");
        for (var r : outcome.results()) {
            var rows = r.rows().clone();
            Arrays.sort(rows);
            out.append("| %s | %s | %,d | %,d / %,d / %,d | %.1f | %.1f | %.1f | %.1f | %s | %s | %s |\n".formatted(r.question(), r.via(),
                    r.latencies().count(), rows[0], rows[rows.length / 2], rows[rows.length - 1], r.latencies().millis(50),
                    r.latencies().millis(95), r.latencies().millis(99), r.latencies().maxMillis(), r.load(),
                    WorkCycleReport.percent(r.othersCpu()), r.note()));
        }
        out.append("\nWhere the SQL time goes, statement by statement:\n\n");
        outcome.notes().forEach(n -> out.append("- ").append(n).append('\n'));
        out.append("\nParameters drawn:\n\n");
        outcome.parameters().forEach((q, p) -> out.append("- **").append(q).append("**: ").append(p).append('\n'));
        out.append("\nThe raw SQL of each question (OversightSql). One example draw each:\n\n");
        outcome.sql().forEach((q, sql) -> out.append("<details><summary>").append(q).append("</summary>\n\n```sql\n").append(sql)
                .append("\n```\n</details>\n\n"));
        out.append("EXPLAIN (ANALYZE, BUFFERS) of the slowest statement of the slowest SQL sample of each question, run again right "
                + "after the samples:\n\n");
        for (var p : outcome.plans()) {
            out.append("<details><summary>%s — %s, statement \"%s\" (%.1f ms when run again)</summary>\n\n```\n%s\n```\n</details>\n\n"
                    .formatted(p.question(), p.path(), p.statement(), p.millis(), p.plan().strip()));
        }
        out.append("## Aims\n\n| Aim | Measured | Met |\n|---|---|---|\n");
        for (var r : outcome.results()) {
            boolean met = r.latencies().count() > 0 && r.latencies().millis(95) <= 100;
            out.append("| %s (%s): p95 ≤ 100 ms | p95 %.1f ms | %s |\n".formatted(r.question(), r.via(), r.latencies().millis(95),
                    met ? "yes" : "**no**"));
        }
        out.append("\nProduced by `bench/run-oversight.sh` (vn.danvan.bench.OversightBench).\n");
    }

}
