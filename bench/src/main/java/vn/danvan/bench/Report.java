package vn.danvan.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * The results as Markdown: a heading that names the date, the build, the machine, the PostgreSQL
 * settings and the dataset, then one section per measurement, each opening with the same context
 * line, and the aims checked at the end.
 */
final class Report {

    /**
     * One start of the application; heap and resident memory as read right after it was healthy;
     * {@code stopSeconds} null for the start that stays up for the next sections.
     */
    record StartRow(String label, double secondsToHealthy, Double springStartedSeconds, double heapUsedMb,
                    Double heapAfterGcMb, double residentMb, Double stopSeconds, double othersCpu, java.nio.file.Path log) {
    }

    private final List<String> sections = new ArrayList<>();
    private final List<String> aims = new ArrayList<>();
    private String context = "";
    private String heading = "";

    void heading(String date, BenchSettings settings, Machine machine, Database.Settings pg, Database.Dataset data) {
        context = "_Dataset: %s · machine: %s · %s._".formatted(data.summary(), machine.summary(), pg.summary());
        heading = String.join("\n",
                "# danvan foundation benchmark, " + date, "",
                "| | |", "|---|---|",
                "| Date | " + date + " |",
                "| Application | commit `" + settings.commit() + "`, `target/danvan.jar` run with `-Xmx" + settings.appHeap()
                        + "` on " + machine.java() + " |",
                "| Machine | %d cores (Runtime.availableProcessors; `nproc` %s), %,d kB RAM (%.1f GiB, /proc/meminfo MemTotal), %s, %s |"
                        .formatted(machine.cores(), machine.nproc(), machine.memTotalKb(), machine.memTotalKb() / 1048576.0,
                                machine.cpuModel(), machine.os()),
                "| Load average at start | " + machine.loadAverage() + " (1, 5, 15 min) |",
                "| PostgreSQL | %s embedded (zonky), `SHOW`: fsync=%s, synchronous_commit=%s, full_page_writes=%s, shared_buffers=%s |"
                        .formatted(pg.version(), pg.fsync(), pg.synchronousCommit(), pg.fullPageWrites(), pg.sharedBuffers()),
                "| Dataset | %s; areas of every date by level: %s; valid on 2026-01-01: %s; %,d user accounts |"
                        .formatted(data.summary(), levels(data.areasByLevel()), levels(data.validOn2026()), data.users()),
                "| Load generator | this benchmark's JVM, a second process on the same machine (it shares the cores with "
                        + "the server), loopback 127.0.0.1 only, one `java.net.http.HttpClient` and cookie jar per worker |",
                "| Other processes | the machine is shared: each section waits (at most %d s) until other processes use "
                        .formatted(settings.quietWait().toSeconds())
                        + "at most %.0f %% of its CPU, and each row gives the share they used while it was measured "
                        .formatted(settings.quietPercent())
                        + "(\"others' CPU\", from /proc/stat less this run's processes) |",
                "");
    }

    void starts(List<StartRow> rows) {
        var table = new StringBuilder(section("1. Start to serving",
                "From `java -jar` to the first 200 of `/actuator/health` (the first start includes initdb, the "
                        + "migrations, the import of the unit lists and the demo data). Heap: sum of "
                        + "`jvm_memory_used_bytes{area=\"heap\"}` from `/actuator/prometheus` right after; after GC: the "
                        + "same after `jcmd <pid> GC.run`. RSS: the JVM process only (PostgreSQL runs apart). Stop: SIGTERM "
                        + "until the JVM and its PostgreSQL have ended."));
        table.append("| Start | Data directory | To health 200 (s) | Spring \"Started\" (s) | Heap used (MB) | Heap after GC (MB) | JVM RSS (MB) | Stop (s) | Others' CPU |\n");
        table.append("|---|---|--:|--:|--:|--:|--:|--:|--:|\n");
        for (var r : rows) {
            table.append("| %s | %s | %.2f | %s | %.0f | %s | %.0f | %s | %s |\n".formatted(r.label(),
                    r.label().startsWith("cold") ? "fresh (empty)" : "existing", r.secondsToHealthy(),
                    optional(r.springStartedSeconds(), "%.2f"), r.heapUsedMb(), optional(r.heapAfterGcMb(), "%.0f"),
                    r.residentMb(), optional(r.stopSeconds(), "%.2f"), percent(r.othersCpu())));
        }
        table.append("\nThe last start stays up for the sections below. Spring's \"Started\" comes before the start-up "
                + "runners (unit import, accounts), so on the first start health turns 200 well after it.\n");
        sections.add(table.toString());
    }

    void imports(List<ImportLog.AppliedFile> files) {
        var table = new StringBuilder(section("2. First-start import",
                "From the application's log lines `Applied <file>: N units created, M changed, K successions (X ms)` "
                        + "(vn.danvan.orgunit.BundledUnitFiles) of the cold start."));
        table.append("| File | Units created | Changed | Successions | Time (ms) |\n|---|--:|--:|--:|--:|\n");
        for (var f : files) {
            table.append("| %s | %,d | %,d | %,d | %,d |\n".formatted(f.file(), f.created(), f.changed(), f.successions(), f.millis()));
        }
        table.append("| **Total** | **%,d** | **%,d** | **%,d** | **%,d** |\n".formatted(
                files.stream().mapToInt(ImportLog.AppliedFile::created).sum(),
                files.stream().mapToInt(ImportLog.AppliedFile::changed).sum(),
                files.stream().mapToInt(ImportLog.AppliedFile::successions).sum(),
                files.stream().mapToLong(ImportLog.AppliedFile::millis).sum()));
        sections.add(table.toString());
    }

    void queries(List<UnitQueries.Result> results, int warmUp) {
        var table = new StringBuilder(section("3. Subtree and ancestor queries (SQL)",
                "One JDBC connection to the application's embedded PostgreSQL while the application runs idle; a "
                        + "prepared statement per query, all rows read; ids drawn at random (fixed seed) from the "
                        + "administrative areas of that level of every date; %,d warm-up executions, then the measured ones."
                                .formatted(warmUp)));
        table.append("| Query | Unit drawn | Executions | Rows min / median / max (mean) | p50 (ms) | p95 (ms) | p99 (ms) | max (ms) | Others' CPU | Plan |\n");
        table.append("|---|---|--:|---|--:|--:|--:|--:|--:|---|\n");
        for (var r : results) {
            table.append("| %s | %s | %,d | %,d / %,d / %,d (%.1f) | %.3f | %.3f | %.3f | %.2f | %s | %s |\n".formatted(
                    r.query().name(), r.query().sample().toLowerCase(Locale.ROOT), r.iterations(), r.rows().min(),
                    r.rows().median(), r.rows().max(), r.rows().mean(), r.latencies().millis(50),
                    r.latencies().millis(95), r.latencies().millis(99), r.latencies().maxMillis(),
                    percent(r.othersCpu()), r.plan()));
        }
        table.append("\nSQL:\n\n");
        results.stream().map(r -> r.query().name() + ": `" + r.query().sql() + "`").distinct()
                .forEach(line -> table.append("- ").append(line).append('\n'));
        sections.add(table.toString());
    }

    void requests(String title, String how, List<HttpLoad.Result> results, List<String> notes) {
        var table = new StringBuilder(section(title, how));
        notes.forEach(note -> table.append("- ").append(note).append('\n'));
        if (!notes.isEmpty()) {
            table.append('\n');
        }
        if (!results.isEmpty()) {
            table.append("| Request | Workers | Seconds | Done | Errors | Per second | p50 (ms) | p95 (ms) | p99 (ms) | Others' CPU |\n");
            table.append("|---|--:|--:|--:|--:|--:|--:|--:|--:|--:|\n");
            for (var r : results) {
                table.append("| %s | %d | %.1f | %,d | %,d | %,.1f | %.2f | %.2f | %.2f | %s |\n".formatted(r.name(),
                        r.workers(), r.seconds(), r.latencies().count(), r.errors(), r.perSecond(),
                        r.latencies().millis(50), r.latencies().millis(95), r.latencies().millis(99),
                        percent(r.othersCpu())));
            }
            results.stream().filter(r -> r.firstError() != null).forEach(r -> table.append(
                    "\nFirst error at %d workers: `%s`\n".formatted(r.workers(), r.firstError())));
        }
        sections.add(table.toString());
    }

    /** One aim: what was asked, what was measured, and whether it was met. */
    void aim(String aim, String measured, boolean met) {
        aims.add("| %s | %s | %s |".formatted(aim, measured, met ? "yes" : "**no**"));
    }

    String render() {
        var out = new StringBuilder(heading).append('\n');
        sections.forEach(s -> out.append(s).append('\n'));
        out.append("## Aims\n\n").append(context).append("\n\n| Aim | Measured | Met |\n|---|---|---|\n");
        aims.forEach(a -> out.append(a).append('\n'));
        out.append("\nProduced by `bench/run.sh` (vn.danvan.bench.FoundationBench).\n");
        return out.toString();
    }

    private String section(String title, String how) {
        return "## " + title + "\n\n" + context + "\n\n" + how + "\n\n";
    }

    private static String levels(java.util.Map<String, Long> counts) {
        return counts.entrySet().stream().filter(e -> e.getValue() > 0)
                .map(e -> "%,d %s".formatted(e.getValue(), e.getKey().toLowerCase(Locale.ROOT)))
                .collect(Collectors.joining(", "));
    }

    private static String percent(double value) {
        return Double.isNaN(value) ? "–" : "%.0f %%".formatted(value);
    }

    private static String optional(Double value, String format) {
        return value == null ? "–" : format.formatted(value);
    }
}
