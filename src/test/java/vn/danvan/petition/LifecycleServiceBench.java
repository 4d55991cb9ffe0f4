package vn.danvan.petition;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
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
import vn.danvan.identity.Role;
import vn.danvan.orgunit.OrgUnits;

/**
 * Complete complaint lifecycles per second through danvan's own services, in process, as the peers
 * of contracts §7 run theirs (no HTTP, no session): receive, classify (ACCEPT opens the matter),
 * accept with its due date, assign, verify, resolve (DECIDE) and enforce and close — seven calls of
 * PetitionManagement / MatterManagement, each one transaction with its scope check, timeline step
 * and audit record. Runs of BENCH_LIFECYCLE_SECONDS (30) at BENCH_LIFECYCLE_WORKERS (1,4,8), each
 * worker one demo officer running one lifecycle after the other, a CHECKPOINT before each run, every
 * matter checked CLOSED afterwards; prints lifecycles/s, step latencies and commits per lifecycle.
 *
 * <p>Not a test (its name does not end in Tests): a main that boots the application's context on
 * DANVAN_DATA_DIR, the application itself stopped. Run by {@code bench/run-lifecycle-services.sh},
 * which puts only this class beside target/classes (the test configuration stays out).
 */
public final class LifecycleServiceBench {

    private record Desk(String username, String unit, String place) {
    }

    private static final List<Desk> DESKS = List.of(
            new Desk("canbo.langson", "20.BTCD", "05983"), new Desk("canbo.thainguyen", "19.UBND", "05443"),
            new Desk("canbo.dongkinh", "05977.UBND", "05977"), new Desk("canbo.luongvantri", "05983.UBND", "05983"));

    private static final String[] STEPS = {"receive", "classify", "accept", "assign", "verify", "resolve", "enforce+close"};

    /** A worker's identity and the units it writes at, resolved once. */
    private record Officer(CurrentUser user, long unitId, long placeId) {
    }

    private final PetitionManagement petitions;
    private final MatterManagement matters;
    private final JdbcClient jdbc;
    private final MatterStates matterStates;
    private final OrgUnits units;

    private LifecycleServiceBench(ConfigurableApplicationContext context) {
        petitions = context.getBean(PetitionManagement.class);
        matters = context.getBean(MatterManagement.class);
        jdbc = context.getBean(JdbcClient.class);
        matterStates = context.getBean(MatterStates.class);
        units = context.getBean(OrgUnits.class);
    }

    public static void main(String[] args) throws Exception {
        var seconds = Integer.parseInt(BenchMachine.env("BENCH_LIFECYCLE_SECONDS", "30"));
        // 20 s: about the peers' warm-up of 2,000 lifecycles (../shared/peers/lifecycle). With 5 s (~500 lifecycles) the
        // first run, one worker, still measured the JIT and the new connections' caches: 40.8 against 71.6 per second,
        // 24.3 against 12.5 ms of CPU per lifecycle (bench/results/lifecycle-services-2026-12-02-s19.md).
        var warmUp = Integer.parseInt(BenchMachine.env("BENCH_LIFECYCLE_WARMUP_SECONDS", "20"));
        var workers = Arrays.stream(BenchMachine.env("BENCH_LIFECYCLE_WORKERS", "1,4,8").split(",")).map(String::strip)
                .mapToInt(Integer::parseInt).toArray();
        var trace = Integer.parseInt(BenchMachine.env("BENCH_LIFECYCLE_TRACE", "0"));
        var app = new SpringApplication(DanvanApplication.class);
        var jdbcLog = "--logging.level.org.springframework.jdbc.core.JdbcTemplate=" + (trace > 0 ? "DEBUG" : "WARN");
        try (var context = app.run("--server.port=0", "--server.address=127.0.0.1", "--logging.level.root=WARN", jdbcLog)) {
            if (trace > 0) {
                new LifecycleServiceBench(context).trace(trace);
            } else {
                new LifecycleServiceBench(context).run(seconds, warmUp, workers);
            }
        }
        System.exit(0);
    }

    private void run(int seconds, int warmUp, int[] workerCounts) throws Exception {
        var most = Arrays.stream(workerCounts).max().orElse(1);
        var officers = new ArrayList<Officer>();
        for (int i = 0; i < most; i++) {
            officers.add(officer(DESKS.get(i % DESKS.size())));
        }
        System.out.printf("danvan complaint lifecycle through its services (in process), %s; petitions in the database: %,d%n",
                LocalDate.now(), jdbc.sql("select count(*) from petition").query(Long.class).single());
        System.out.println("  PostgreSQL: " + jdbc.sql("select string_agg(name || '=' || setting, ' ' order by name) from pg_settings "
                + "where name in ('fsync', 'synchronous_commit', 'full_page_writes', 'shared_buffers', 'server_version')")
                .query(String.class).single());
        System.out.printf("  JVM %s, %d processors; load average at start: %s%n", System.getProperty("java.vm.version"),
                Runtime.getRuntime().availableProcessors(), BenchMachine.loadAverage());
        // one lifecycle checked
        var check = new ArrayList<Long>();
        lifecycle(officers.get(0), 0, Millis.perStep(), check);
        System.out.println("  one lifecycle: matter " + check.get(0) + " " + status(check.get(0)));
        measure(officers, most, warmUp);
        System.out.println();
        System.out.println("| Workers | Seconds | Lifecycles | Lifecycles/s | Errors | Lifecycle p50 / p95 (ms) | Step p50 / p95 (ms) "
                + "| Commits per lifecycle | WAL per lifecycle (kB) | CPU per lifecycle: JVM + PostgreSQL (ms) | Load average (1 min) |");
        System.out.println("|--:|--:|--:|--:|--:|---|---|--:|--:|--:|---|");
        var details = new StringBuilder();
        for (var n : workerCounts) {
            jdbc.sql("checkpoint").update();
            var r = measure(officers, n, seconds);
            var perLifecycle = Math.max(1, r.lifecycles);
            System.out.printf("| %d | %.1f | %,d | **%.1f** | %d | %.1f / %.1f | %.1f / %.1f | %.1f | %.1f | %.2f + %.2f = **%.2f** | %s |%n",
                    n, r.seconds, r.lifecycles, r.lifecycles / r.seconds, r.errors, r.lifecycle.p(50), r.lifecycle.p(95), r.step.p(50),
                    r.step.p(95), (double) r.commits / perLifecycle, r.walBytes / 1024.0 / perLifecycle,
                    r.jvmCpuNanos / 1e6 / perLifecycle, r.pgCpuNanos / 1e6 / perLifecycle,
                    (r.jvmCpuNanos + r.pgCpuNanos) / 1e6 / perLifecycle, BenchMachine.loadAverage());
            details.append("  ").append(n).append(" workers, per step p50 / p95 (ms):");
            for (int s = 0; s < STEPS.length; s++) {
                details.append(String.format(" %s %.1f / %.1f;", STEPS[s], r.bySteps[s].p(50), r.bySteps[s].p(95)));
            }
            details.append(r.firstError == null ? "" : " first error: " + r.firstError).append('\n');
        }
        System.out.print(details);
    }

    /**
     * BENCH_LIFECYCLE_TRACE=n: n lifecycles by one officer, one after the other, each step followed by a line
     * "-- step <name>: <ms> ms, <WAL bytes> B WAL, <commits> commits"; with the JdbcTemplate's statements logged
     * (DEBUG) between those lines, the statements of a step are the log lines above its line.
     */
    private void trace(int lifecycles) {
        var officer = officer(DESKS.get(0));
        SecurityContextHolder.getContext().setAuthentication(UsernamePasswordAuthenticationToken.authenticated(
                officer.user().username(), null, AuthorityUtils.NO_AUTHORITIES));
        for (int i = 1; i <= lifecycles; i++) {
            System.out.println("-- lifecycle " + i);
            var steps = new Millis[STEPS.length];
            Arrays.setAll(steps, s -> new TracedMillis(STEPS[s]));
            traceWal = walNow();
            lifecycle(officer, i, steps, new ArrayList<>());
        }
    }

    /** A step's time and (printed) the WAL written since the previous step ended (statistics of commits lag, WAL does not). */
    private final class TracedMillis extends Millis {
        private final String name;

        TracedMillis(String name) {
            this.name = name;
        }

        @Override
        long since(long start) {
            long now = System.nanoTime();
            add(now - start);
            System.out.println("-- end of statements of step " + name);
            long walBytes = jdbc.sql("select cast(pg_wal_lsn_diff(pg_current_wal_insert_lsn(), cast(:w as pg_lsn)) as bigint)")
                    .param("w", traceWal).query(Long.class).single();
            System.out.printf("-- step %s: %.1f ms, %,d B WAL%n", name, (now - start) / 1e6, walBytes);
            traceWal = walNow();
            return System.nanoTime();
        }
    }

    private String traceWal;

    private String walNow() {
        return jdbc.sql("select cast(pg_current_wal_insert_lsn() as text)").query(String.class).single();
    }

    private record Result(double seconds, long lifecycles, long errors, String firstError, Millis lifecycle, Millis step,
                          Millis[] bySteps, long commits, long walBytes, long jvmCpuNanos, long pgCpuNanos) {
    }

    private Result measure(List<Officer> officers, int workers, int seconds) throws Exception {
        var pool = Executors.newFixedThreadPool(workers);
        var closedMatters = new ConcurrentLinkedQueue<Long>();
        try {
            var go = new CountDownLatch(1);
            var futures = new ArrayList<Future<Object[]>>();
            long deadline = System.nanoTime() + seconds * 1_000_000_000L;
            for (int i = 0; i < workers; i++) {
                var officer = officers.get(i);
                futures.add(pool.submit(() -> {
                    SecurityContextHolder.getContext().setAuthentication(UsernamePasswordAuthenticationToken.authenticated(
                            officer.user().username(), null, AuthorityUtils.NO_AUTHORITIES));
                    go.await();
                    var lifecycle = new Millis();
                    var steps = Millis.perStep();
                    long done = 0;
                    long errors = 0;
                    String firstError = null;
                    var mine = new ArrayList<Long>();
                    long n = 0;
                    while (System.nanoTime() < deadline) {
                        long t0 = System.nanoTime();
                        try {
                            lifecycle(officer, ++n, steps, mine);
                            lifecycle.add(System.nanoTime() - t0);
                            done++;
                        } catch (RuntimeException e) {
                            errors++;
                            firstError = firstError != null ? firstError : e.toString();
                            if (errors > 50 && done == 0) {
                                break;
                            }
                        }
                    }
                    closedMatters.addAll(mine);
                    return new Object[] {done, errors, firstError, lifecycle, steps};
                }));
            }
            long commitsBefore = commits();
            var walBefore = jdbc.sql("select cast(pg_current_wal_lsn() as text)").query(String.class).single();
            long jvmCpuBefore = jvmCpuNanos();
            long pgCpuBefore = pgCpuNanos();
            long t = System.nanoTime();
            go.countDown();
            long done = 0;
            long errors = 0;
            String firstError = null;
            var lifecycle = new Millis();
            var step = new Millis();
            var bySteps = Millis.perStep();
            for (var f : futures) {
                var r = f.get();
                done += (long) r[0];
                errors += (long) r[1];
                firstError = firstError != null ? firstError : (String) r[2];
                lifecycle.addAll((Millis) r[3]);
                var steps = (Millis[]) r[4];
                for (int s = 0; s < STEPS.length; s++) {
                    bySteps[s].addAll(steps[s]);
                    step.addAll(steps[s]);
                }
            }
            // The matters' states still pending are written into their rows within the measured time (V118): the work
            // the steps leave to the application of pending states is part of what a lifecycle costs.
            matterStates.applyNow();
            double elapsed = (System.nanoTime() - t) / 1e9;
            long jvmCpu = jvmCpuNanos() - jvmCpuBefore;
            long pgCpu = pgCpuNanos() - pgCpuBefore;
            long commits = commits() - commitsBefore;
            // WAL written during the run, whatever the machine's load: what every step costs the disk (a checkpoint
            // precedes each run, so first changes of pages write full-page images, as in service)
            long walBytes = jdbc.sql("select cast(pg_wal_lsn_diff(pg_current_wal_lsn(), cast(:before as pg_lsn)) as bigint)")
                    .param("before", walBefore).query(Long.class).single();
            var ids = List.copyOf(closedMatters);
            long closed = ids.isEmpty() ? 0 : jdbc.sql("select count(*) from petition_matter where id = any(:ids) and status = 'CLOSED'")
                    .param("ids", ids.toArray(Long[]::new)).query(Long.class).single();
            if (closed != done) {
                throw new IllegalStateException("%d lifecycles done, %d of their matters CLOSED".formatted(done, closed));
            }
            return new Result(elapsed, done, errors, firstError, lifecycle, step, bySteps, commits, walBytes, jvmCpu, pgCpu);
        } finally {
            pool.shutdownNow();
        }
    }

    /** One lifecycle, seven service calls, each timed into {@code steps}; the closed matter's id into {@code closed}. */
    private void lifecycle(Officer o, long n, Millis[] steps, List<Long> closed) {
        var today = LocalDate.now();
        var person = new PersonInput(PersonRole.PETITIONER, false, "Nguyễn Văn Bench", "Tổ 1", "0912000000", "001090000001");
        long t = System.nanoTime();
        var ref = petitions.receive(new NewPetition(o.unitId(), today, Channel.POST, null, null, PetitionerKind.PERSON, 1,
                "Khiếu nại quyết định thu hồi đất số " + n + ", mức bồi thường thấp (bench)",
                "Nội dung đơn: đề nghị xem xét lại mức bồi thường khi thu hồi đất làm đường.", o.placeId(), null,
                List.of(person), null, null), o.user());
        t = steps[0].since(t);
        var matterId = petitions.process(ref.id(), new Processing(ContentKind.COMPLAINT, Field.ADMIN_LAND, true, null,
                Competence.WITHIN, Handling.ACCEPT, null, null, 1, false, null, today, null), o.user()).matterId();
        t = steps[1].since(t);
        matters.record(matterId, step(MatterStep.Action.ACCEPT, today, "TB-1", null, null, null), o.user());
        t = steps[2].since(t);
        matters.record(matterId, step(MatterStep.Action.ASSIGN, today, null, null, null, o.user().id()), o.user());
        t = steps[3].since(t);
        matters.record(matterId, step(MatterStep.Action.START_VERIFICATION, today, null, "Thành lập tổ xác minh", null, null), o.user());
        t = steps[4].since(t);
        matters.record(matterId, step(MatterStep.Action.DECIDE, today, "QĐ-1", null, MatterResult.WRONG, null), o.user());
        t = steps[5].since(t);
        matters.record(matterId, step(MatterStep.Action.CLOSE, today, null, "Đã tổ chức thi hành", null, null), o.user());
        steps[6].since(t);
        closed.add(matterId);
    }

    private static MatterStep step(MatterStep.Action action, LocalDate day, String document, String note, MatterResult result,
                                   Long handler) {
        return new MatterStep(action, day, document, note, null, null, result, null, handler, null);
    }

    private Officer officer(Desk desk) {
        var today = LocalDate.now();
        var account = jdbc.sql("select id, display_name, home_unit_id from identity_user where username = :u")
                .param("u", desk.username()).query((rs, i) -> new Object[] {rs.getLong(1), rs.getString(2), rs.getLong(3)}).single();
        long id = (long) account[0];
        var grants = jdbc.sql("select id, role, unit_id from identity_role_assignment where user_id = :u")
                .param("u", id).query((rs, i) -> new Grant(rs.getLong(1), Role.valueOf(rs.getString(2)), rs.getLong(3),
                        units.scopePaths(rs.getLong(3)))).list();
        var user = new CurrentUser(id, desk.username(), (String) account[1], (long) account[2], grants);
        return new Officer(user, units.findByCode(desk.unit(), today).orElseThrow().id(),
                units.findByCode(desk.place(), today).orElseThrow().id());
    }

    private String status(long matterId) {
        return jdbc.sql("select status from petition_matter_now where id = :id").param("id", matterId).query(String.class).single();
    }

    private long commits() {
        return jdbc.sql("select xact_commit from pg_stat_database where datname = current_database()").query(Long.class).single();
    }

    /** CPU time of this JVM (every thread: workers, pool, JIT, GC), in nanoseconds. */
    private static long jvmCpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory.getOperatingSystemMXBean())
                .getProcessCpuTime();
    }

    /**
     * CPU time (user + system) of the embedded PostgreSQL: its postmaster (DANVAN_DATA_DIR/pg/postmaster.pid) and
     * every child process alive when asked (backends, WAL writer, checkpointer; a process that ended in between is
     * missed), in nanoseconds; 0 when /proc cannot tell (another system, an external database).
     */
    private static long pgCpuNanos() {
        try {
            var dataDir = java.nio.file.Path.of(BenchMachine.env("DANVAN_DATA_DIR", "./data"));
            var postmaster = java.nio.file.Files.readAllLines(dataDir.resolve("pg/postmaster.pid")).get(0).strip();
            long ticks = 0;
            try (var procs = java.nio.file.Files.list(java.nio.file.Path.of("/proc"))) {
                for (var proc : (Iterable<java.nio.file.Path>) procs::iterator) {
                    var name = proc.getFileName().toString();
                    if (!name.chars().allMatch(Character::isDigit)) {
                        continue;
                    }
                    String stat;
                    try {
                        stat = java.nio.file.Files.readString(proc.resolve("stat"));
                    } catch (java.io.IOException gone) {
                        continue;
                    }
                    // fields after the command's closing parenthesis: state ppid ... utime(14) stime(15)
                    var f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
                    if (name.equals(postmaster) || f[1].equals(postmaster)) {
                        ticks += Long.parseLong(f[11]) + Long.parseLong(f[12]);
                    }
                }
            }
            return ticks * 10_000_000L; // USER_HZ = 100
        } catch (java.io.IOException | RuntimeException e) {
            return 0;
        }
    }



    /** Latencies in nanoseconds, reported in milliseconds. */
    private static class Millis {
        private long[] values = new long[1024];
        private int size;

        void add(long nanos) {
            if (size == values.length) {
                values = Arrays.copyOf(values, size * 2);
            }
            values[size++] = nanos;
        }

        static Millis[] perStep() {
            var steps = new Millis[STEPS.length];
            Arrays.setAll(steps, s -> new Millis());
            return steps;
        }

        /** Records the time since {@code start} and answers now, the start of the next step. */
        long since(long start) {
            long now = System.nanoTime();
            add(now - start);
            return now;
        }

        void addAll(Millis other) {
            for (int i = 0; i < other.size; i++) {
                add(other.values[i]);
            }
        }

        double p(double percentile) {
            if (size == 0) {
                return 0;
            }
            var sorted = Arrays.copyOf(values, size);
            Arrays.sort(sorted);
            return sorted[(int) Math.min(size - 1, Math.ceil(percentile / 100.0 * size) - 1)] / 1e6;
        }
    }
}
