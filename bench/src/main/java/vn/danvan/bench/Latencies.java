package vn.danvan.bench;

import org.HdrHistogram.Histogram;

/**
 * Latencies of one measured loop, recorded in microseconds (1 µs to 60 s, 3 significant digits).
 * Not thread-safe: one per worker, then {@link #add} them.
 */
final class Latencies {

    private static final long MAX_MICROS = 60_000_000L;

    private final Histogram histogram = new Histogram(MAX_MICROS, 3);

    void recordNanos(long nanos) {
        histogram.recordValue(Math.max(1, Math.min(MAX_MICROS, nanos / 1_000)));
    }

    void add(Latencies other) {
        histogram.add(other.histogram);
    }

    long count() {
        return histogram.getTotalCount();
    }

    /** The percentile in milliseconds, e.g. {@code millis(95)}. */
    double millis(double percentile) {
        return histogram.getValueAtPercentile(percentile) / 1_000.0;
    }

    double maxMillis() {
        return histogram.getMaxValue() / 1_000.0;
    }

    double meanMillis() {
        return histogram.getMean() / 1_000.0;
    }
}
