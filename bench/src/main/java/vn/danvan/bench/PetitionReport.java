package vn.danvan.bench;

import java.util.ArrayList;
import java.util.List;

/** The petition results as Markdown: heading (date, build, machine, PostgreSQL, dataset), sections, aims. */
final class PetitionReport {

    private final List<String> sections = new ArrayList<>();
    private final List<String> aims = new ArrayList<>();
    private String heading = "";

    void heading(String date, PetitionSettings settings, Machine machine, Database.Settings pg) {
        heading = String.join("\n",
                "# danvan petition benchmark, " + date, "",
                "| | |", "|---|---|",
                "| Date | " + date + " |",
                "| Application | commit `" + settings.commit() + "`, `target/danvan.jar` run with `-Xmx" + settings.appHeap()
                        + "` on " + machine.java() + " |",
                "| Machine | %d cores (Runtime.availableProcessors; `nproc` %s), %,d kB RAM (%.1f GiB), %s, %s |"
                        .formatted(machine.cores(), machine.nproc(), machine.memTotalKb(), machine.memTotalKb() / 1048576.0,
                                machine.cpuModel(), machine.os()),
                "| Load average at start | " + machine.loadAverage() + " (1, 5, 15 min) |",
                "| PostgreSQL | %s embedded (zonky), `SHOW`: fsync=%s, synchronous_commit=%s, full_page_writes=%s, shared_buffers=%s |"
                        .formatted(pg.version(), pg.fsync(), pg.synchronousCommit(), pg.fullPageWrites(), pg.sharedBuffers()),
                "| Generated | %d years (%d–%d) × %,d petitions a year = %,d petitions (seed %d) |"
                        .formatted(settings.years(), settings.firstYear(), settings.lastYear(), settings.petitionsPerYear(),
                                settings.totalPetitions(), settings.seed()),
                "");
    }

    void load(PetitionGenerator.Load load) {
        var out = new StringBuilder("## 1. Generated dataset\n\n");
        out.append(load.how()).append("\n\n");
        out.append("| Step | Rows | Seconds | Rows/s |\n|---|--:|--:|--:|\n");
        for (var s : load.steps()) {
            out.append("| %s | %,d | %.1f | %,.0f |\n".formatted(s.name(), s.rows(), s.seconds(),
                    s.seconds() > 0 ? s.rows() / s.seconds() : 0));
        }
        out.append("| **Total** | **%,d** | **%.1f** | **%,.0f** |\n\n".formatted(load.totalRows(), load.totalSeconds(),
                load.totalRows() / Math.max(0.001, load.totalSeconds())));
        out.append("Rows per table after loading (`count(*)`), and size on disk (`pg_total_relation_size`, with indexes):\n\n");
        out.append("| Table | Rows | Size |\n|---|--:|--:|\n");
        load.tables().forEach(t -> out.append("| %s | %,d | %s |\n".formatted(t.name(), t.rows(), t.size())));
        sections.add(out.toString());
    }

    void section(String markdown) {
        sections.add(markdown);
    }

    void aim(String aim, String measured, boolean met) {
        aims.add("| %s | %s | %s |".formatted(aim, measured, met ? "yes" : "**no**"));
    }

    String render() {
        var out = new StringBuilder(heading).append('\n');
        sections.forEach(s -> out.append(s).append('\n'));
        out.append("## Aims\n\n| Aim | Measured | Met |\n|---|---|---|\n");
        aims.forEach(a -> out.append(a).append('\n'));
        out.append("\nProduced by `bench/run-petitions.sh` (vn.danvan.bench.PetitionBench).\n");
        return out.toString();
    }
}
