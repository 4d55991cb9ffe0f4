package vn.danvan.calendar;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** Deadline arithmetic against the bundled 2024–2027 schedules, without a database. */
class WorkingDaysTests {

    static final Map<Integer, Map<LocalDate, ScheduledDay>> BUNDLED = CalendarOnStart.bundledDays().stream()
            .filter(d -> d.status() != DayStatus.PENDING)
            .collect(Collectors.groupingBy(d -> d.day().getYear(), Collectors.toMap(ScheduledDay::day, d -> d)));

    final WorkingDays days = new WorkingDays(day -> BUNDLED.getOrDefault(day.getYear(), Map.of()));

    static LocalDate d(String iso) {
        return LocalDate.parse(iso);
    }

    @Test
    void theStartDayIsNeverCounted() {
        assertThat(days.due(d("2026-03-02"), 1, DayUnit.WORKING).due()).isEqualTo(d("2026-03-03"));
        assertThat(days.due(d("2026-03-02"), 1, DayUnit.CALENDAR).due()).isEqualTo(d("2026-03-03"));
        assertThat(days.due(d("2026-03-02"), 0, DayUnit.WORKING).due()).isEqualTo(d("2026-03-02"));
    }

    @Test
    void workingDaysSkipTheWeekendAndTheFiveDaysOfTet2026() {
        // Friday 13/02/2026; Tết Bính Ngọ: Monday 16 to Friday 20/02
        var due = days.due(d("2026-02-13"), 1, DayUnit.WORKING);
        assertThat(due.due()).isEqualTo(d("2026-02-23"));
        assertThat(due.skipped()).hasSize(5).allSatisfy(s -> assertThat(s.kind()).isEqualTo(DayKind.HOLIDAY));
    }

    @Test
    void aMakeUpSaturdayIsAWorkingDayAndASwappedFridayIsNot() {
        // 02/01/2026 swapped off, made up on Saturday 10/01/2026
        assertThat(days.isWorkingDay(d("2026-01-02"))).isFalse();
        assertThat(days.isWorkingDay(d("2026-01-10"))).isTrue();
        assertThat(days.due(d("2026-01-09"), 1, DayUnit.WORKING).due()).isEqualTo(d("2026-01-10"));
        assertThat(days.due(d("2025-12-31"), 1, DayUnit.WORKING).due()).isEqualTo(d("2026-01-05"));
    }

    @Test
    void sevenWorkingDaysOverTheSeptemberHolidays2025() {
        // Quốc khánh 2025: Monday 1/9 and Tuesday 2/9 off
        assertThat(days.due(d("2025-08-28"), 7, DayUnit.WORKING).due()).isEqualTo(d("2025-09-10"));
    }

    @Test
    void aCalendarDayPeriodEndingOnADayOffRollsForwardToTheNextWorkingDay() {
        // 06/02/2026 + 10 days = Monday 16/02/2026, first day of Tết: rolls to Monday 23/02
        var due = days.due(d("2026-02-06"), 10, DayUnit.CALENDAR);
        assertThat(due.due()).isEqualTo(d("2026-02-23"));
        // + 30 days from 01/04/2026 = Friday 01/05/2026 (holiday) -> Monday 04/05/2026
        assertThat(days.due(d("2026-04-01"), 30, DayUnit.CALENDAR).due()).isEqualTo(d("2026-05-04"));
        // + 29 days = Thursday 30/04/2026 (holiday): the block 30/04–03/05 is off, Monday 04/05
        assertThat(days.due(d("2026-04-01"), 29, DayUnit.CALENDAR).due()).isEqualTo(d("2026-05-04"));
    }

    @Test
    void aCompensatoryDayFollowsAHolidayOnASunday() {
        // Giỗ Tổ 2026 fell on Sunday 26/04; Monday 27/04 is the compensatory day
        assertThat(days.isWorkingDay(d("2026-04-27"))).isFalse();
        assertThat(days.due(d("2026-04-24"), 1, DayUnit.WORKING).due()).isEqualTo(d("2026-04-28"));
    }

    @Test
    void aPeriodOutsideTheBoundsIsRefused() {
        assertThatThrownBy(() -> days.due(d("2026-01-01"), -1, DayUnit.WORKING)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void theComputedScheduleOf2027MatchesTheScheduleDerivedFromTheLaw() {
        var lunar = new DefaultSchedule.LunarDates(d("2027-02-06"), d("2027-04-16"));
        var computed = DefaultSchedule.forYear(2027, Optional.of(lunar));
        var bundled2027 = new HashMap<>(BUNDLED.get(2027));
        assertThat(computed.keySet()).containsExactlyInAnyOrderElementsOf(bundled2027.keySet());
        computed.forEach((day, value) -> assertThat(value.kind()).as(day.toString()).isEqualTo(bundled2027.get(day).kind()));
    }

    @Test
    void theSecondNationalDayJoinsTheWeekend() {
        assertThat(DefaultSchedule.secondNationalDay(d("2025-09-02"))).isEqualTo(d("2025-09-01")); // Tuesday -> Monday
        assertThat(DefaultSchedule.secondNationalDay(d("2024-09-02"))).isEqualTo(d("2024-09-03")); // Monday -> Tuesday
        assertThat(DefaultSchedule.secondNationalDay(d("2027-09-02"))).isEqualTo(d("2027-09-03")); // Thursday -> Friday
    }
}
