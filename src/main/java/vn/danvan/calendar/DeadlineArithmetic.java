package vn.danvan.calendar;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import vn.danvan.shared.InvalidInputException;

/**
 * Applies one rule version to a start day: the variant's number of days (remote area, complex
 * matter), the allowed extensions, the suspended days when the version does not count them, then the
 * working-day or calendar-day count (start day not counted; a calendar period ending on a day off
 * rolls forward to the next working day, Bộ luật Dân sự 2015, Điều 148).
 */
final class DeadlineArithmetic {

    private DeadlineArithmetic() {
    }

    static Deadline compute(DeadlineRule rule, LocalDate start, boolean remote, Complexity complexity, int extensions,
                            List<DayRange> suspensions, WorkingDays days) {
        var complex = complexity != null && complexity != Complexity.NORMAL;
        Integer variant = remote && complex ? rule.remoteComplexDays() : remote ? rule.remoteDays() : complex ? rule.complexDays() : null;
        var base = variant != null ? variant : remote && complex && rule.remoteDays() != null ? rule.remoteDays() : rule.days();
        if (extensions < 0) {
            throw new InvalidInputException("extensions", "calendar.deadline.negative-extensions");
        }
        var allowed = rule.extensionDays() == null ? 0 : complexity == Complexity.ESPECIALLY_COMPLEX
                ? rule.maxExtensionsEspeciallyComplex() : complexity == Complexity.COMPLEX ? rule.maxExtensionsComplex() : 0;
        if (extensions > allowed) {
            throw new InvalidInputException("extensions", "calendar.deadline.too-many-extensions", rule.code(), allowed, extensions);
        }
        if (suspensions != null && !suspensions.isEmpty() && !rule.suspensionNotCounted()) {
            throw new InvalidInputException("suspensions", "calendar.deadline.suspension-not-allowed", rule.code(), rule.version());
        }
        var extensionDays = extensions * (rule.extensionDays() == null ? 0 : rule.extensionDays());
        var suspended = 0;
        for (var s : suspensions == null ? List.<DayRange>of() : suspensions) {
            if (s.to().isBefore(s.from())) {
                throw new InvalidInputException("suspensions", "calendar.deadline.suspension-reversed");
            }
            suspended += (int) ChronoUnit.DAYS.between(s.from(), s.to()) + 1;
        }
        // Suspended days are calendar days taken out of the period: for a working-day rule they push
        // the end by the same number of calendar days first, then the count resumes.
        DueDate computation;
        if (rule.unit() == DayUnit.WORKING && suspended > 0) {
            var first = days.due(start, base + extensionDays, DayUnit.WORKING);
            computation = days.due(first.due(), suspended, DayUnit.CALENDAR);
        } else {
            computation = days.due(start, base + extensionDays + suspended, rule.unit());
        }
        return new Deadline(rule.code(), rule.version(), start, base, rule.unit(), extensions, extensionDays, suspended,
                computation.due(), computation);
    }
}
