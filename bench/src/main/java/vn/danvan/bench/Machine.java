package vn.danvan.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/** The machine the figures were taken on, read at run time. */
record Machine(int cores, String nproc, long memTotalKb, String cpuModel, String os, String loadAverage, String java) {

    static Machine current() {
        return new Machine(
                Runtime.getRuntime().availableProcessors(),
                readNproc(),
                readMemTotalKb(),
                readCpuModel(),
                System.getProperty("os.name") + " " + System.getProperty("os.version") + " " + System.getProperty("os.arch"),
                readLoadAverage(),
                System.getProperty("java.vm.name") + " " + System.getProperty("java.runtime.version"));
    }

    /** One line for the heading of every table: cores and memory. */
    String summary() {
        return "%d cores, %.1f GiB RAM".formatted(cores, memTotalKb / 1024.0 / 1024.0);
    }

    private static String readNproc() {
        try {
            var process = new ProcessBuilder("nproc").redirectErrorStream(true).start();
            var out = new String(process.getInputStream().readAllBytes()).trim();
            return process.waitFor() == 0 ? out : "?";
        } catch (IOException e) {
            return "?";
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "?";
        }
    }

    private static long readMemTotalKb() {
        for (var line : lines("/proc/meminfo")) {
            if (line.startsWith("MemTotal:")) {
                return Long.parseLong(line.replaceAll("\\D", ""));
            }
        }
        return -1;
    }

    private static String readCpuModel() {
        for (var line : lines("/proc/cpuinfo")) {
            if (line.toLowerCase(Locale.ROOT).startsWith("model name")) {
                return line.substring(line.indexOf(':') + 1).trim();
            }
        }
        return "?";
    }

    /** The 1, 5 and 15 minute load averages when the run began: other work on the machine skews figures. */
    private static String readLoadAverage() {
        var lines = lines("/proc/loadavg");
        if (lines.isEmpty()) {
            return "?";
        }
        var parts = lines.get(0).split(" ");
        return String.join(" ", parts[0], parts[1], parts[2]);
    }

    private static List<String> lines(String file) {
        try {
            return Files.readAllLines(Path.of(file));
        } catch (IOException e) {
            return List.of();
        }
    }
}
