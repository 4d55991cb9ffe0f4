package vn.danvan.bench;

import java.time.Duration;
import java.util.Arrays;
import java.util.List;

/** How much the petition benchmark generates and measures; every value is an environment variable (bench/README.md). */
record PetitionSettings(int years, int petitionsPerYear, int lastYear, int warmUp, int samples, int maxSecondsPerQuestion, List<Integer> lifecycleWorkers,
                        Duration lifecycleDuration, Duration lifecycleWarmUp, String appHeap, Duration quietWait,
                        double quietPercent, String commit, long seed) {

    static PetitionSettings fromEnvironment() {
        return new PetitionSettings(
                number("BENCH_PETITION_YEARS", 10),
                number("BENCH_PETITIONS_PER_YEAR", 450_000),
                number("BENCH_PETITION_LAST_YEAR", java.time.LocalDate.now().getYear()),
                number("BENCH_QUERY_WARMUP", 20),
                number("BENCH_QUERY_SAMPLES", 200),
                number("BENCH_QUERY_MAX_SECONDS", 300),
                numbers("BENCH_LIFECYCLE_WORKERS", "1,4,8"),
                Duration.ofSeconds(number("BENCH_LIFECYCLE_SECONDS", 30)),
                Duration.ofSeconds(number("BENCH_LIFECYCLE_WARMUP_SECONDS", 5)),
                text("BENCH_APP_HEAP", "512m"),
                Duration.ofSeconds(number("BENCH_QUIET_WAIT_SECONDS", 60)),
                number("BENCH_QUIET_PERCENT", 15),
                text("BENCH_COMMIT", "unknown"),
                number("BENCH_SEED", 20_261_124));
    }

    long totalPetitions() {
        return (long) years * petitionsPerYear;
    }

    int firstYear() {
        return lastYear - years + 1;
    }

    private static int number(String name, int fallback) {
        var value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : Integer.parseInt(value.trim());
    }

    private static List<Integer> numbers(String name, String fallback) {
        return Arrays.stream(text(name, fallback).split(",")).map(String::trim).map(Integer::parseInt).toList();
    }

    private static String text(String name, String fallback) {
        var value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value.trim();
    }
}
