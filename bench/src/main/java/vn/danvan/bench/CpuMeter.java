package vn.danvan.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;

/**
 * How much of the machine's CPU time other processes took while a figure was taken: the machine is
 * shared, and a build running beside the benchmark slows every figure. Reads /proc/stat (all CPUs)
 * and /proc/&lt;pid&gt;/stat of this run's own processes (the benchmark, the application, its
 * PostgreSQL and all their descendants); the rest is "others".
 */
final class CpuMeter {

    /** Jiffies: the whole machine busy and in total, and this run's processes. */
    record Sample(long machineBusy, long machineTotal, long ours) {
    }

    private static final int WINDOW_SECONDS = 3;

    private final Supplier<List<Long>> ownRoots;

    /** @param ownRoots the pids of this run's processes that live now; their descendants count too */
    CpuMeter(Supplier<List<Long>> ownRoots) {
        this.ownRoots = ownRoots;
    }

    Sample sample() {
        long[] machine = machine();
        return new Sample(machine[0], machine[1], ours());
    }

    /** Percent of the machine's CPU time since {@code before} that other processes used. */
    double othersPercentSince(Sample before) {
        var now = sample();
        long total = now.machineTotal() - before.machineTotal();
        long others = (now.machineBusy() - before.machineBusy()) - (now.ours() - before.ours());
        return total <= 0 ? Double.NaN : Math.max(0, 100.0 * others / total);
    }

    /**
     * Waits, at most {@code limit}, until other processes use no more than {@code percent} of the
     * machine over a {@value #WINDOW_SECONDS} s window; returns the share seen last.
     */
    double awaitQuiet(Duration limit, double percent) throws InterruptedException {
        long deadline = System.nanoTime() + limit.toNanos();
        double others;
        do {
            var before = sample();
            Thread.sleep(WINDOW_SECONDS * 1000L);
            others = othersPercentSince(before);
            if (others > percent) {
                System.out.printf("  waiting for a quieter machine: other processes use %.0f %% of the CPU%n", others);
            }
        } while (others > percent && System.nanoTime() < deadline);
        return others;
    }

    private long ours() {
        Set<Long> pids = new HashSet<>();
        for (long root : ownRoots.get()) {
            pids.add(root);
            ProcessHandle.of(root).ifPresent(p -> p.descendants().forEach(d -> pids.add(d.pid())));
        }
        // cutime/cstime keep the time of children that have ended and been waited for
        return pids.stream().mapToLong(CpuMeter::processJiffies).sum();
    }

    /** utime + stime + cutime + cstime of one process; 0 if it has ended. */
    private static long processJiffies(long pid) {
        try {
            var stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
            var fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            // fields[0] is field 3 (state): utime is field 14, stime 15, cutime 16, cstime 17
            return Long.parseLong(fields[11]) + Long.parseLong(fields[12]) + Long.parseLong(fields[13])
                    + Long.parseLong(fields[14]);
        } catch (IOException | RuntimeException e) {
            return 0;
        }
    }

    /** {busy, total} jiffies over all CPUs from the first line of /proc/stat. */
    private static long[] machine() {
        try {
            var cpu = Files.readAllLines(Path.of("/proc/stat")).get(0).trim().split("\\s+");
            long user = Long.parseLong(cpu[1]);
            long nice = Long.parseLong(cpu[2]);
            long system = Long.parseLong(cpu[3]);
            long idle = Long.parseLong(cpu[4]);
            long iowait = Long.parseLong(cpu[5]);
            long irq = Long.parseLong(cpu[6]);
            long softirq = Long.parseLong(cpu[7]);
            long steal = cpu.length > 8 ? Long.parseLong(cpu[8]) : 0;
            long busy = user + nice + system + irq + softirq + steal;
            return new long[] {busy, busy + idle + iowait};
        } catch (IOException | RuntimeException e) {
            return new long[] {0, 0};
        }
    }
}
