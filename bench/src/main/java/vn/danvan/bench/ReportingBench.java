package vn.danvan.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The reporting figures (issue 8, point 12; contracts §7): 60 indicators and about 20 million values over
 * the real units, then q1–q5 of the aggregation peer, a province's completeness board and a full narrative
 * report — each through danvan's HTTP API beside the raw SQL of the same question on danvan's tables and
 * beside a DHIS2-style analytics table rebuilt from scratch (its rebuild time is the staleness danvan
 * avoids); writes one by one and in imports; a freshness check. Starts target/danvan.jar itself on a fresh
 * temporary data directory (durable PostgreSQL, refused otherwise) and writes bench/results/reporting-&lt;date&gt;.md.
 *
 * <p>Usage: {@code ReportingBench <repository root>}; run it through bench/run-reporting.sh.
 */
public final class ReportingBench {

    private final Path repository;
    private final ReportingSettings settings = ReportingSettings.fromEnvironment();
    private final Machine machine = Machine.current();
    private Credentials credentials;
    private final ReportingReport report;
    private CpuMeter cpu;

    private ReportingBench(Path repository) {
        this.repository = repository;
        this.report = new ReportingReport(settings, machine);
    }

    public static void main(String[] args) throws Exception {
        if (args.length != 1) {
            System.err.println("usage: ReportingBench <repository root>");
            System.exit(2);
        }
        var root = Path.of(args[0]).toAbsolutePath().normalize();
        System.out.println("Results written to " + new ReportingBench(root).run());
    }

    private Path run() throws Exception {
        BenchRun.run(repository, "reporting", settings.appHeap(), (app, dataset) -> {
            credentials = dataset.credentials();
            cpu = new CpuMeter(app::ownPids);
            System.out.printf("Machine: %s; load average %s%n", machine.summary(), machine.loadAverage());
            var start = app.start("reporting-cold");
            System.out.printf("  application healthy after %.1f s%n", start.secondsToHealthy());
            measure(app, dataset);
        });
        if (settings.peer() && !BenchRun.Dataset.generateOnly()) {
            report.peer(ReportingPeer.run(repository, settings));
        }
        var name = "reporting-" + LocalDate.now() + (settings.reduced() ? "-reduced" : "") + (BenchRun.Dataset.generateOnly() ? "-dataset" : "")
                + System.getenv().getOrDefault("BENCH_RESULT_SUFFIX", "") + ".md";
        var file = Files.createDirectories(repository.resolve("bench/results")).resolve(name);
        Files.writeString(file, report.text(settings.commit()));
        return file;
    }

    private void measure(Application app, BenchRun.Dataset dataset) throws Exception {
        dataset.expect("about %,d values".formatted(settings.values()));
        try (var database = Database.connect(app.postgresPort())) {
            var db = database.connection();
            var pg = database.settings();
            if (!pg.durable()) {
                throw new IllegalStateException("not durable, figures would not count: " + pg.summary());
            }
            report.postgres(ReportingSql.rows(db, """
                    select name, setting || coalesce(' ' || unit, '') from pg_settings
                    where name in ('server_version', 'fsync', 'synchronous_commit', 'full_page_writes', 'shared_buffers', 'work_mem',
                                   'maintenance_work_mem', 'effective_cache_size', 'max_parallel_workers_per_gather', 'max_wal_size',
                                   'checkpoint_timeout', 'random_page_cost', 'jit')
                    order by name"""));
            var admin = new WebSession(app.baseUri());
            if (!admin.login(credentials.account(0))) {
                throw new IllegalStateException("admin login failed");
            }
            if (dataset.reused()) {
                report.reused(dataset.generationNote(), Long.parseLong(ReportingSql.rows(db, "select count(*) from reporting_value").get(0).get(0)));
            } else {
                System.out.printf("Generating about %,d values%n", settings.values());
                var loadBefore = Machine.current().loadAverage();
                var cpuBefore = cpu.sample();
                var load = new ReportingGenerator(db, admin, settings).generate();
                int from = report.length();
                report.load(load, loadBefore + " → " + Machine.current().loadAverage(), cpu.othersPercentSince(cpuBefore));
                dataset.generated(settings.commit(), "about %,d values".formatted(settings.values()),
                        report.since(from).replaceFirst("## 1. Dataset\n\n", ""));
                if (BenchRun.Dataset.generateOnly()) {
                    return;
                }
            }
            var today = LocalDate.now();
            int provinceIndex = Integer.parseInt(ReportingSql.rows(db,
                    "select min(depth) + 2 from org_unit where category = 'AREA' and level = 'PROVINCE'").get(0).get(0));
            var todaySql = ReportingSql.TODAY.formatted(today, provinceIndex);
            System.out.println("DHIS2-style analytics table, rebuilt from scratch");
            report.rebuild(rebuild(app, db, todaySql, provinceIndex));
            ReportingGenerator.defineForm(db, admin);
            System.out.println("Questions (HTTP API, raw SQL, DHIS2-style table)");
            var questions = new ReportingQuestions(db, todaySql, today).all();
            var bench = new ReportingQueryBench(db, admin, settings, cpu);
            var results = new ArrayList<ReportingQueryBench.Result>();
            for (var q : questions) {
                results.add(bench.measure(q, true));
            }
            results.add(narrative(admin, db));
            report.questions(results, questions, bench.plans());
            System.out.println("Writes");
            var writes = new ReportingWriteBench(app.baseUri(), db, credentials, settings, cpu);
            report.freshness(writes.freshness(countryCode(db)));
            report.writes(writes.single(), writes.imports(), settings.importBatch());
            report.after(ReportingSql.rows(db, """
                    select 'reporting_value', count(*), pg_size_pretty(pg_total_relation_size('reporting_value')) from reporting_value
                    union all
                    select 'audit_log', count(*), pg_size_pretty(pg_total_relation_size('audit_log')) from audit_log"""));
        }
    }

    static String countryCode(Connection db) throws Exception {
        return ReportingSql.rows(db, "select code from org_unit where category = 'AREA' and level = 'CENTRAL' order by id limit 1")
                .get(0).get(0);
    }

    /** The full narrative report (the demo template BC_DAN_VAN_QUY) for Thái Nguyên today, as .docx, through the application. */
    private ReportingQueryBench.Result narrative(WebSession admin, Connection db) throws Exception {
        var province = ReportingSql.rows(db, ReportingQuestions.THAI_NGUYEN_TODAY).get(0).get(1);
        var period = "2026Q3";
        var path = "/reporting/narratives/BC_DAN_VAN_QUY/report.docx?unit=" + province + "&period=" + period;
        var latencies = new Latencies();
        String error = null;
        long bytes = 0;
        for (int i = 0; i < settings.warmUp() + settings.samples(); i++) {
            long started = System.nanoTime();
            var answer = admin.fetchBytes(path);
            long took = System.nanoTime() - started;
            if (answer[0] != 200) {
                error = "HTTP " + answer[0];
                break;
            }
            bytes = answer[1];
            if (i >= settings.warmUp()) {
                latencies.recordNanos(took);
            }
        }
        var api = new ReportingQueryBench.Via(latencies, List.of(List.of(Long.toString(bytes))), error);
        System.out.printf("  narrative report .docx: p50 %.0f ms p95 %.0f ms, %,d bytes%s%n", latencies.millis(50), latencies.millis(95),
                bytes, error == null ? "" : " " + error);
        return new ReportingQueryBench.Result("Full narrative report (.docx)", "`GET " + path + "` (demo template, its figures computed "
                + "from the demo records of the case modules and the entered values), %,d bytes".formatted(bytes), api, null, null,
                "–", Machine.current().loadAverage(), Double.NaN);
    }

    /** Drop and rebuild the analytics table: one partition per year filled by 2 jobs, an index per column, VACUUM ANALYZE, swap. */
    private ReportingReport.Rebuild rebuild(Application app, Connection db, String todaySql, int provinceIndex) throws Exception {
        long started = System.nanoTime();
        try (var st = db.createStatement()) {
            st.execute(ReportingSql.DHIS2_CREATE);
        }
        var years = new ArrayList<Integer>();
        for (int y = ReportingGenerator.FIRST_YEAR; y <= ReportingGenerator.LAST_DAY.getYear(); y++) {
            years.add(y);
        }
        var next = new AtomicInteger();
        var pool = Executors.newFixedThreadPool(2, r -> {
            var t = new Thread(r, "dhis2-rebuild");
            t.setDaemon(true);
            return t;
        });
        var jobs = new ArrayList<Future<Long>>();
        for (int j = 0; j < 2; j++) {
            jobs.add(pool.submit(() -> {
                long rows = 0;
                try (var own = Database.connect(app.postgresPort()); var st = own.connection().createStatement()) {
                    for (int i = next.getAndIncrement(); i < years.size(); i = next.getAndIncrement()) {
                        st.execute(ReportingSql.dhis2Partition(years.get(i), todaySql, provinceIndex));
                        do {
                            rows += Math.max(0, st.getUpdateCount());
                        } while (st.getMoreResults() || st.getUpdateCount() != -1);
                    }
                }
                return rows;
            }));
        }
        long rows = 0;
        for (var job : jobs) {
            rows += job.get();
        }
        double fill = (System.nanoTime() - started) / 1e9;
        long indexStarted = System.nanoTime();
        next.set(0);
        var statements = new ArrayList<String>();
        for (int y : years) {
            for (var column : ReportingSql.DHIS2_COLUMNS) {
                statements.add("create index on bench_analytics_temp_%d (%s)".formatted(y, column));
            }
        }
        jobs.clear();
        for (int j = 0; j < 2; j++) {
            jobs.add(pool.submit(() -> {
                try (var own = Database.connect(app.postgresPort()); var st = own.connection().createStatement()) {
                    for (int i = next.getAndIncrement(); i < statements.size(); i = next.getAndIncrement()) {
                        st.execute(statements.get(i));
                    }
                }
                return 0L;
            }));
        }
        for (var job : jobs) {
            job.get();
        }
        pool.shutdown();
        double index = (System.nanoTime() - indexStarted) / 1e9;
        long analyzeStarted = System.nanoTime();
        try (var st = db.createStatement()) {
            st.execute("vacuum analyze bench_analytics_temp");
        }
        double analyze = (System.nanoTime() - analyzeStarted) / 1e9;
        long swapStarted = System.nanoTime();
        try (var st = db.createStatement()) {
            st.execute(ReportingSql.DHIS2_SWAP);
        }
        double swap = (System.nanoTime() - swapStarted) / 1e9;
        double total = (System.nanoTime() - started) / 1e9;
        var size = ReportingSql.rows(db, """
                select pg_size_pretty(sum(pg_table_size(c.oid))), pg_size_pretty(sum(pg_indexes_size(c.oid)))
                from pg_class c where c.relname like 'bench_analytics_temp_%' and c.relkind = 'r'""").get(0);
        var r = new ReportingReport.Rebuild(rows, years.size(), statements.size(), fill, index, analyze, swap, total, size.get(0), size.get(1));
        System.out.printf("  %,d rows; fill %.1f s, %d indexes %.1f s, VACUUM ANALYZE %.1f s, swap %.2f s; total %.1f s%n", rows, fill,
                statements.size(), index, analyze, swap, total);
        return r;
    }

}
