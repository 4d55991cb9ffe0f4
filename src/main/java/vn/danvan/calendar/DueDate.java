package vn.danvan.calendar;

import java.time.LocalDate;
import java.util.List;

/**
 * The end of a period: {@code due} is the last day to act; {@code skipped} are the days off met
 * on the way (and the days rolled over for a calendar-day period), so that the result can be
 * explained.
 */
public record DueDate(LocalDate from, int days, DayUnit unit, LocalDate due, List<ScheduledDay> skipped) {
}
