package vn.danvan;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** What the in-process benchmarks (mains in src/test/java) read of the machine and their settings. */
public final class BenchMachine {

    private BenchMachine() {
    }

    /** The 1-, 5- and 15-minute load average, as /proc/loadavg gives it ("?" where there is none). */
    public static String loadAverage() {
        try {
            var parts = Files.readString(Path.of("/proc/loadavg")).split(" ");
            return parts[0] + " " + parts[1] + " " + parts[2];
        } catch (IOException e) {
            return "?";
        }
    }

    /** An environment variable, or the fallback when it is unset or blank. */
    public static String env(String name, String fallback) {
        var value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value;
    }
}
