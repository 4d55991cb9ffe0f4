package vn.danvan.form;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Reporting periods on calendar months and on the inspection sector's months (15th to 14th). */
class ReportPeriodTests {

    @ParameterizedTest(name = "{0} {2} of {1} ({3}) = {4} … {5}")
    @CsvSource(textBlock = """
            MONTH,       2026,  1, CALENDAR,   2026-01-01, 2026-01-31
            MONTH,       2024,  2, CALENDAR,   2024-02-01, 2024-02-29
            MONTH,       2026,  1, INSPECTION, 2025-12-15, 2026-01-14
            MONTH,       2026,  7, INSPECTION, 2026-06-15, 2026-07-14
            QUARTER,     2026,  1, CALENDAR,   2026-01-01, 2026-03-31
            QUARTER,     2026,  1, INSPECTION, 2025-12-15, 2026-03-14
            QUARTER,     2026,  2, INSPECTION, 2026-03-15, 2026-06-14
            QUARTER,     2026,  4, INSPECTION, 2026-09-15, 2026-12-14
            SIX_MONTHS,  2026,  1, CALENDAR,   2026-01-01, 2026-06-30
            SIX_MONTHS,  2026,  1, INSPECTION, 2025-12-15, 2026-06-14
            NINE_MONTHS, 2026,  1, INSPECTION, 2025-12-15, 2026-09-14
            NINE_MONTHS, 2026,  1, CALENDAR,   2026-01-01, 2026-09-30
            YEAR,        2026,  1, CALENDAR,   2026-01-01, 2026-12-31
            YEAR,        2026,  1, INSPECTION, 2025-12-15, 2026-12-14
            """)
    void aPeriodCoversItsDays(ReportPeriod.Kind kind, int year, int index, PeriodCut cut, LocalDate from, LocalDate to) {
        var period = new ReportPeriod(kind, year, index, cut);
        assertThat(period.from()).isEqualTo(from);
        assertThat(period.to()).isEqualTo(to);
    }

    @ParameterizedTest
    @CsvSource({"MONTH, 13", "QUARTER, 5", "YEAR, 2", "MONTH, 0"})
    void anIndexOutsideThePeriodKindIsRefused(ReportPeriod.Kind kind, int index) {
        assertThatThrownBy(() -> new ReportPeriod(kind, 2026, index, PeriodCut.CALENDAR)).isInstanceOf(IllegalArgumentException.class);
    }
}
