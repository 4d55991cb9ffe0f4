package vn.danvan.calendar;

import java.time.LocalDate;

public record Deadline(String rule, int ruleVersion, LocalDate start, int days, DayUnit unit, int extensions, int extensionDays,
                       int suspendedDays, LocalDate due, DueDate computation) {
}
