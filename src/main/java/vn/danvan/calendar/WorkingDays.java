package vn.danvan.calendar;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Map;
import java.util.function.Function;

/**
 * Deadline arithmetic over a schedule of days off: pure rules, no database.
 *
 * <ul>
 *   <li>A day is a working day when it is Monday–Friday and not a holiday, compensatory or swapped
 *       day off, or when it is a make-up working day.</li>
 *   <li>N working days from D: the N-th working day after D (D itself is never counted).</li>
 *   <li>N calendar days from D: D + N, and if that is a day off, the next working day (Bộ luật
 *       Dân sự 2015, Điều 148 khoản 5).</li>
 * </ul>
 */
final class WorkingDays {

    /** A bound on any period, so that a wrong input cannot loop for ever (about 27 years). */
    static final int MAX_DAYS = 10_000;

    private final Function<LocalDate, Map<LocalDate, ScheduledDay>> scheduleOfYear;

    /** @param scheduleOfYear the days departing from the ordinary week in the year of the given day */
    WorkingDays(Function<LocalDate, Map<LocalDate, ScheduledDay>> scheduleOfYear) {
        this.scheduleOfYear = scheduleOfYear;
    }

    boolean isWorkingDay(LocalDate day) {
        var scheduled = scheduleOfYear.apply(day).get(day);
        if (scheduled != null) {
            return !scheduled.kind().off();
        }
        return day.getDayOfWeek() != DayOfWeek.SATURDAY && day.getDayOfWeek() != DayOfWeek.SUNDAY;
    }

    DueDate due(LocalDate from, int days, DayUnit unit) {
        if (days < 0 || days > MAX_DAYS) {
            throw new IllegalArgumentException("days out of range: " + days);
        }
        var skipped = new ArrayList<ScheduledDay>();
        var day = from;
        if (unit == DayUnit.WORKING) {
            int counted = 0;
            while (counted < days) {
                day = day.plusDays(1);
                if (isWorkingDay(day)) {
                    counted++;
                } else {
                    note(day, skipped);
                }
            }
        } else {
            day = from.plusDays(days);
            while (days > 0 && !isWorkingDay(day)) {
                note(day, skipped);
                day = day.plusDays(1);
            }
        }
        return new DueDate(from, days, unit, day, skipped);
    }

    private void note(LocalDate day, ArrayList<ScheduledDay> skipped) {
        var scheduled = scheduleOfYear.apply(day).get(day);
        if (scheduled != null) {
            skipped.add(scheduled);
        }
    }
}
