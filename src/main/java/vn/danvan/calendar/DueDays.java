package vn.danvan.calendar;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.Collection;
import java.util.function.Predicate;

/**
 * Working days left from one day to many due dates, counted in one walk over the calendar: a list of
 * 200 items with deadlines years overdue walked the calendar day by day for each item
 * ({@link LegalDeadlines#workingDaysLeft}); here every day between the earliest and the latest date is
 * looked at once, and each item's count is a difference of two running totals.
 */
public final class DueDays {

    private final LocalDate today;
    private final LocalDate first;
    /** working[i]: working days in (first, first + i]. */
    private final int[] working;
    private final Predicate<LocalDate> isWorkingDay;

    DueDays(LocalDate today, Collection<LocalDate> dues, Predicate<LocalDate> isWorkingDay) {
        this.today = today;
        this.isWorkingDay = isWorkingDay;
        var min = today;
        var max = today;
        for (var due : dues) {
            if (due == null) {
                continue;
            }
            if (due.isBefore(min)) {
                min = due;
            }
            if (due.isAfter(max)) {
                max = due;
            }
        }
        first = min;
        var span = (int) Math.min(ChronoUnit.DAYS.between(min, max), WorkingDays.MAX_DAYS * 2L);
        working = new int[span + 1];
        var day = min;
        for (int i = 1; i <= span; i++) {
            day = day.plusDays(1);
            working[i] = working[i - 1] + (isWorkingDay.test(day) ? 1 : 0);
        }
    }

    /** Working days from today (exclusive) to {@code due} (inclusive); negative: working days overdue. */
    public int workingDaysLeft(LocalDate due) {
        var at = ChronoUnit.DAYS.between(first, due);
        var from = ChronoUnit.DAYS.between(first, today);
        if (at < 0 || at >= working.length || from >= working.length) {
            // a date not given when the walk was made, or a walk cut at its bound: counted on its own
            return WorkingCalendar.between(today, due, isWorkingDay);
        }
        return working[(int) at] - working[(int) from];
    }
}
