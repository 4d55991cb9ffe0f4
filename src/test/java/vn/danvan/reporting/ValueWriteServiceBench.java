package vn.danvan.reporting;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import javax.sql.DataSource;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.AuthorityUtils;
import org.springframework.security.core.context.SecurityContextHolder;
import vn.danvan.BenchMachine;
import vn.danvan.DanvanApplication;
import vn.danvan.identity.CurrentUser;
import vn.danvan.identity.Grant;
import vn.danvan.identity.OrgScope;
import vn.danvan.identity.Role;
import vn.danvan.orgunit.OrgUnits;

/**
 * Reporting's write rates through its own services, in process (contracts §7, issue 8 point 12), as
 * {@code LifecycleServiceBench} measures the petition lifecycle: no HTTP, no session. Four ways, each
 * run BENCH_WRITE_SECONDS (15) at BENCH_WRITE_WORKERS (1,4,8), closed loop, a CHECKPOINT before each run:
 * <ol>
 *   <li>{@code ReportValues.save}: one value per call, each call one transaction with the indicator and
 *       period checks, the unit read as of the period's last day, the officer's write scope, the lock of
 *       approved data, the value type, the audit record and the summary kept in the same statement;</li>
 *   <li>raw SQL, one value: the same upsert and summary statement ({@link SummaryInStatement}) by plain
 *       JDBC, autocommit — the ceiling of one value per transaction;</li>
 *   <li>{@code DataValueSets.importValues} of BENCH_WRITE_BATCH (1,000) values: every row checked, one
 *       import record and audit record, the replaced values kept, the summary kept;</li>
 *   <li>raw SQL, BENCH_WRITE_BATCH values: the same upsert over arrays and the summary, one statement.</li>
 * </ol>
 * Keys are random over BENCH_I01–I40 (quarterly SUM) × 2025Q3–2026Q3 × the communes valid today within
 * each worker's officer's scope (officers with a writing role at a province, one per worker in turn):
 * inserts and updates mixed, as {@code ReportingWriteBench} does over HTTP. Prints values/s, p50/p95 of a
 * call, commits and WAL per value, and checks afterwards that the summary still equals the values.
 *
 * <p>Not a test (its name does not end in Tests): a main that boots the application's context on
 * DANVAN_DATA_DIR (a kept reporting dataset, the application stopped). Run by
 * {@code bench/run-value-writes.sh}, which keeps the test configuration off the class path.
 */
public final class ValueWriteServiceBench {

    private static final List<String> QUARTERS = List.of("2025Q3", "2025Q4", "2026Q1", "2026Q2", "2026Q3");

    /** A worker's officer and the commune codes it may write for. */
    private record Officer(CurrentUser user, List<String> communes, List<Long> communeIds) {
    }

    private record Result(double seconds, long values, long calls, long errors, String firstError, ValueWriteMillis call, long commits,
                          long walBytes, double cpuMillis) {
    }

    @FunctionalInterface
    private interface Call {
        /** Writes; answers the number of values written. */
        int write(Officer officer, Random random, Connection raw) throws Exception;
    }

    private final ReportValues values;
    private final DataValueSets imports;
    private final JdbcClient jdbc;
    private final DataSource dataSource;
    private final OrgUnits units;
    private final OrgScope scope;
    private final ValueSummary summary;
    private final int batch;
    private final List<Long> indicatorIds = new ArrayList<>();
    private final ValueWriteRawCeiling rawCeiling;

    private ValueWriteServiceBench(ConfigurableApplicationContext context, int batch) {
        values = context.getBean(ReportValues.class);
        imports = context.getBean(DataValueSets.class);
        jdbc = context.getBean(JdbcClient.class);
        dataSource = context.getBean(DataSource.class);
        units = context.getBean(OrgUnits.class);
        scope = context.getBean(OrgScope.class);
        summary = context.getBean(ValueSummary.class);
        this.batch = batch;
        for (int i = 1; i <= 40; i++) {
            indicatorIds.add(jdbc.sql("select id from reporting_indicator where code = :c").param("c", code(i)).query(Long.class).single());
        }
        rawCeiling = new ValueWriteRawCeiling(indicatorIds, batch, QUARTERS);
    }

    public static void main(String[] args) throws Exception {
        var seconds = Integer.parseInt(BenchMachine.env("BENCH_WRITE_SECONDS", "15"));
        var workers = Arrays.stream(BenchMachine.env("BENCH_WRITE_WORKERS", "1,4,8").split(",")).map(String::strip)
                .mapToInt(Integer::parseInt).toArray();
        var batch = Integer.parseInt(BenchMachine.env("BENCH_WRITE_BATCH", "1000"));
        var ways = List.of(BenchMachine.env("BENCH_WRITE_WAYS", "save,raw,import,rawimport").split(","));
        var app = new SpringApplication(DanvanApplication.class);
        try (var context = app.run("--server.port=0", "--server.address=127.0.0.1", "--logging.level.root=WARN")) {
            new ValueWriteServiceBench(context, batch).run(seconds, workers, ways);
        }
        System.exit(0);
    }

    private void run(int seconds, int[] workerCounts, List<String> ways) throws Exception {
        var most = Arrays.stream(workerCounts).max().orElse(1);
        var officers = officers(most);
        System.out.printf("danvan reporting writes through its services (in process), %s; values in the database: %,d%n",
                LocalDate.now(), jdbc.sql("select count(*) from reporting_value").query(Long.class).single());
        System.out.println("  PostgreSQL: " + jdbc.sql("select string_agg(name || '=' || setting, ' ' order by name) from pg_settings "
                + "where name in ('fsync', 'synchronous_commit', 'full_page_writes', 'shared_buffers', 'server_version', "
                + "'commit_delay', 'wal_sync_method')").query(String.class).single());
        System.out.printf("  JVM %s, %d processors; load average at start: %s%n", System.getProperty("java.vm.version"),
                Runtime.getRuntime().availableProcessors(), BenchMachine.loadAverage());
        officers.stream().distinct().forEach(o -> System.out.printf("  officer %s: %d communes in scope%n", o.user().username(),
                o.communes().size()));
        // the generation marked the summary stale (writes leave a stale summary alone): rebuild it before measuring
        long t = System.nanoTime();
        summary.ensureCurrent();
        System.out.printf("  summary rebuilt in %.1f s; current: %s%n", (System.nanoTime() - t) / 1e9,
                jdbc.sql("select reporting_summary_current()").query(Boolean.class).single());
        System.out.println();
        System.out.println("| Way | Workers | Seconds | Values | Values/s | Calls/s | Errors | Call p50 / p95 (ms) | Commits per call "
                + "| WAL per value (B) | CPU per value (ms) | Load average (1 min) |");
        System.out.println("|---|--:|--:|--:|--:|--:|--:|---|--:|--:|--:|---|");
        var errors = new StringBuilder();
        for (var way : ways) {
            Call call = switch (way.strip()) {
                case "save" -> this::save;
                case "raw" -> (o, r, c) -> rawCeiling.one(o.communeIds(), r, c);
                case "import" -> this::importBatch;
                case "rawimport" -> (o, r, c) -> rawCeiling.batch(o.communeIds(), r, c);
                default -> throw new IllegalArgumentException("unknown way " + way);
            };
            // a warm-up of each way (JIT, plans), not counted: BENCH_WRITE_WARMUP seconds (2); the import's first
            // seconds in a fresh JVM spend about as much CPU compiling it (C2) as running it
            var rawWay = way.strip().startsWith("raw");
            measure(officers, 1, Integer.parseInt(BenchMachine.env("BENCH_WRITE_WARMUP", "2")), call, rawWay);
            for (var n : workerCounts) {
                jdbc.sql("checkpoint").update();
                var r = measure(officers, n, seconds, call, rawWay);
                System.out.printf("| %s | %d | %.1f | %,d | **%,.0f** | %,.1f | %d | %.1f / %.1f | %.2f | %,.0f | %.3f | %s |%n", label(way),
                        n, r.seconds, r.values, r.values / r.seconds, r.calls / r.seconds, r.errors, r.call.p(50), r.call.p(95),
                        r.calls == 0 ? 0.0 : (double) r.commits / r.calls, r.values == 0 ? 0.0 : (double) r.walBytes / r.values,
                        r.values == 0 ? 0.0 : r.cpuMillis / r.values, BenchMachine.loadAverage());
                if (r.firstError != null) {
                    errors.append("  ").append(way).append(" × ").append(n).append(": ").append(r.firstError).append('\n');
                }
            }
        }
        System.out.print(errors);
        if (!"0".equals(BenchMachine.env("BENCH_WRITE_EXPLAIN", "1"))) {
            explain(officers.get(0));
        }
        System.out.println("  summary equals the values afterwards: " + summaryMatches());
    }

    private static String label(String way) {
        return switch (way.strip()) {
            case "save" -> "ReportValues.save (1 value)";
            case "raw" -> "raw SQL, 1 value per transaction";
            case "import" -> "DataValueSets.importValues (batch)";
            case "rawimport" -> "raw SQL, batch per transaction";
            default -> way;
        };
    }

    private int save(Officer o, Random random, Connection raw) {
        int c = random.nextInt(o.communes().size());
        values.save(new ValueInput(code(1 + random.nextInt(40)), o.communes().get(c), QUARTERS.get(random.nextInt(QUARTERS.size())),
                null, random.nextInt(200), null), o.user());
        return 1;
    }

    private int importBatch(Officer o, Random random, Connection raw) {
        var keys = new LinkedHashSet<String>();
        var rows = new ArrayList<DataValueSets.DataValue>();
        while (rows.size() < batch) {
            var indicator = code(1 + random.nextInt(40));
            var unit = o.communes().get(random.nextInt(o.communes().size()));
            var period = QUARTERS.get(random.nextInt(QUARTERS.size()));
            if (keys.add(indicator + unit + period)) {
                rows.add(new DataValueSets.DataValue(indicator, period, unit, null, null, Integer.toString(random.nextInt(200)), null, null,
                        null, null));
            }
        }
        var summary = imports.importValues(new DataValueSets.DataValueSet(null, null, null, null, rows), false,
                DataValueSets.AtomicMode.NONE, o.user());
        int stored = summary.importCount().imported() + summary.importCount().updated();
        if (!"SUCCESS".equals(summary.status()) || stored != batch) {
            throw new IllegalStateException("import " + summary.status() + ", stored " + stored + " of " + batch + ": "
                    + summary.conflicts().stream().limit(1).toList());
        }
        return batch;
    }

    private Result measure(List<Officer> officers, int workers, int seconds, Call call, boolean rawWay) throws Exception {
        var pool = Executors.newFixedThreadPool(workers);
        try {
            var go = new CountDownLatch(1);
            var futures = new ArrayList<Future<Object[]>>();
            long deadline = System.nanoTime() + seconds * 1_000_000_000L;
            for (int i = 0; i < workers; i++) {
                var officer = officers.get(i);
                var seed = 31L * i + System.nanoTime();
                futures.add(pool.submit(() -> {
                    SecurityContextHolder.getContext().setAuthentication(UsernamePasswordAuthenticationToken.authenticated(
                            officer.user().username(), null, AuthorityUtils.NO_AUTHORITIES));
                    var random = new Random(seed);
                    // the raw ways hold a connection of their own; the services take theirs from the pool per call
                    try (var raw = rawWay ? dataSource.getConnection() : null) {
                        if (raw != null) {
                            raw.setAutoCommit(true);
                        }
                        go.await();
                        var latencies = new ValueWriteMillis();
                        long written = 0;
                        long calls = 0;
                        long errors = 0;
                        String firstError = null;
                        while (System.nanoTime() < deadline) {
                            long t0 = System.nanoTime();
                            try {
                                written += call.write(officer, random, raw);
                                latencies.add(System.nanoTime() - t0);
                                calls++;
                            } catch (Exception e) {
                                errors++;
                                firstError = firstError != null ? firstError : e.toString();
                                if (errors > 50 && calls == 0) {
                                    break;
                                }
                            }
                        }
                        return new Object[] {written, calls, errors, firstError, latencies};
                    }
                }));
            }
            long commitsBefore = commits();
            double cpuBefore = cpuMillis();
            var walBefore = jdbc.sql("select cast(pg_current_wal_lsn() as text)").query(String.class).single();
            long t = System.nanoTime();
            go.countDown();
            long written = 0;
            long calls = 0;
            long errors = 0;
            String firstError = null;
            var latencies = new ValueWriteMillis();
            for (var f : futures) {
                var r = f.get();
                written += (long) r[0];
                calls += (long) r[1];
                errors += (long) r[2];
                firstError = firstError != null ? firstError : (String) r[3];
                latencies.addAll((ValueWriteMillis) r[4]);
            }
            double elapsed = (System.nanoTime() - t) / 1e9;
            double cpu = cpuMillis() - cpuBefore;
            long commits = commits() - commitsBefore;
            long walBytes = jdbc.sql("select cast(pg_wal_lsn_diff(pg_current_wal_lsn(), cast(:before as pg_lsn)) as bigint)")
                    .param("before", walBefore).query(Long.class).single();
            return new Result(elapsed, written, calls, errors, firstError, latencies, commits, walBytes, cpu);
        } finally {
            pool.shutdownNow();
        }
    }

    /**
     * EXPLAIN (ANALYZE, BUFFERS) of the write statements, each in a transaction rolled back: one value by
     * {@link ValueWrites} (the path of ReportValues.save), and the upsert of a batch over arrays with its summary.
     */
    private void explain(Officer o) throws SQLException {
        var random = new Random(7);
        try (var c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            var period = vn.danvan.form.ReportPeriod.parse("2026Q1", "period");
            var sql = ValueWrites.STATEMENT.replace(":indicatorVersion", "?").replace(":indicator", "?").replace(":unit", "?")
                    .replace(":period", "?").replace(":from", "?").replace(":to", "?").replace(":combo", "?")
                    .replace(":value", "?").replace(":text", "?").replace(":by", "?").replace(":expected", "?");
            System.out.println();
            System.out.println("EXPLAIN (ANALYZE, BUFFERS) of one value (ValueWrites), parameters inlined in order of appearance:");
            // the named parameters in order of appearance in the statement text
            var names = new ArrayList<String>();
            var m = java.util.regex.Pattern.compile(":(indicatorVersion|indicator|unit|period|from|to|combo|value|text|by|expected)\\b")
                    .matcher(ValueWrites.STATEMENT);
            while (m.find()) {
                names.add(m.group(1));
            }
            long indicator = indicatorIds.get(random.nextInt(40));
            long version = jdbc.sql("select version from reporting_indicator where id = :id").param("id", indicator).query(Integer.class).single();
            try (var s = c.prepareStatement("explain (analyze, buffers, costs off) " + sql)) {
                for (int i = 0; i < names.size(); i++) {
                    Object v = switch (names.get(i)) {
                        case "indicator" -> indicator;
                        case "indicatorVersion" -> (int) version;
                        case "unit" -> o.communeIds().get(0);
                        case "period" -> period.identifier();
                        case "from" -> java.sql.Date.valueOf(period.from());
                        case "to" -> java.sql.Date.valueOf(period.to());
                        case "combo" -> "";
                        case "value" -> java.math.BigDecimal.valueOf(42);
                        case "text" -> null;
                        case "by" -> "bench";
                        default -> null;
                    };
                    if (v == null) {
                        s.setNull(i + 1, "text".equals(names.get(i)) ? java.sql.Types.VARCHAR : java.sql.Types.INTEGER);
                    } else {
                        s.setObject(i + 1, v);
                    }
                }
                try (var rs = s.executeQuery()) {
                    while (rs.next()) {
                        System.out.println("    " + rs.getString(1));
                    }
                }
            }
            c.rollback();
            System.out.println();
            System.out.println("EXPLAIN (ANALYZE, BUFFERS) of a batch of " + batch + " values over arrays with the summary (raw SQL way):");
            var keys = new java.util.TreeSet<String>();
            var rows = new ArrayList<Object[]>();
            while (rows.size() < batch) {
                long ind = indicatorIds.get(random.nextInt(40));
                long unit = o.communeIds().get(random.nextInt(o.communeIds().size()));
                var q = QUARTERS.get(random.nextInt(QUARTERS.size()));
                if (keys.add(ind + "/" + unit + "/" + q)) {
                    rows.add(new Object[] {ind, unit, q});
                }
            }
            rows.sort(java.util.Comparator.comparingLong((Object[] r) -> (long) r[0]).thenComparingLong(r -> (long) r[1])
                    .thenComparing(r -> (String) r[2]));
            try (var s = c.prepareStatement("explain (analyze, buffers, costs off) " + ValueWriteRawCeiling.RAW_BATCH)) {
                int n = rows.size();
                var ps = rows.stream().map(r -> vn.danvan.form.ReportPeriod.parse((String) r[2], "period")).toList();
                s.setArray(1, c.createArrayOf("bigint", rows.stream().map(r -> r[0]).toArray()));
                s.setArray(2, c.createArrayOf("bigint", rows.stream().map(r -> r[1]).toArray()));
                s.setArray(3, c.createArrayOf("text", rows.stream().map(r -> r[2]).toArray()));
                s.setArray(4, c.createArrayOf("date", ps.stream().map(p -> p.from().toString()).toArray()));
                s.setArray(5, c.createArrayOf("date", ps.stream().map(p -> p.to().toString()).toArray()));
                s.setArray(6, c.createArrayOf("numeric", rows.stream().map(r -> java.math.BigDecimal.valueOf(random.nextInt(200))).toArray()));
                try (var rs = s.executeQuery()) {
                    while (rs.next()) {
                        System.out.println("    " + rs.getString(1));
                    }
                }
            }
            c.rollback();
        }
    }

    /** Officers with a writing role at a province valid today, each with the communes of its scope; repeated to {@code n}. */
    private List<Officer> officers(int n) {
        var today = LocalDate.now();
        var accounts = jdbc.sql("""
                select distinct u.id, u.username, u.display_name, u.home_unit_id
                from identity_user u
                join identity_role_assignment a on a.user_id = u.id and a.role in ('OFFICER', 'LEADER')
                join org_unit p on p.id = a.unit_id and p.level = 'PROVINCE' and p.validity @> current_date
                where u.username not like 'admin%'
                order by u.username
                """).query((rs, i) -> new Object[] {rs.getLong(1), rs.getString(2), rs.getString(3), rs.getLong(4)}).list();
        var communes = jdbc.sql("""
                select id, code from org_unit where category = 'AREA' and level = 'COMMUNE' and validity @> current_date order by code
                """).query((rs, i) -> new Object[] {rs.getLong(1), rs.getString(2)}).list();
        var found = new ArrayList<Officer>();
        for (var a : accounts) {
            long id = (long) a[0];
            var grants = jdbc.sql("select id, role, unit_id from identity_role_assignment where user_id = :u").param("u", id)
                    .query((rs, i) -> new Grant(rs.getLong(1), Role.valueOf(rs.getString(2)), rs.getLong(3),
                            units.scopePaths(rs.getLong(3)))).list();
            var user = new CurrentUser(id, (String) a[1], (String) a[2], (long) a[3], grants);
            var codes = new ArrayList<String>();
            var ids = new ArrayList<Long>();
            for (var c : communes) {
                if (scope.canWrite(user, (long) c[0])) {
                    ids.add((long) c[0]);
                    codes.add((String) c[1]);
                }
            }
            if (!codes.isEmpty()) {
                found.add(new Officer(user, codes, ids));
            }
        }
        if (found.isEmpty()) {
            throw new IllegalStateException("no officer with a writing role at a province (is the demo data loaded?) on " + today);
        }
        var list = new ArrayList<Officer>();
        for (int i = 0; i < n; i++) {
            list.add(found.get(i % found.size()));
        }
        return list;
    }

    /** The summary of BENCH_I01–I40 for 2025Q3–2026Q3 (every area: the country, the provinces) against the live sums of the values. */
    private String summaryMatches() {
        var row = jdbc.sql("""
                with live as (
                    select v.indicator_id, w.area_id, v.period, sum(w.weight * v.value) as total, count(*) as counted
                    from reporting_value v
                    join reporting_summary_weight w on w.unit_id = v.unit_id and w.weight > 0
                    where v.indicator_id = any(cast(:ids as bigint[])) and v.period = any(cast(:periods as text[]))
                      and v.option_combo = '' and v.value is not null
                    group by 1, 2, 3
                )
                select count(*), count(*) filter (where s.total is distinct from l.total or s.counted is distinct from l.counted)
                from live l
                left join reporting_summary s on s.indicator_id = l.indicator_id and s.area_id = l.area_id and s.period = l.period
                     and s.option_combo = ''
                """).param("ids", indicatorIds.toArray(Long[]::new)).param("periods", QUARTERS.toArray(String[]::new))
                .query((rs, i) -> rs.getLong(1) + " cells (indicator × area × quarter) compared, " + rs.getLong(2) + " differ").single();
        return jdbc.sql("select reporting_summary_current()").query(Boolean.class).single() ? row : "summary not current (" + row + ")";
    }

    /**
     * CPU time used so far by this JVM and by the embedded PostgreSQL (its postmaster and every child process), in
     * milliseconds: what a value costs the machine, which the machine's load changes far less than the wall time.
     */
    private double cpuMillis() {
        double jvm = ((com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory.getOperatingSystemMXBean())
                .getProcessCpuTime() / 1e6;
        try {
            var dataDir = System.getenv("DANVAN_DATA_DIR");
            var postmaster = Long.parseLong(java.nio.file.Files.readAllLines(java.nio.file.Path.of(dataDir, "pg", "postmaster.pid")).get(0)
                    .strip());
            long ticks = 0;
            try (var procs = java.nio.file.Files.list(java.nio.file.Path.of("/proc"))) {
                for (var proc : (Iterable<java.nio.file.Path>) procs::iterator) {
                    var name = proc.getFileName().toString();
                    if (!name.chars().allMatch(Character::isDigit)) {
                        continue;
                    }
                    try {
                        var stat = java.nio.file.Files.readString(proc.resolve("stat"));
                        var fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
                        long pid = Long.parseLong(name);
                        long ppid = Long.parseLong(fields[1]);
                        if (pid == postmaster || ppid == postmaster) {
                            ticks += Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
                        }
                    } catch (java.io.IOException | RuntimeException gone) {
                        // the process ended meanwhile
                    }
                }
            }
            return jvm + ticks * 10.0;
        } catch (java.io.IOException | RuntimeException e) {
            return jvm;
        }
    }

    private long commits() {
        return jdbc.sql("select xact_commit from pg_stat_database where datname = current_database()").query(Long.class).single();
    }

    static String code(int i) {
        return "BENCH_I%02d".formatted(i);
    }


}
