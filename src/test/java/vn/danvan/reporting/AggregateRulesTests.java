package vn.danvan.reporting;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import vn.danvan.reporting.AggregateRules.Counted;

/** The aggregation rules: sums with shares, weighted averages, extremes, last values, ratios of sums. */
class AggregateRulesTests {

    static Counted v(String unit, String start, String value, String weight) {
        return new Counted(unit, LocalDate.parse(start), new BigDecimal(value), new BigDecimal(weight));
    }

    static final String Q1 = "2024-01-01";
    static final String Q2 = "2024-04-01";
    static final String Q3 = "2024-07-01";

    @Test
    void aSumCountsEachValueByItsShare() {
        var values = List.of(v("a", Q1, "10", "1"), v("b", Q1, "20", "0.6"), v("c", Q1, "99", "0"));
        assertThat(AggregateRules.apply(Aggregation.SUM, values)).isEqualByComparingTo("22");
    }

    @Test
    void anAverageWeighsEveryValueNeverAveragingAverages() {
        // Quarter 1: two communes at 20 and 40 (average 30); quarter 2: one commune at 90 (average 90).
        // The year's average is (20 + 40 + 90) / 3 = 50, not (30 + 90) / 2 = 60.
        var values = List.of(v("a", Q1, "20", "1"), v("b", Q1, "40", "1"), v("a", Q2, "90", "1"));
        assertThat(AggregateRules.apply(Aggregation.AVERAGE, values)).isEqualByComparingTo("50");
        // a split unit counted at half weighs half
        var shared = List.of(v("a", Q1, "20", "1"), v("b", Q1, "80", "0.5"));
        assertThat(AggregateRules.apply(Aggregation.AVERAGE, shared)).isEqualByComparingTo("40");
    }

    @Test
    void theLastValueIsEachUnitsLatestPeriodAddedOverUnits() {
        var values = List.of(v("a", Q1, "3", "1"), v("a", Q3, "5", "1"), v("a", Q2, "4", "1"),
                v("b", Q1, "7", "1"), v("b", Q2, "2", "1"));
        assertThat(AggregateRules.apply(Aggregation.LAST, values)).isEqualByComparingTo("7");
    }

    @Test
    void extremesIgnoreUnitsOutsideTheSubtree() {
        var values = List.of(v("a", Q1, "3", "1"), v("b", Q1, "1", "0"), v("c", Q1, "8", "0.4"));
        assertThat(AggregateRules.apply(Aggregation.MIN, values)).isEqualByComparingTo("3");
        assertThat(AggregateRules.apply(Aggregation.MAX, values)).isEqualByComparingTo("8");
    }

    @Test
    void nothingCountedIsNoValue() {
        assertThat(AggregateRules.apply(Aggregation.SUM, List.of(v("a", Q1, "3", "0")))).isNull();
    }

    @Test
    void aRatioDividesTheSumsNotTheUnitsRatios() {
        // unit a answered 1 of 2 opinions on the spot, unit b 9 of 10: 10 of 12 = 83.33 %, not (50 + 90) / 2 = 70 %.
        var numerator = AggregateRules.apply(Aggregation.SUM, List.of(v("a", Q1, "1", "1"), v("b", Q1, "9", "1")));
        var denominator = AggregateRules.apply(Aggregation.SUM, List.of(v("a", Q1, "2", "1"), v("b", Q1, "10", "1")));
        assertThat(AggregateRules.ratio(numerator, denominator, true)).isEqualByComparingTo("83.33");
        assertThat(AggregateRules.ratio(numerator, denominator, false)).isEqualByComparingTo("0.8333");
        assertThat(AggregateRules.ratio(numerator, BigDecimal.ZERO, true)).isNull();
    }

    @Test
    void theChangeOnTheSamePeriodLastYearIsAPercentOfLastYear() {
        assertThat(AggregateRules.changePercent(new BigDecimal("38500"), new BigDecimal("35000"))).isEqualByComparingTo("10.0");
        assertThat(AggregateRules.changePercent(new BigDecimal("90"), new BigDecimal("120"))).isEqualByComparingTo("-25.0");
        assertThat(AggregateRules.changePercent(new BigDecimal("5"), BigDecimal.ZERO)).isNull();
    }
}
