package vn.danvan.bench;

import java.time.Duration;

/** How much the reporting benchmark generates and measures; every value is an environment variable (bench/README.md). */
record ReportingSettings(long values, int warmUp, int apiWarmUp, int apiWarmUpSeconds, int samples, int writeSeconds, int importBatch,
                         int submissionsFill, String appHeap, Duration quietWait, double quietPercent, String commit, boolean peer, long seed) {

    static ReportingSettings fromEnvironment() {
        return new ReportingSettings(
                Long.parseLong(text("BENCH_REPORTING_VALUES", "20000000")),
                number("BENCH_QUERY_WARMUP", 3),
                number("BENCH_QUERY_API_WARMUP", 2000),
                number("BENCH_QUERY_API_WARMUP_SECONDS", 60),
                number("BENCH_QUERY_SAMPLES", 20),
                number("BENCH_REPORTING_WRITE_SECONDS", 15),
                number("BENCH_REPORTING_IMPORT_BATCH", 5000),
                number("BENCH_REPORTING_SUBMITTED_PERCENT", 80),
                text("BENCH_APP_HEAP", "1g"),
                Duration.ofSeconds(number("BENCH_QUIET_WAIT_SECONDS", 30)),
                number("BENCH_QUIET_PERCENT", 15),
                text("BENCH_COMMIT", "unknown"),
                "1".equals(text("BENCH_REPORTING_PEER", "0")),
                number("BENCH_SEED", 20_261_130));
    }

    /** Below the 20 million values the result file says so in its name. */
    boolean reduced() {
        return values < 20_000_000L;
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
