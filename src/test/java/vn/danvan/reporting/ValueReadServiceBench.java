package vn.danvan.reporting;

import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.function.Function;
import javax.sql.DataSource;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import vn.danvan.BenchMachine;
import vn.danvan.DanvanApplication;
import vn.danvan.identity.BenchSignIn;
import vn.danvan.identity.CurrentUsers;

/**
 * Reporting's answers through its own services, in process (contracts §7, issue 8 point 12): the aggregation
 * peer's q1–q4 as the controllers answer them — the same service call, the same read-only transaction, the signed-in
 * user and their grants read from the database on every call ({@link CurrentUsers#require()}, once per request) —
 * without HTTP, the session and JSON, beside the raw SQL of the same question on danvan's tables by plain JDBC in the
 * same JVM (as the peer measures its live SQL). Per question and way: BENCH_READ_WARMUP (2,000) calls not counted,
 * so that C2 has compiled the path, then BENCH_READ_SAMPLES (1,000) timed one after the other; the raw SQL
 * BENCH_READ_SQL_WARMUP (5) and BENCH_READ_SQL_SAMPLES (30) (its cost is PostgreSQL's, not the JIT's). Prints p50,
 * p95 and p99 of an answer and the CPU an answer costs (this JVM plus the embedded PostgreSQL's processes), and
 * compares the services' answers with the raw SQL's cell by cell.
 * <ol>
 *   <li>q1: {@code Aggregates.aggregate} (what {@code GET /api/values/aggregate} calls): BENCH_I07, the country, 2024,
 *       restated, with 2023 and the change;</li>
 *   <li>q2: {@code Pivots.pivot} ({@code GET /api/pivot}): BENCH_I07 × today's provinces, 2024;</li>
 *   <li>q3: {@code Pivots.pivot}: BENCH_I01–I10 × today's provinces × the quarters of 2024;</li>
 *   <li>q4: {@code DataValueSets.export} ({@code GET /api/dataValueSets}): BENCH_I07, old Lạng Sơn (code 20) and
 *       its communes as recorded, 2023Q1–2024Q4.</li>
 * </ol>
 *
 * <p>Not a test (its name does not end in Tests): a main that boots the application's context on DANVAN_DATA_DIR (a
 * kept reporting dataset, the application stopped). Run by {@code bench/run-value-reads.sh}, which keeps the test
 * configuration off the class path.
 */
public final class ValueReadServiceBench {

    private static final String ONE = "BENCH_I07";
    private static final List<String> EIGHT = List.of("2023Q1", "2023Q2", "2023Q3", "2023Q4", "2024Q1", "2024Q2", "2024Q3", "2024Q4");

    /** A question: the service's answer (timed), its cells (not timed) and the raw SQL of the same question. */
    private record Question(String name, Callable<Object> service, Function<Object, List<List<String>>> cells, String sql) {
    }

    private record Run(ValueWriteMillis millis, double jvmCpu, double pgCpu, int samples) {
    }

    private final ConfigurableApplicationContext context;
    private final JdbcClient jdbc;
    private final DataSource dataSource;
    private final TransactionTemplate reading;
    private final CurrentUsers users;
    private final Aggregates aggregates;
    private final Pivots pivots;
    private final DataValueSets sets;

    private ValueReadServiceBench(ConfigurableApplicationContext context) {
        this.context = context;
        jdbc = context.getBean(JdbcClient.class);
        dataSource = context.getBean(DataSource.class);
        reading = new TransactionTemplate(context.getBean(PlatformTransactionManager.class));
        reading.setReadOnly(true);
        users = context.getBean(CurrentUsers.class);
        aggregates = context.getBean(Aggregates.class);
        pivots = context.getBean(Pivots.class);
        sets = context.getBean(DataValueSets.class);
    }

    public static void main(String[] args) throws Exception {
        var app = new SpringApplication(DanvanApplication.class);
        try (var context = app.run("--server.port=0", "--server.address=127.0.0.1", "--logging.level.root=WARN")) {
            new ValueReadServiceBench(context).run();
        }
        System.exit(0);
    }

    private void run() throws Exception {
        int warmup = Integer.parseInt(BenchMachine.env("BENCH_READ_WARMUP", "2000"));
        int samples = Integer.parseInt(BenchMachine.env("BENCH_READ_SAMPLES", "1000"));
        int sqlWarmup = Integer.parseInt(BenchMachine.env("BENCH_READ_SQL_WARMUP", "5"));
        int sqlSamples = Integer.parseInt(BenchMachine.env("BENCH_READ_SQL_SAMPLES", "30"));
        var chosen = List.of(BenchMachine.env("BENCH_READ_QUESTIONS", "q1,q2,q3,q4").split(","));
        var user = BenchMachine.env("BENCH_READ_USER", "admin");
        BenchSignIn.signIn(context, user);
        System.out.printf("danvan reporting answers through its services (in process), %s; values in the database: %,d%n",
                LocalDate.now(), jdbc.sql("select count(*) from reporting_value").query(Long.class).single());
        System.out.println("  PostgreSQL: " + jdbc.sql("select string_agg(name || '=' || setting, ' ' order by name) from pg_settings "
                + "where name in ('fsync', 'synchronous_commit', 'full_page_writes', 'shared_buffers', 'server_version', 'work_mem', "
                + "'jit')").query(String.class).single());
        System.out.printf("  JVM %s, %d processors, heap max %d MB; load average at start: %s; signed in as %s%n",
                System.getProperty("java.vm.version"), Runtime.getRuntime().availableProcessors(),
                Runtime.getRuntime().maxMemory() >> 20, BenchMachine.loadAverage(), user);
        long t = System.nanoTime();
        context.getBean(ValueSummary.class).ensureCurrent();
        System.out.printf("  summary current after %.1f s%n", (System.nanoTime() - t) / 1e9);
        System.out.printf("  warm-up / samples: services %,d / %,d, raw SQL %,d / %,d%n%n", warmup, samples, sqlWarmup, sqlSamples);
        System.out.println("| Question | Way | p50 (ms) | p95 (ms) | p99 (ms) | CPU an answer: JVM + PostgreSQL (ms) | Load average |");
        System.out.println("|---|---|--:|--:|--:|--:|---|");
        var agreement = new StringBuilder();
        try (var db = dataSource.getConnection()) {
            db.setAutoCommit(true);
            for (var q : questions()) {
                if (!chosen.contains(q.name().substring(0, 2))) {
                    continue;
                }
                var service = measure(warmup, samples, q.service());
                print(q.name(), "service (in process)", service);
                var raw = measure(sqlWarmup, sqlSamples, () -> ValueReadSql.rows(db, q.sql()));
                print(q.name(), "raw SQL, JDBC (in process)", raw);
                agreement.append("  ").append(q.name()).append(": service vs raw SQL ")
                        .append(ValueReadSql.compare(q.cells().apply(q.service().call()), ValueReadSql.rows(db, q.sql())))
                        .append("; p95 ratio %.2f%n".formatted(service.millis().p(95) / raw.millis().p(95)));
            }
        }
        System.out.println();
        System.out.print(agreement);
    }

    private List<Question> questions() {
        long one = id(ONE);
        var ten = new ArrayList<Long>();
        var tenParams = new ArrayList<String>();
        for (int i = 1; i <= 10; i++) {
            ten.add(id("BENCH_I%02d".formatted(i)));
            tenParams.add("indicator=" + "BENCH_I%02d".formatted(i));
        }
        var country = jdbc.sql("select code from org_unit where category = 'AREA' and level = 'CENTRAL' order by id limit 1")
                .query(String.class).single();
        int provinceIndex = jdbc.sql("select min(depth) + 2 from org_unit where category = 'AREA' and level = 'PROVINCE'")
                .query(Integer.class).single();
        var today = ValueReadSql.today(LocalDate.now().toString(), provinceIndex);
        var oldLangSon = jdbc.sql("""
                select path from org_unit where category = 'AREA' and level = 'PROVINCE' and code = '20'
                  and validity @> date '2024-12-31'""").query(String.class).single();
        var q2 = PivotQuestion.fromQuery("indicator=%s&unit=%s&period=2024".formatted(ONE, country));
        var q3 = PivotQuestion.fromQuery("%s&unit=%s&period=2024&split=QUARTER".formatted(String.join("&", tenParams), country));
        return List.of(
                new Question("q1 1 indicator, country, 2024 → 1 number (Aggregates.aggregate)",
                        () -> reading.execute(s -> aggregates.aggregate(ONE, country, "2024", null, null, null, users.require())),
                        a -> List.of(Arrays.asList(ValueReadSql.plain(((AggregateResult) a).value()))), ValueReadSql.q1(one, 2024)),
                new Question("q2 1 indicator, 2024, restated → 34 provinces (Pivots.pivot)",
                        () -> pivots.pivot(q2, users.require()), p -> cells((Pivot) p, List.of("2024")),
                        ValueReadSql.provinces(today, List.of(one), 2024, false)),
                new Question("q3 pivot 10 × 34 × 4, restated (Pivots.pivot)",
                        () -> pivots.pivot(q3, users.require()), p -> cells((Pivot) p, List.of("2024Q1", "2024Q2", "2024Q3", "2024Q4")),
                        ValueReadSql.provinces(today, ten, 2024, true)),
                new Question("q4 old Lạng Sơn's communes × 1 indicator × 8 quarters, as recorded (DataValueSets.export)",
                        () -> reading.execute(s -> sets.export(List.of(ONE), EIGHT, List.of("20"), true, users.require())),
                        d -> ((DataValueSets.DataValueSet) d).dataValues().stream()
                                .map(v -> Arrays.asList(v.orgUnit(), v.period(), ValueReadSql.plain(v.value()))).toList(),
                        ValueReadSql.communesOf(one, oldLangSon, EIGHT)));
    }

    /** The pivot's cells of the children (not the total) for the periods given, without the options' cells. */
    private static List<List<String>> cells(Pivot pivot, List<String> periods) {
        var root = pivot.root().code();
        return pivot.cells().stream()
                .filter(c -> c.option() == null && !root.equals(c.unit()) && periods.contains(c.period()))
                .map(c -> Arrays.asList(c.indicator(), c.unit(), c.period(), ValueReadSql.plain(c.value()))).toList();
    }

    private Run measure(int warmup, int samples, Callable<?> call) throws Exception {
        for (int i = 0; i < warmup; i++) {
            call.call();
        }
        var millis = new ValueWriteMillis();
        double jvm0 = jvmCpuMillis();
        double pg0 = postgresCpuMillis();
        for (int i = 0; i < samples; i++) {
            long t0 = System.nanoTime();
            call.call();
            millis.add(System.nanoTime() - t0);
        }
        return new Run(millis, (jvmCpuMillis() - jvm0) / samples, (postgresCpuMillis() - pg0) / samples, samples);
    }

    private static void print(String question, String way, Run r) {
        System.out.printf("| %s | %s | %.2f | **%.2f** | %.2f | %.2f + %.2f | %s |%n", question, way, r.millis().p(50), r.millis().p(95),
                r.millis().p(99), r.jvmCpu(), r.pgCpu(), BenchMachine.loadAverage());
    }

    private long id(String code) {
        return jdbc.sql("select id from reporting_indicator where code = :c").param("c", code).query(Long.class).single();
    }

    private static double jvmCpuMillis() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean()).getProcessCpuTime() / 1e6;
    }

    /** CPU used so far by the embedded PostgreSQL (its postmaster and every child process), in milliseconds. */
    private static double postgresCpuMillis() {
        try {
            var pidFile = Path.of(System.getenv("DANVAN_DATA_DIR"), "pg", "postmaster.pid");
            var postmaster = Long.parseLong(Files.readAllLines(pidFile).get(0).strip());
            long ticks = 0;
            try (var procs = Files.list(Path.of("/proc"))) {
                for (var proc : (Iterable<Path>) procs::iterator) {
                    var name = proc.getFileName().toString();
                    if (!name.chars().allMatch(Character::isDigit)) {
                        continue;
                    }
                    try {
                        var stat = Files.readString(proc.resolve("stat"));
                        var fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
                        if (Long.parseLong(name) == postmaster || Long.parseLong(fields[1]) == postmaster) {
                            ticks += Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
                        }
                    } catch (java.io.IOException | RuntimeException gone) {
                        // the process ended meanwhile
                    }
                }
            }
            return ticks * 10.0;
        } catch (java.io.IOException | RuntimeException e) {
            return 0;
        }
    }


}
