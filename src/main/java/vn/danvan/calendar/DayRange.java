package vn.danvan.calendar;

import java.time.LocalDate;

public record DayRange(LocalDate from, LocalDate to) {
}
