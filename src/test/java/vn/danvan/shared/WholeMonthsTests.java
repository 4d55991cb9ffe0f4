package vn.danvan.shared;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class WholeMonthsTests {

    @ParameterizedTest(name = "{0}–{1}: head {2}–{3}, months {4}–{5}, tail {6}–{7}")
    @CsvSource(nullValues = "-", value = {
            // a calendar year: twelve whole months
            "2025-01-01, 2025-12-31, -, -, 2025-01-01, 2025-12-01, -, -",
            // the inspection sector's year, cut on the 15th
            "2024-12-15, 2025-12-14, 2024-12-15, 2024-12-31, 2025-01-01, 2025-11-01, 2025-12-01, 2025-12-14",
            // a year not yet over: up to today
            "2026-01-01, 2026-11-30, -, -, 2026-01-01, 2026-11-01, -, -",
            "2026-01-01, 2026-11-23, -, -, 2026-01-01, 2026-10-01, 2026-11-01, 2026-11-23",
            // inside one month, and across a month's end without a whole month
            "2025-03-05, 2025-03-20, 2025-03-05, 2025-03-20, -, -, -, -",
            "2025-03-05, 2025-04-20, 2025-03-05, 2025-04-20, -, -, -, -",
            // February of a leap year, whole
            "2024-02-01, 2024-02-29, -, -, 2024-02-01, 2024-02-01, -, -",
            // one day
            "2025-06-30, 2025-06-30, 2025-06-30, 2025-06-30, -, -, -, -"})
    void aPeriodIsItsWholeMonthsAndThePartialMonthsAtItsEnds(LocalDate from, LocalDate until, LocalDate headFrom,
            LocalDate headUntil, LocalDate firstMonth, LocalDate lastMonth, LocalDate tailFrom, LocalDate tailUntil) {
        var cut = WholeMonths.of(from, until);
        assertThat(cut.head()).isEqualTo(headFrom == null ? Optional.empty() : Optional.of(new WholeMonths.Days(headFrom, headUntil)));
        assertThat(cut.firstMonth()).isEqualTo(firstMonth);
        assertThat(cut.lastMonth()).isEqualTo(lastMonth);
        assertThat(cut.hasMonths()).isEqualTo(firstMonth != null);
        assertThat(cut.tail()).isEqualTo(tailFrom == null ? Optional.empty() : Optional.of(new WholeMonths.Days(tailFrom, tailUntil)));
    }

    @ParameterizedTest
    @CsvSource({"2025-03-05, 2025-03-04", "2025-01-01, 2024-12-31"})
    void aReversedPeriodHasNothing(LocalDate from, LocalDate until) {
        var cut = WholeMonths.of(from, until);
        assertThat(cut.head()).isEmpty();
        assertThat(cut.hasMonths()).isFalse();
        assertThat(cut.tail()).isEmpty();
    }
}
