package vn.danvan.calendar;

import java.time.LocalDate;

public record DeadlineRule(String code, int version, LocalDate effectiveFrom, LocalDate effectiveTo, String nameVi, String nameEn,
                           int days, DayUnit unit, String startEvent, Integer remoteDays, Integer complexDays,
                           Integer remoteComplexDays, Integer extensionDays, int maxExtensionsComplex,
                           int maxExtensionsEspeciallyComplex, boolean suspensionNotCounted, String source) {
}
