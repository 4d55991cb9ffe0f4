package vn.danvan.bench;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;

/**
 * The work-cycle figures (issue 6, point 12): documents, plans, tasks, meetings and the implementation of a national
 * directive over 20 years generated with set-based SQL over the real units, then p50/p95/p99 of identifier lookup,
 * document search, the implementation matrix, a province's overdue tasks and its meetings through the application's
 * HTTP API beside the raw SQL of the same question. Starts target/danvan.jar itself on a fresh temporary data directory
 * (durable PostgreSQL, refused otherwise) and writes bench/results/workcycle-&lt;date&gt;[-&lt;size&gt;].md.
 *
 * <p>Usage: {@code WorkCycleBench <repository root>}; run it through bench/run-workcycle.sh. For development,
 * BENCH_ATTACH_URL, BENCH_ATTACH_PG_PORT, DANVAN_ADMIN_PASSWORD and BENCH_ATTACH_ASSIGNMENT (the id of a generated
 * assignment; without it the generator runs first) measure an application already running (bench/target/workcycle-attached.md).
 */
public final class WorkCycleBench {

    private final Path repository;
    private final WorkCycleSettings settings = WorkCycleSettings.fromEnvironment();
    private final Machine machine = Machine.current();
    private final StringBuilder report = new StringBuilder();
    private Credentials credentials = Credentials.random();
    private CpuMeter cpu;

    private WorkCycleBench(Path repository) {
        this.repository = repository;
    }

    public static void main(String[] args) throws Exception {
        if (args.length != 1) {
            System.err.println("usage: WorkCycleBench <repository root>");
            System.exit(2);
        }
        var root = Path.of(args[0]).toAbsolutePath().normalize();
        var bench = new WorkCycleBench(root);
        System.out.println("Results written to " + (System.getenv("BENCH_ATTACH_URL") != null ? bench.attach() : bench.run()));
    }

    private Path run() throws Exception {
        BenchRun.run(repository, "workcycle", settings.appHeap(), (app, dataset) -> {
            credentials = dataset.credentials();
            cpu = new CpuMeter(app::ownPids);
            System.out.printf("Machine: %s; load average %s%n", machine.summary(), machine.loadAverage());
            var start = app.start("workcycle-cold");
            System.out.printf("  application healthy after %.1f s%n", start.secondsToHealthy());
            measure(app.baseUri(), app.postgresPort(), dataset);
        });
        var size = settings.documents() >= WorkCycleSettings.FULL_DOCUMENTS ? "" : "-" + settings.documents() / 1000 + "k";
        var only = BenchRun.Dataset.generateOnly() ? "-dataset" : "";
        var file = Files.createDirectories(repository.resolve("bench/results")).resolve("workcycle-" + LocalDate.now() + size + only
                + System.getenv().getOrDefault("BENCH_RESULT_SUFFIX", "") + ".md");
        Files.writeString(file, report.toString());
        return file;
    }

    private Path attach() throws Exception {
        credentials = new Credentials(System.getenv("DANVAN_ADMIN_PASSWORD"), "");
        cpu = new CpuMeter(() -> List.of(ProcessHandle.current().pid()));
        var assignment = System.getenv("BENCH_ATTACH_ASSIGNMENT");
        measure(URI.create(System.getenv("BENCH_ATTACH_URL")), Integer.parseInt(System.getenv("BENCH_ATTACH_PG_PORT")),
                assignment == null ? null : Long.parseLong(assignment), null);
        var file = Files.createDirectories(repository.resolve("bench/target")).resolve("workcycle-attached.md");
        Files.writeString(file, report.toString());
        return file;
    }

    private String describe() {
        return "%,d documents, %,d tasks, %,d meetings over %d years (%d–%d), seed %d".formatted(settings.documents(),
                settings.tasks(), settings.meetings(), settings.years(), settings.firstYear(), settings.lastYear(), settings.seed());
    }

    private void measure(URI base, int pgPort, BenchRun.Dataset dataset) throws Exception {
        dataset.expect(describe());
        var kept = dataset.get("assignment");
        measure(base, pgPort, dataset.reused() ? Long.valueOf(kept) : null, dataset);
    }

    private void measure(URI base, int pgPort, Long assignment, BenchRun.Dataset dataset) throws Exception {
        try (var db = Database.connect(pgPort)) {
            var pg = db.settings();
            if (!pg.durable()) {
                throw new IllegalStateException("not durable, figures would not count: " + pg.summary());
            }
            heading(pg);
            if (assignment == null) {
                System.out.printf("Generating %,d documents, %,d tasks, %,d meetings over %d years%n", settings.documents(),
                        settings.tasks(), settings.meetings(), settings.years());
                var loadBefore = Machine.current().loadAverage();
                var cpuBefore = cpu.sample();
                var generator = new WorkCycleGenerator(db.connection(), settings);
                var load = generator.generate();
                int from = report.length();
                load(load, loadBefore + " → " + Machine.current().loadAverage(), cpu.othersPercentSince(cpuBefore));
                assignment = generator.assignmentId();
                if (dataset != null) {
                    dataset.generated(settings.commit(), describe(),
                            report.substring(from).replaceFirst("## 1. Generated dataset\n\n", ""), "assignment", assignment.toString());
                    if (BenchRun.Dataset.generateOnly()) {
                        return;
                    }
                }
            } else if (dataset != null && dataset.reused()) {
                report.append("## 1. Generated dataset\n\n").append(dataset.generationNote());
            } else {
                report.append("## 1. Generated dataset\n\nMeasured on data generated before (attached).\n\n");
            }
            System.out.println("Questions (HTTP API and raw SQL)");
            var outcome = new WorkCycleQueryBench(base, db.connection(), credentials, settings, cpu, assignment).run();
            WorkCycleReport.queries(report, outcome, settings);
            WorkCycleReport.aims(report, outcome);
        }
    }

    private void heading(Database.Settings pg) {
        var date = LocalDate.now().toString();
        report.append(String.join("\n",
                "# danvan work-cycle benchmark (documents, plans, tasks, meetings), " + date, "",
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
                "| Generated | %,d documents, %,d tasks, %,d meetings over %d years (%d–%d, the current year up to today), seed %d%s |"
                        .formatted(settings.documents(), settings.tasks(), settings.meetings(), settings.years(), settings.firstYear(),
                                settings.lastYear(), settings.seed(), settings.documents() < WorkCycleSettings.FULL_DOCUMENTS
                                        ? " — **a reduced size**, not the issue's 2 million documents and 10 million tasks" : ""),
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
        out.append("| **Total** | **%,d** | **%.1f** | **%,.0f** |\n\n".formatted(load.totalRows(), load.totalSeconds(),
                load.totalRows() / Math.max(0.001, load.totalSeconds())));
        out.append("Rows per table after loading (`count(*)`, the demo data included), and size on disk (`pg_total_relation_size`, "
                + "with indexes):\n\n| Table | Rows | Size |\n|---|--:|--:|\n");
        load.tables().forEach(t -> out.append("| %s | %,d | %s |\n".formatted(t.name(), t.rows(), t.size())));
        out.append('\n');
    }
}
