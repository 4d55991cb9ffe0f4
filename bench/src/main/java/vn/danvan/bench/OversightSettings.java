package vn.danvan.bench;

import java.time.Duration;

/** How much the oversight benchmark generates and measures; every value is an environment variable (bench/README.md). */
record OversightSettings(int years, int lastYear, double scale, int warmUp, int samples, int maxSecondsPerQuestion, String appHeap,
                         Duration quietWait, double quietPercent, String commit, long seed) {

    /** The dataset: ten years over every commune. */
    static final int FULL_YEARS = 10;

    static OversightSettings fromEnvironment() {
        return new OversightSettings(
                number("BENCH_OVERSIGHT_YEARS", FULL_YEARS),
                number("BENCH_OVERSIGHT_LAST_YEAR", java.time.LocalDate.now().getYear()),
                Double.parseDouble(text("BENCH_OVERSIGHT_SCALE", "1")),
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

    /** The size: ten years, every commune. */
    boolean full() {
        return years >= FULL_YEARS && scale >= 1;
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
