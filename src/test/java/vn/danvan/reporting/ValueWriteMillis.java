package vn.danvan.reporting;

import java.util.Arrays;

/** Latencies of {@link ValueWriteServiceBench} in nanoseconds, reported in milliseconds. */
final class ValueWriteMillis {
    private long[] values = new long[1024];
    private int size;

    void add(long nanos) {
        if (size == values.length) {
            values = Arrays.copyOf(values, size * 2);
        }
        values[size++] = nanos;
    }

    void addAll(ValueWriteMillis other) {
        for (int i = 0; i < other.size; i++) {
            add(other.values[i]);
        }
    }

    double p(double percentile) {
        if (size == 0) {
            return 0;
        }
        var sorted = Arrays.copyOf(values, size);
        Arrays.sort(sorted);
        return sorted[(int) Math.min(size - 1, Math.ceil(percentile / 100.0 * size) - 1)] / 1e6;
    }
}
