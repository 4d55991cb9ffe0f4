package vn.danvan.form;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import vn.danvan.shared.InvalidInputException;

/** The parts of a definition a periodic report adds: rules over its lines, deadline, reporters, narratives. */
class ReportFormDefinitionRulesTests {

    private static final Set<String> MEASURES = Set.of("A", "B", "C", "OTHER", "M", "M.X", "M.Y");

    private static FormDefinition form(List<FormRule> rules, FormDeadline deadline, List<FormNarrative> narratives) {
        var columns = List.of(
                new FormColumn(1, List.of("I. Mục", "Tổng"), "A", null),
                new FormColumn(2, List.of("I. Mục", "Phần B"), "B", null),
                new FormColumn(3, List.of("I. Mục", "Phần C"), "C", null),
                new FormColumn(4, List.of("II. Mục", "M theo X"), "M.X", null));
        return new FormDefinition("DV-T", "DV/T", null, 1, LocalDate.of(2025, 1, 1), "Báo cáo thử", "reporting", Map.of(),
                PeriodCut.CALENDAR, columns, List.of(), List.of(), ReportPeriod.Kind.QUARTER, deadline,
                new FormReporters(List.of("COMMUNE"), List.of()), rules, narratives);
    }

    private static List<String> problems(FormDefinition d) {
        try {
            FormDefinitionRules.check(d, MEASURES);
            return List.of();
        } catch (InvalidInputException e) {
            return e.problems().stream().map(p -> p.field() + ":" + p.messageKey() + ":" + List.of(p.args())).toList();
        }
    }

    @Test
    void rulesOverTheFormsLinesAndAnIndicatorStandingForItsOptionLinesAreAccepted() {
        var d = form(List.of(new FormRule("A = B + C", FormRule.Severity.ERROR, null),
                new FormRule("0 ≤ M ≤ 100", FormRule.Severity.WARNING, "tỷ lệ")), new FormDeadline(10, true),
                List.of(new FormNarrative("ket_qua", "Kết quả đạt được")));
        assertThat(problems(d)).isEmpty();
        assertThat(d.parsedRules()).hasSize(2);
    }

    @Test
    void aRuleNamingAnUnknownIndicatorIsRefusedNamingIt() {
        var d = form(List.of(new FormRule("A ≥ KHONG_CO", FormRule.Severity.ERROR, null)), null, List.of());
        assertThat(problems(d)).containsExactly("rules:form.definition.rule-operand-unknown:[A ≥ KHONG_CO, KHONG_CO]");
    }

    @Test
    void aRuleNamingAKnownIndicatorWithoutALineOnTheFormIsRefused() {
        var d = form(List.of(new FormRule("A ≥ OTHER", FormRule.Severity.WARNING, null)), null, List.of());
        assertThat(problems(d)).containsExactly("rules:form.definition.rule-operand-not-on-form:[A ≥ OTHER, OTHER]");
    }

    @Test
    void anUnreadableRuleADeadlineOutOfRangeAndARepeatedNarrativeAreEachNamed() {
        var d = form(List.of(new FormRule("A +", FormRule.Severity.ERROR, null)), new FormDeadline(400, false),
                List.of(new FormNarrative("ket_qua", "Kết quả"), new FormNarrative("ket_qua", "Lặp")));
        assertThat(problems(d)).extracting(p -> p.substring(0, p.indexOf(':', p.indexOf(':') + 1)))
                .containsExactlyInAnyOrder("rules:form.definition.rule-unreadable", "deadline:form.definition.deadline-range",
                        "narratives:form.definition.narrative-key");
    }

    @Test
    void theBundledFormsConstructorLeavesTheReportingPartsEmpty() {
        var d = new FormDefinition("01-XLD", "01/XLD", "02/2021/TT-TTCP", 1, LocalDate.of(2021, 1, 1), "Xử lý đơn", "petition",
                Map.of(), PeriodCut.INSPECTION, List.of(), List.of(), List.of());
        assertThat(d.rules()).isEmpty();
        assertThat(d.narratives()).isEmpty();
        assertThat(d.periodKind()).isNull();
        assertThat(d.deadline()).isNull();
    }
}
