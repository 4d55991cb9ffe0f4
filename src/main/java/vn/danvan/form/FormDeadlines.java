package vn.danvan.form;

import java.time.LocalDate;
import org.springframework.stereotype.Service;
import vn.danvan.calendar.DayUnit;
import vn.danvan.calendar.WorkingCalendar;

/**
 * The submission deadline of a periodic report: N days after the period's last day, counted as
 * working days on the Vietnamese working-day calendar or as calendar days (a calendar deadline that
 * falls on a day off rolls forward, as the Civil Code says).
 */
@Service
public class FormDeadlines {

    private final WorkingCalendar calendar;

    FormDeadlines(WorkingCalendar calendar) {
        this.calendar = calendar;
    }

    /** @return null when the form sets no deadline */
    public LocalDate due(FormDefinition form, ReportPeriod period) {
        var deadline = form.deadline();
        if (deadline == null) {
            return null;
        }
        return calendar.due(period.to(), deadline.days(), deadline.workingDays() ? DayUnit.WORKING : DayUnit.CALENDAR).due();
    }
}
