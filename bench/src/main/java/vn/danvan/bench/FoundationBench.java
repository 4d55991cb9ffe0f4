package vn.danvan.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The foundation's figures: start to serving (fresh and existing data), the first-start import,
 * subtree and ancestor queries over the unit tree, and HTTP throughput with logins. Starts
 * target/danvan.jar itself on a fresh temporary data directory, always with the application's
 * durable PostgreSQL settings, and writes bench/results/foundation-&lt;date&gt;.md.
 *
 * <p>Usage: {@code FoundationBench <repository root>}; run it through bench/run.sh.
 */
public final class FoundationBench {

    private static final double MB = 1024.0 * 1024.0;

    private final Path repository;
    private final BenchSettings settings = BenchSettings.fromEnvironment();
    private final Machine machine = Machine.current();
    private final Credentials credentials = Credentials.random();
    private final Report report = new Report();
    private CpuMeter cpu;

    private FoundationBench(Path repository) {
        this.repository = repository;
    }

    public static void main(String[] args) throws Exception {
        if (args.length != 1) {
            System.err.println("usage: FoundationBench <repository root>");
            System.exit(2);
        }
        var results = new FoundationBench(Path.of(args[0]).toAbsolutePath().normalize()).run();
        System.out.println("Results written to " + results);
    }

    private Path run() throws Exception {
        var jar = repository.resolve("target/danvan.jar");
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException(jar + " is missing: build it with ./mvnw -DskipTests package");
        }
        var work = Files.createDirectories(repository.resolve("bench/target/run"));
        var dataDir = Files.createTempDirectory("danvan-bench-");
        var java = Path.of(ProcessHandle.current().info().command().orElseThrow());
        var app = new Application(java, jar, dataDir, work, repository.resolve("bench/target/app.pid"),
                List.of("-Xmx" + settings.appHeap()), credentials);
        cpu = new CpuMeter(app::ownPids);
        var hook = new Thread(() -> quietly(app::stop));
        Runtime.getRuntime().addShutdownHook(hook);
        try {
            measure(app);
        } finally {
            app.stop();
            Runtime.getRuntime().removeShutdownHook(hook);
            deleteTree(dataDir);
        }
        var date = LocalDate.now().toString();
        var file = Files.createDirectories(repository.resolve("bench/results")).resolve("foundation-" + date + ".md");
        Files.writeString(file, report.render());
        return file;
    }

    private void measure(Application app) throws Exception {
        System.out.printf("Machine: %s; load average %s%n", machine.summary(), machine.loadAverage());
        var starts = new ArrayList<Report.StartRow>();
        starts.add(start(app, "cold", false));
        var imports = ImportLog.read(starts.get(0).log()).appliedFiles();
        for (int i = 1; i <= settings.restarts(); i++) {
            starts.add(start(app, "restart-" + i, i == settings.restarts()));
        }

        try (var db = Database.connect(app.postgresPort())) {
            var pg = db.settings();
            if (!pg.durable()) {
                throw new IllegalStateException("not durable, figures would not count: " + pg.summary());
            }
            report.heading(LocalDate.now().toString(), settings, machine, pg, db.dataset());
            report.starts(starts);
            report.imports(imports);
            cpu.awaitQuiet(settings.quietWait(), settings.quietPercent());
            var queries = queries(db);
            report.queries(queries, settings.sqlWarmUp());
            aimsForStarts(starts);
            for (var q : queries) {
                report.aim("%s (%s): p95 ≤ 1 ms".formatted(q.query().name(), q.query().sample().toLowerCase()),
                        "%.3f ms".formatted(q.latencies().millis(95)), q.latencies().millis(95) <= 1.0);
            }
        }

        System.out.println("HTTP load on " + app.baseUri());
        var web = new WebBench(app.baseUri(), credentials, settings, cpu).run();
        report.requests("4. Unit page and unit API under load",
                "Each worker is one virtual user (admin, then the demo accounts), signed in once through the login "
                        + "form, then requesting one random commune after another for %d s (after a %d s warm-up at the "
                        .formatted(settings.httpDuration().toSeconds(), settings.httpWarmUp().toSeconds())
                        + "largest worker count); a request counts as done on HTTP 200 with its whole body read.",
                web.requests(), web.notes());
        report.requests("5. Logins",
                "A full login: GET /login (CSRF token from `<meta name=\"_csrf\">`) and POST /login with an empty "
                        + "cookie jar, each worker as its own account, for %d s. Bounded by BCrypt on the server."
                        .formatted(settings.loginDuration().toSeconds()), web.logins(), List.of());
        var heapAfterLoad = app.heap();
        boolean clean = app.isRunning() && Stream.concat(web.requests().stream(), web.logins().stream())
                .allMatch(r -> r.errors() == 0);
        report.aim("Serves with `-Xmx%s` through every measurement".formatted(settings.appHeap()),
                "heap used after the load %.0f MB; %s".formatted(heapAfterLoad.used() / MB,
                        clean ? "still running, no failed request" : "failed requests or the application ended"), clean);
    }

    private List<UnitQueries.Result> queries(Database db) throws Exception {
        var ids = Map.of("PROVINCE", db.areaIds("PROVINCE"), "COMMUNE", db.areaIds("COMMUNE"));
        var queries = new UnitQueries(db.connection(), cpu, settings.sqlWarmUp(), settings.sqlIterations());
        queries.checkVariantsAgree(ids.get("COMMUNE"), 200);
        queries.checkVariantsAgree(ids.get("PROVINCE"), 50);
        var results = new ArrayList<UnitQueries.Result>();
        for (var query : UnitQueries.QUERIES) {
            var result = queries.measure(query, ids.get(query.sample()));
            System.out.printf("  %-50s %-8s p95 %.3f ms, others %.0f %% CPU%n", query.name(), query.sample(),
                    result.latencies().millis(95), result.othersCpu());
            results.add(result);
        }
        return results;
    }

    private void aimsForStarts(List<Report.StartRow> starts) {
        var restarts = starts.stream().filter(s -> s.label().startsWith("restart"))
                .mapToDouble(Report.StartRow::secondsToHealthy).sorted().toArray();
        double slowest = restarts.length == 0 ? Double.NaN : restarts[restarts.length - 1];
        double median = restarts.length == 0 ? Double.NaN : restarts[restarts.length / 2];
        report.aim("Restart on existing data: healthy ≤ 10 s",
                "%d restarts: median %.2f s, slowest %.2f s".formatted(restarts.length, median, slowest), slowest <= 10);
        double used = starts.stream().mapToDouble(Report.StartRow::heapUsedMb).max().orElse(Double.NaN);
        double live = starts.stream().filter(s -> s.heapAfterGcMb() != null)
                .mapToDouble(Report.StartRow::heapAfterGcMb).max().orElse(Double.NaN);
        report.aim("Heap after start ≤ 512 MB", "at most %.0f MB used right after a start, %.0f MB live after GC"
                .formatted(used, live), used <= 512);
    }

    /**
     * Starts the application once it is quiet enough around, reads heap and memory right after it is
     * healthy, then stops it unless it is to keep running for the next sections.
     */
    private Report.StartRow start(Application app, String label, boolean keepRunning) throws Exception {
        cpu.awaitQuiet(settings.quietWait(), settings.quietPercent());
        var before = cpu.sample();
        var start = app.start(label);
        double others = cpu.othersPercentSince(before);
        System.out.printf("  %s: healthy after %.2f s, others %.0f %% CPU%n", label, start.secondsToHealthy(), others);
        var heap = app.heap();
        Double afterGc;
        try {
            afterGc = app.heapAfterFullGc().used() / MB;
        } catch (IOException e) {
            afterGc = null;
        }
        double resident = app.residentKb() / 1024.0;
        Double stop = keepRunning ? null : app.stop();
        return new Report.StartRow(label, start.secondsToHealthy(), start.springStartedSeconds(), heap.used() / MB,
                afterGc, resident, stop, others, start.log());
    }

    private static void deleteTree(Path dir) {
        try (Stream<Path> paths = Files.walk(dir)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            System.err.println("could not delete " + dir + ": " + e);
        }
    }

    private interface Action {
        Object run() throws Exception;
    }

    private static void quietly(Action action) {
        try {
            action.run();
        } catch (Exception e) {
            System.err.println(e);
        }
    }
}
