package vn.danvan.reporting;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import vn.danvan.form.FormColumn;
import vn.danvan.form.FormDefinition;
import vn.danvan.form.FormRule;
import vn.danvan.form.PeriodCut;
import vn.danvan.form.ReportPeriod;

/** A grid's values against its form's rules: errors and warnings apart, each on the line of its first operand. */
class GridRulesTests {

    private static Indicator indicator(String code) {
        return new Indicator(1, code, code, null, null, ValueType.INTEGER, Aggregation.SUM, IndicatorSource.ENTERED,
                ReportPeriod.Kind.QUARTER, PeriodCut.CALENDAR, null, null, null, null, code.equals("MO_HINH") ? "KIND" : null, 1);
    }

    private static final List<ReportForms.Line> LINES = List.of(
            new ReportForms.Line(1, "I", "Ý kiến tại đối thoại", "Y_KIEN", indicator("Y_KIEN"), "", true),
            new ReportForms.Line(2, "I", "Trả lời tại chỗ", "TRA_LOI", indicator("TRA_LOI"), "", true),
            new ReportForms.Line(3, "II", "Mô hình tập thể", "MO_HINH.COLLECTIVE", indicator("MO_HINH"), "COLLECTIVE", true),
            new ReportForms.Line(4, "II", "Điển hình cá nhân", "MO_HINH.INDIVIDUAL", indicator("MO_HINH"), "INDIVIDUAL", true),
            new ReportForms.Line(5, "II", "Tổng số", "TONG", indicator("TONG"), "", true));

    private static FormDefinition form(FormRule... rules) {
        return new FormDefinition("DV-T", "DV/T", null, 1, LocalDate.of(2025, 1, 1), "Thử", "reporting", Map.of(), PeriodCut.CALENDAR,
                List.of(new FormColumn(1, List.of("I", "Ý kiến"), "Y_KIEN", null)), List.of(), List.of(), ReportPeriod.Kind.QUARTER,
                null, null, List.of(rules), List.of());
    }

    private static Map<String, BigDecimal> values(Object... pairs) {
        var map = new java.util.HashMap<String, BigDecimal>();
        for (int i = 0; i < pairs.length; i += 2) {
            map.put((String) pairs[i], new BigDecimal(String.valueOf(pairs[i + 1])));
        }
        return map;
    }

    @Test
    void aBrokenErrorRuleIsAnErrorOnTheLineOfItsFirstOperandWithBothSides() {
        var outcome = GridRules.check(form(new FormRule("TRA_LOI ≤ Y_KIEN", FormRule.Severity.ERROR, "không vượt tổng")), LINES,
                values("Y_KIEN", 10, "TRA_LOI", 12));
        assertThat(outcome.warnings()).isEmpty();
        assertThat(outcome.errors()).singleElement().satisfies(p -> {
            assertThat(p.messageKey()).isEqualTo("reporting.entry.rule-error");
            assertThat(p.args()).containsExactly(2, "Trả lời tại chỗ", "TRA_LOI", "TRA_LOI ≤ Y_KIEN", new BigDecimal("12"), "≤",
                    new BigDecimal("10"), " — không vượt tổng");
        });
    }

    @Test
    void aBrokenWarningRuleIsAWarningAndARuleThatHoldsIsNeither() {
        var outcome = GridRules.check(form(new FormRule("TONG = MO_HINH", FormRule.Severity.WARNING, null),
                new FormRule("TRA_LOI ≤ Y_KIEN", FormRule.Severity.ERROR, null)), LINES,
                values("Y_KIEN", 10, "TRA_LOI", 3, "MO_HINH.COLLECTIVE", 2, "MO_HINH.INDIVIDUAL", 4, "TONG", 5));
        assertThat(outcome.errors()).isEmpty();
        assertThat(outcome.warnings()).singleElement().satisfies(p -> {
            assertThat(p.messageKey()).isEqualTo("reporting.entry.rule-warning");
            assertThat(p.args()[0]).isEqualTo(5);
            assertThat((BigDecimal) p.args()[6]).isEqualByComparingTo("6");
        });
    }

    @Test
    void anIndicatorStandsForTheSumOfItsOptionLines() {
        assertThat(GridRules.value("MO_HINH", values("MO_HINH.COLLECTIVE", 2, "MO_HINH.INDIVIDUAL", 4))).hasValueSatisfying(
                v -> assertThat(v).isEqualByComparingTo("6"));
        assertThat(GridRules.value("MO_HINH", values("TONG", 1))).isEmpty();
    }
}
