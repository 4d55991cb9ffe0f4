package vn.danvan.bench;

import java.time.Duration;

/** How much the work-cycle benchmark generates and measures; every value is an environment variable (bench/README.md). */
record WorkCycleSettings(int documents, int tasks, int meetings, int years, int lastYear, int warmUp, int samples,
                         int maxSecondsPerQuestion, String appHeap, Duration quietWait, double quietPercent, String commit, long seed) {

    /** The dataset: about 2 million documents and 10 million tasks over 20 years. */
    static final int FULL_DOCUMENTS = 2_000_000;

    static WorkCycleSettings fromEnvironment() {
        int documents = number("BENCH_DOCUMENTS", FULL_DOCUMENTS);
        return new WorkCycleSettings(
                documents,
                number("BENCH_TASKS", documents * 5),
                number("BENCH_MEETINGS", documents / 10),
                number("BENCH_WORKCYCLE_YEARS", 20),
                number("BENCH_WORKCYCLE_LAST_YEAR", java.time.LocalDate.now().getYear()),
                number("BENCH_QUERY_WARMUP", 10),
                number("BENCH_QUERY_SAMPLES", 100),
                number("BENCH_QUERY_MAX_SECONDS", 120),
                text("BENCH_APP_HEAP", "512m"),
                Duration.ofSeconds(number("BENCH_QUIET_WAIT_SECONDS", 60)),
                number("BENCH_QUIET_PERCENT", 15),
                text("BENCH_COMMIT", "unknown"),
                number("BENCH_SEED", 20_261_124));
    }

    int firstYear() {
        return lastYear - years + 1;
    }

    private static int number(String name, int fallback) {
        var value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : Integer.parseInt(value.trim());
    }

    private static String text(String name, String fallback) {
        var value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value.trim();
    }
}
