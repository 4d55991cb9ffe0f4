package vn.danvan.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;

/**
 * The petition figures (issue point 12): a national-scale dataset generated with set-based SQL over
 * the real communes and provincial bodies, then p50/p95/p99 of the officer's questions through the
 * application's HTTP API beside the raw SQL of the same question, and complete complaint lifecycles
 * per second through the REST API. Starts target/danvan.jar itself on a fresh temporary data
 * directory (durable PostgreSQL) and writes bench/results/petitions-&lt;date&gt;.md.
 *
 * <p>Usage: {@code PetitionBench <repository root>}; run it through bench/run-petitions.sh.
 */
public final class PetitionBench {

    private final Path repository;
    private final PetitionSettings settings = PetitionSettings.fromEnvironment();
    private final Machine machine = Machine.current();
    private final PetitionReport report = new PetitionReport();
    private CpuMeter cpu;

    private PetitionBench(Path repository) {
        this.repository = repository;
    }

    public static void main(String[] args) throws Exception {
        if (args.length != 1) {
            System.err.println("usage: PetitionBench <repository root>");
            System.exit(2);
        }
        var root = Path.of(args[0]).toAbsolutePath().normalize();
        var results = System.getenv("BENCH_ATTACH_URL") != null ? attach(root) : new PetitionBench(root).run();
        System.out.println("Results written to " + results);
    }

    private Path run() throws Exception {
        BenchRun.run(repository, "petitions", settings.appHeap(), (app, dataset) -> {
            cpu = new CpuMeter(app::ownPids);
            System.out.printf("Machine: %s; load average %s%n", machine.summary(), machine.loadAverage());
            var start = app.start("petitions-cold");
            System.out.printf("  application healthy after %.1f s%n", start.secondsToHealthy());
            measure(app.baseUri(), app.postgresPort(), dataset.credentials(), dataset);
        });
        var date = LocalDate.now().toString();
        var name = "petitions-" + date + (settings.totalPetitions() < 4_000_000 ? "-small" : "")
                + (BenchRun.Dataset.generateOnly() ? "-dataset" : "") + System.getenv().getOrDefault("BENCH_RESULT_SUFFIX", "") + ".md";
        var file = Files.createDirectories(repository.resolve("bench/results")).resolve(name);
        Files.writeString(file, report.render());
        return file;
    }

    private String describe() {
        return "%d years (%d–%d) × %,d petitions a year, seed %d".formatted(settings.years(), settings.firstYear(), settings.lastYear(),
                settings.petitionsPerYear(), settings.seed());
    }

    private void measure(java.net.URI base, int postgresPort, Credentials credentials, BenchRun.Dataset dataset) throws Exception {
        if (dataset != null) {
            dataset.expect(describe());
        }
        try (var db = Database.connect(postgresPort)) {
            var pg = db.settings();
            if (!pg.durable()) {
                throw new IllegalStateException("not durable, figures would not count: " + pg.summary());
            }
            report.heading(LocalDate.now().toString(), settings, machine, pg);
            if (dataset != null && dataset.reused()) {
                report.section("## 1. Generated dataset\n\n" + dataset.generationNote());
            } else if (!"1".equals(System.getenv("BENCH_SKIP_GENERATE"))) {
                System.out.printf("Generating %d years x %,d petitions%n", settings.years(), settings.petitionsPerYear());
                var load = new PetitionGenerator(db.connection(), settings).generate();
                report.load(load);
                if (dataset != null) {
                    dataset.generated(settings.commit(), describe(), report.lastSection().replaceFirst("## 1. Generated dataset\n\n", ""));
                    if (BenchRun.Dataset.generateOnly()) {
                        return;
                    }
                }
            } else {
                report.load(new PetitionGenerator.Load("Not generated in this run (BENCH_SKIP_GENERATE=1): the data already there.",
                        List.of(), new PetitionGenerator(db.connection(), settings).tables(), 0, 0));
            }
            var only = System.getenv().getOrDefault("BENCH_ONLY", "");
            var queries = new PetitionQueryBench.Outcome(List.of(), List.of(), java.util.Map.of(), java.util.Map.of(), java.util.Map.of());
            if (!only.equals("lifecycles")) {
                System.out.println("Questions (HTTP API and raw SQL)");
                queries = new PetitionQueryBench(base, db.connection(), credentials, settings, cpu).run();
                report.queries(queries, settings);
            }
            List<LifecycleBench.Run> lifecycles = List.of();
            java.util.Map<String, String> lifecyclePlans = java.util.Map.of();
            if (!only.equals("queries")) {
                System.out.println("Complaint lifecycles through the REST API");
                var bench = new LifecycleBench(base, db.connection(), credentials, settings, cpu);
                lifecycles = bench.run();
                lifecyclePlans = bench.plans();
            }
            // The peers' results sit in ../shared beside the checkout, as CI places it.
            var peers = LifecycleBench.peers(System.getenv().containsKey("BENCH_PEER_RESULTS")
                    ? Path.of(System.getenv("BENCH_PEER_RESULTS"))
                    : repository.resolveSibling("shared").resolve("peers/lifecycle/results"));
            report.lifecycles(lifecycles, peers, settings, lifecyclePlans);
            report.aims(queries, lifecycles);
            report.tablesAfter(new PetitionGenerator(db.connection(), settings).tables());
        }
    }

    /**
     * Measures an application that is already running (development): BENCH_ATTACH_URL, BENCH_ATTACH_PG_PORT,
     * DANVAN_ADMIN_PASSWORD, DANVAN_DEMO_PASSWORD; BENCH_SKIP_GENERATE=1 to measure the data already there.
     */
    static Path attach(Path repository) throws Exception {
        var bench = new PetitionBench(repository);
        bench.cpu = new CpuMeter(() -> List.of(ProcessHandle.current().pid()));
        bench.measure(java.net.URI.create(System.getenv("BENCH_ATTACH_URL")), Integer.parseInt(System.getenv("BENCH_ATTACH_PG_PORT")),
                new Credentials(System.getenv("DANVAN_ADMIN_PASSWORD"), System.getenv("DANVAN_DEMO_PASSWORD")), null);
        var file = Files.createDirectories(repository.resolve("bench/target")).resolve("petitions-attached.md");
        Files.writeString(file, bench.report.render());
        return file;
    }
}
