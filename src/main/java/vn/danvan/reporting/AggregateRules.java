package vn.danvan.reporting;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Objects;

/**
 * The aggregation rules over the values counted in a question, each with the part of it that counts
 * (1, or an allocation share of a split unit). Pure functions, so that every rule is tested alone.
 */
final class AggregateRules {

    /** Decimals kept in averages and ratios. */
    static final int SCALE = 4;

    private AggregateRules() {
    }

    /** One value counted: whose it is (unit and option combination), its period's first day, the value and its weight. */
    record Counted(String key, LocalDate periodStart, BigDecimal value, BigDecimal weight) {
    }

    /**
     * SUM: Σ weight × value. AVERAGE: Σ weight × value / Σ weight — every value counts once, so a year's
     * average over communes is not the average of the quarters' averages. MIN/MAX: over the values
     * with a weight. LAST: for each unit its latest period's value, then the SUM of those.
     *
     * @return null when nothing is counted
     */
    static BigDecimal apply(Aggregation aggregation, List<Counted> values) {
        var counted = values.stream().filter(v -> v.weight().signum() > 0).toList();
        if (counted.isEmpty()) {
            return null;
        }
        return switch (aggregation) {
            case SUM, RATIO, NONE -> sum(counted);
            case AVERAGE -> {
                var weights = counted.stream().map(Counted::weight).reduce(BigDecimal.ZERO, BigDecimal::add);
                yield sum(counted).divide(weights, SCALE, RoundingMode.HALF_UP).stripTrailingZeros();
            }
            case MIN -> counted.stream().map(Counted::value).min(Comparator.naturalOrder()).orElseThrow();
            case MAX -> counted.stream().map(Counted::value).max(Comparator.naturalOrder()).orElseThrow();
            case LAST -> {
                var latest = new HashMap<String, Counted>();
                for (var v : counted) {
                    latest.merge(v.key(), v, (a, b) -> b.periodStart().isAfter(a.periodStart()) ? b : a);
                }
                yield sum(List.copyOf(latest.values()));
            }
        };
    }

    /**
     * The ratio of two sums (never the average of ratios); ×100 for a percentage.
     *
     * @return null when the denominator is missing or zero
     */
    static BigDecimal ratio(BigDecimal numerator, BigDecimal denominator, boolean percentage) {
        if (numerator == null || denominator == null || denominator.signum() == 0) {
            return null;
        }
        var r = numerator.divide(denominator, MathContext.DECIMAL64);
        if (percentage) {
            r = r.multiply(BigDecimal.valueOf(100));
        }
        return r.setScale(percentage ? 2 : SCALE, RoundingMode.HALF_UP).stripTrailingZeros();
    }

    /** "Tăng/giảm x% so với cùng kỳ": (now − before) / before × 100, one decimal; null without a base. */
    static BigDecimal changePercent(BigDecimal now, BigDecimal before) {
        if (now == null || before == null || before.signum() == 0) {
            return null;
        }
        return now.subtract(before).multiply(BigDecimal.valueOf(100)).divide(before.abs(), 1, RoundingMode.HALF_UP);
    }

    private static BigDecimal sum(List<Counted> values) {
        var total = values.stream().map(v -> v.value().multiply(v.weight())).filter(Objects::nonNull)
                .reduce(BigDecimal.ZERO, BigDecimal::add);
        return total.stripTrailingZeros().scale() < 0 ? total.setScale(0) : normalise(total);
    }

    static BigDecimal normalise(BigDecimal value) {
        if (value == null) {
            return null;
        }
        var v = value.stripTrailingZeros();
        if (v.scale() > 6) {
            v = v.setScale(6, RoundingMode.HALF_UP).stripTrailingZeros();
        }
        return v.scale() < 0 ? v.setScale(0) : v;
    }
}
