package vn.danvan.bench;

import java.time.Duration;
import java.util.Arrays;
import java.util.List;

/** How much to measure; every value can be set through an environment variable (see bench/README.md). */
record BenchSettings(int restarts, int sqlWarmUp, int sqlIterations, Duration httpDuration, Duration httpWarmUp,
                     List<Integer> httpWorkers, Duration loginDuration, List<Integer> loginWorkers, String appHeap,
                     long maxStepsPerWorker, Duration quietWait, double quietPercent, String commit) {

    static BenchSettings fromEnvironment() {
        return new BenchSettings(
                number("BENCH_RESTARTS", 3),
                number("BENCH_SQL_WARMUP", 1_000),
                number("BENCH_SQL_ITERATIONS", 5_000),
                Duration.ofSeconds(number("BENCH_HTTP_SECONDS", 20)),
                Duration.ofSeconds(number("BENCH_HTTP_WARMUP_SECONDS", 5)),
                numbers("BENCH_HTTP_WORKERS", "1,4,8"),
                Duration.ofSeconds(number("BENCH_LOGIN_SECONDS", 10)),
                numbers("BENCH_LOGIN_WORKERS", "1,4,8"),
                text("BENCH_APP_HEAP", "512m"),
                number("BENCH_MAX_STEPS_PER_WORKER", 1_000_000),
                Duration.ofSeconds(number("BENCH_QUIET_WAIT_SECONDS", 60)),
                number("BENCH_QUIET_PERCENT", 15),
                text("BENCH_COMMIT", "unknown"));
    }

    int maxHttpWorkers() {
        return httpWorkers.stream().mapToInt(Integer::intValue).max().orElse(1);
    }

    private static int number(String name, int fallback) {
        var value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : Integer.parseInt(value.trim());
    }

    private static List<Integer> numbers(String name, String fallback) {
        var value = text(name, fallback);
        return Arrays.stream(value.split(",")).map(String::trim).map(Integer::parseInt).toList();
    }

    private static String text(String name, String fallback) {
        var value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value.trim();
    }
}
