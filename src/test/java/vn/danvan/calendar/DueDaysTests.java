package vn.danvan.calendar;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Working days left counted in one walk give, for every due date, what the day-by-day count gives. */
class DueDaysTests {

    final WorkingDays days = new WorkingDays(day -> WorkingDaysTests.BUNDLED.getOrDefault(day.getYear(), java.util.Map.of()));

    @Test
    void everyDueDateGetsTheCountOfTheDayByDayWalkOverdueOrAhead() {
        var today = LocalDate.parse("2026-02-13"); // the Friday before Tết Bính Ngọ
        var dues = new ArrayList<LocalDate>();
        for (var day = LocalDate.parse("2024-01-01"); day.isBefore(LocalDate.parse("2027-12-31")); day = day.plusDays(3)) {
            dues.add(day);
        }
        dues.add(today);
        dues.add(null);
        var walk = new DueDays(today, dues, days::isWorkingDay);
        for (var due : dues) {
            if (due != null) {
                assertThat(walk.workingDaysLeft(due)).as(due.toString()).isEqualTo(WorkingCalendar.between(today, due, days::isWorkingDay));
            }
        }
        assertThat(walk.workingDaysLeft(today)).isZero();
        assertThat(walk.workingDaysLeft(LocalDate.parse("2026-02-23"))).as("Tết is not counted").isEqualTo(1);
        assertThat(walk.workingDaysLeft(LocalDate.parse("2026-02-12"))).as("a day overdue").isEqualTo(-1);
    }

    @Test
    void aDateOutsideTheWalkIsCountedOnItsOwn() {
        var today = LocalDate.parse("2026-03-02");
        var walk = new DueDays(today, List.of(LocalDate.parse("2026-03-09")), days::isWorkingDay);
        for (var due : List.of(LocalDate.parse("2025-12-31"), LocalDate.parse("2026-04-30"), LocalDate.parse("2026-03-05"))) {
            assertThat(walk.workingDaysLeft(due)).as(due.toString()).isEqualTo(WorkingCalendar.between(today, due, days::isWorkingDay));
        }
        assertThat(walk.workingDaysLeft(LocalDate.parse("2026-03-09"))).isEqualTo(5);
        assertThat(new DueDays(today, List.of(), days::isWorkingDay).workingDaysLeft(today)).isZero();
    }

    @Test
    void aWalkCutAtItsBoundStillCountsTodaysDistanceToEveryDate() {
        var today = LocalDate.parse("2026-03-02");
        var ancient = today.minusDays(WorkingDays.MAX_DAYS * 2L + 400);
        var walk = new DueDays(today, List.of(ancient, today.plusDays(10)), days::isWorkingDay);
        assertThat(walk.workingDaysLeft(ancient)).isEqualTo(WorkingCalendar.between(today, ancient, days::isWorkingDay)).isNegative();
        assertThat(walk.workingDaysLeft(today.plusDays(10))).isEqualTo(WorkingCalendar.between(today, today.plusDays(10), days::isWorkingDay));
    }
}
