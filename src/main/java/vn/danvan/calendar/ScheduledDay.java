package vn.danvan.calendar;

import java.time.LocalDate;

/** A day of a year's schedule that departs from the ordinary week. */
public record ScheduledDay(LocalDate day, DayKind kind, String name, DayStatus status) {
}
