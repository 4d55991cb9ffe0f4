package vn.danvan.form;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class ReportPeriodStepTests {

    private static String previous(String id) {
        return ReportPeriod.parse(id, "period").previous().identifier();
    }

    @Test
    void thePreviousPeriodIsTheOneOfTheSameKindJustBefore() {
        assertThat(previous("2026Q1")).isEqualTo("2025Q4");
        assertThat(previous("2026Q3")).isEqualTo("2026Q2");
        assertThat(previous("202601")).isEqualTo("202512");
        assertThat(previous("2026S1")).isEqualTo("2025S2");
        assertThat(previous("2026S2")).isEqualTo("2026S1");
        assertThat(previous("2026")).isEqualTo("2025");
        assertThat(previous("2026TTQ1")).isEqualTo("2025TTQ4");
        assertThat(previous("2021-2026")).isEqualTo("2016-2021");
    }

    @Test
    void theDaysOfAQuarterOrAnInspectionQuarterNameThatPeriodAndOtherDaysNone() {
        assertThat(ReportPeriod.covering(ReportPeriod.Kind.QUARTER, PeriodCut.CALENDAR, LocalDate.of(2026, 1, 1),
                LocalDate.of(2026, 3, 31))).map(ReportPeriod::identifier).contains("2026Q1");
        assertThat(ReportPeriod.covering(ReportPeriod.Kind.QUARTER, PeriodCut.INSPECTION, LocalDate.of(2025, 12, 15),
                LocalDate.of(2026, 3, 14))).map(ReportPeriod::identifier).contains("2026TTQ1");
        assertThat(ReportPeriod.covering(ReportPeriod.Kind.QUARTER, PeriodCut.CALENDAR, LocalDate.of(2026, 1, 1),
                LocalDate.of(2026, 3, 30))).isEmpty();
        assertThat(ReportPeriod.covering(ReportPeriod.Kind.TERM, PeriodCut.CALENDAR, LocalDate.of(2016, 1, 1),
                LocalDate.of(2021, 12, 31))).map(ReportPeriod::identifier).contains("2016-2021");
    }
}
