package vn.danvan.reporting;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import vn.danvan.form.ReportPeriod;
import vn.danvan.reporting.NarrativeTemplate.Figure;
import vn.danvan.reporting.NarrativeTemplate.Paragraph;
import vn.danvan.reporting.NarrativeTemplate.Style;
import vn.danvan.reporting.NarrativeTemplate.Table;
import vn.danvan.reporting.NarrativeTemplate.Text;
import vn.danvan.reporting.NarrativeTemplate.Variable;
import vn.danvan.reporting.NarrativeTemplate.Variant;
import vn.danvan.shared.InvalidInputException.Problem;

class NarrativeTemplateTests {

    static final Set<String> KNOWN = Set.of("LUOT_TIEP_CONG_DAN", "DON_TIEP_NHAN", "DVK_DANG_KY");

    @Test
    void readsHeadingsItemsFiguresVariablesAndTablesInOrder() {
        var problems = new ArrayList<Problem>();
        var template = NarrativeTemplate.parse("""
                # 1. Tiếp công dân

                Trong {{period}}, {{unit}} tiếp {{LUOT_TIEP_CONG_DAN}} lượt
                ({{ LUOT_TIEP_CONG_DAN | change }} so với {{previousPeriod}}: {{LUOT_TIEP_CONG_DAN|prev}}).

                - Đơn thư: {{DON_TIEP_NHAN}}.

                {{table: DON_TIEP_NHAN, DVK_DANG_KY}}
                """, KNOWN, "body", problems);

        assertThat(problems).isEmpty();
        assertThat(template.blocks()).hasSize(4);
        assertThat(template.blocks().get(0)).isEqualTo(new Paragraph(Style.HEADING, List.of(new Text("1. Tiếp công dân"))));
        var body = (Paragraph) template.blocks().get(1);
        assertThat(body.style()).isEqualTo(Style.NORMAL);
        assertThat(body.pieces()).containsExactly(new Text("Trong "), new Variable("period"), new Text(", "), new Variable("unit"),
                new Text(" tiếp "), new Figure("LUOT_TIEP_CONG_DAN", Variant.VALUE), new Text(" lượt ("),
                new Figure("LUOT_TIEP_CONG_DAN", Variant.CHANGE), new Text(" so với "), new Variable("previousPeriod"),
                new Text(": "), new Figure("LUOT_TIEP_CONG_DAN", Variant.PREV), new Text(")."));
        assertThat(((Paragraph) template.blocks().get(2)).style()).isEqualTo(Style.INDENTED);
        assertThat(template.blocks().get(3)).isEqualTo(new Table(List.of("DON_TIEP_NHAN", "DVK_DANG_KY")));
        assertThat(template.indicators()).containsExactly("LUOT_TIEP_CONG_DAN", "DON_TIEP_NHAN", "DVK_DANG_KY");
    }

    @Test
    void namesEveryUnknownIndicatorBadVariantAndUnclosedPlaceholder() {
        var problems = new ArrayList<Problem>();
        NarrativeTemplate.parse("""
                Tiếp {{KHONG_CO}} lượt, {{DON_TIEP_NHAN|tong}} đơn, {{chữ thường}}.

                Thiếu dấu đóng {{DON_TIEP_NHAN

                {{table:DVK_DANG_KY,CHUA_CO}}
                """, KNOWN, "body", problems);

        assertThat(problems).extracting(Problem::field).containsOnly("body");
        assertThat(problems).extracting(Problem::messageKey).containsExactly(
                "reporting.narrative.unknown-indicator", "reporting.narrative.variant", "reporting.narrative.placeholder",
                "reporting.narrative.unclosed", "reporting.narrative.unknown-indicator");
        assertThat(problems.get(0).args()).containsExactly("KHONG_CO");
        assertThat(problems.get(4).args()).containsExactly("CHUA_CO");
    }

    @Test
    void labelsPeriodsAsVietnameseReportsWriteThem() {
        assertThat(NarrativeReports.label(ReportPeriod.parse("2026Q1", "p"))).isEqualTo("quý I năm 2026");
        assertThat(NarrativeReports.label(ReportPeriod.parse("2025Q4", "p"))).isEqualTo("quý IV năm 2025");
        assertThat(NarrativeReports.label(ReportPeriod.parse("2026S1", "p"))).isEqualTo("6 tháng đầu năm 2026");
        assertThat(NarrativeReports.label(ReportPeriod.parse("2026N9", "p"))).isEqualTo("9 tháng đầu năm 2026");
        assertThat(NarrativeReports.label(ReportPeriod.parse("202603", "p"))).isEqualTo("tháng 3 năm 2026");
        assertThat(NarrativeReports.label(ReportPeriod.parse("2021-2025", "p"))).isEqualTo("giai đoạn 2021 - 2025");
        assertThat(NarrativeReports.label(ReportPeriod.parse("2026TT", "p")))
                .isEqualTo("năm 2026 (kỳ báo cáo ngành thanh tra)");
    }

    @Test
    void writesNumbersWithVietnameseMarksAndTheChangeFromTheSamePeriodLastYear() {
        assertThat(NarrativeReports.number(new BigDecimal("38500"))).isEqualTo("38.500");
        assertThat(NarrativeReports.number(new BigDecimal("1234.5"))).isEqualTo("1.234,5");
        assertThat(NarrativeReports.change(result(new BigDecimal("110"), new BigDecimal("100"), new BigDecimal("10.0"))))
                .isEqualTo("tăng 10%");
        assertThat(NarrativeReports.change(result(new BigDecimal("87"), new BigDecimal("100"), new BigDecimal("-13.0"))))
                .isEqualTo("giảm 13%");
        assertThat(NarrativeReports.change(result(new BigDecimal("5"), new BigDecimal("5"), BigDecimal.ZERO))).isEqualTo("bằng");
        assertThat(NarrativeReports.change(result(new BigDecimal("7"), BigDecimal.ZERO, null))).isEqualTo("tăng 7");
        assertThat(NarrativeReports.change(result(new BigDecimal("7"), null, null))).isEqualTo("chưa có số liệu cùng kỳ");
    }

    static AggregateResult result(BigDecimal now, BigDecimal before, BigDecimal change) {
        return new AggregateResult("X", "X", ValueType.INTEGER, Aggregation.SUM, new AggregateResult.UnitRef("20", "Tỉnh Lạng Sơn"),
                "2026Q1", null, null, null, AggregateMode.RESTATED, "", now, null, List.of(), 1, "2025Q1", before, change);
    }

    @Test
    void aSectionsParagraphGathersTheUnitsTextsOfAKnownSectionWhateverItsCase() {
        var problems = new ArrayList<Problem>();
        var template = NarrativeTemplate.parse("""
                # II. Hạn chế

                {{ sections : HAN_CHE }}

                {{sections:khong_co}}
                """, KNOWN, Set.of("ket_qua", "han_che"), "body", problems);

        assertThat(template.blocks().get(1)).isEqualTo(new NarrativeTemplate.Sections("han_che"));
        assertThat(problems).hasSize(1);
        assertThat(problems.get(0).messageKey()).isEqualTo("reporting.narrative.unknown-section");
        assertThat(problems.get(0).args()).containsExactly("khong_co", "han_che, ket_qua");
    }

    @Test
    void aTableOrSectionsInsideOtherTextIsRefusedAsItStandsForWholeParagraphs() {
        var problems = new ArrayList<Problem>();
        NarrativeTemplate.parse("Kết quả: {{sections:ket_qua}} và {{table:DON_TIEP_NHAN}}.", KNOWN, Set.of("ket_qua"), "body", problems);

        assertThat(problems).extracting(Problem::messageKey).containsExactly("reporting.narrative.whole-paragraph",
                "reporting.narrative.whole-paragraph");
    }

    @Test
    void eachPieceKnowsWhereItStandsInTheParagraph() {
        var text = "Tiếp {{LUOT_TIEP_CONG_DAN}} lượt tại {{unit}}.";
        var located = NarrativeTemplate.located(text, KNOWN, "file", new ArrayList<>());

        assertThat(located).extracting(l -> text.substring(l.start(), l.end()))
                .containsExactly("Tiếp ", "{{LUOT_TIEP_CONG_DAN}}", " lượt tại ", "{{unit}}", ".");
        assertThat(located.get(1).piece()).isEqualTo(new Figure("LUOT_TIEP_CONG_DAN", Variant.VALUE));
    }
}
