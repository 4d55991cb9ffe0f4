package vn.danvan.reporting;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import vn.danvan.audit.AuditTrail;
import vn.danvan.calendar.WorkingCalendar;
import vn.danvan.form.FormDefinition;
import vn.danvan.form.ReportPeriod;
import vn.danvan.identity.CurrentUser;
import vn.danvan.identity.OrgScope;

/**
 * Reminders before a report's deadline (nhắc hạn nộp báo cáo). From N working days before a form's
 * deadline for a period (property {@code danvan.reporting.reminder-days}, default 3) until the deadline,
 * {@link #remindDue} records one SCHEDULED reminder for every expected unit of the form whose report has
 * not been sent; the key (form, period, unit, kind, day) with insert … on conflict do nothing makes it
 * safe to run every day and on several instances at once. A parent unit may remind its missing units
 * now from the completeness board (MANUAL, once a day, audited). The unit's users see the reminders of
 * reports still not sent as notices; a mail sender can later read the rows whose {@code sent_at} is null.
 */
@Service
@Transactional
public class Reminders {

    private final ReportForms forms;
    private final Completeness completeness;
    private final WorkingCalendar calendar;
    private final OrgScope scope;
    private final JdbcClient jdbc;
    private final AuditTrail audit;
    private final Clock clock;
    private final int days;

    Reminders(ReportForms forms, Completeness completeness, WorkingCalendar calendar, OrgScope scope, JdbcClient jdbc,
              AuditTrail audit, Clock clock, @Value("${danvan.reporting.reminder-days:3}") int days) {
        this.forms = forms;
        this.completeness = completeness;
        this.calendar = calendar;
        this.scope = scope;
        this.jdbc = jdbc;
        this.audit = audit;
        this.clock = clock;
        this.days = days;
    }

    /** A reminder as a unit's users see it: the form, the period, the deadline and the working days left (negative: late). */
    public record Notice(String form, String symbol, String title, String period, LocalDate due, int workingDaysLeft, String gridHref) {
    }

    /** The day from which a deadline is reminded: {@code days} working days before it. */
    LocalDate remindFrom(LocalDate due) {
        var day = due;
        for (int counted = 0; counted < days; ) {
            day = day.minusDays(1);
            if (calendar.isWorkingDay(day)) {
                counted++;
            }
        }
        return day;
    }

    /**
     * Records the scheduled reminders due on {@code today} for every reporting form (the last ended
     * period and the current one), once per form, period and unit.
     *
     * @return how many reminders were recorded now
     */
    public int remindDue(LocalDate today) {
        int recorded = 0;
        for (var latest : forms.forms()) {
            if (latest.periodKind() == null || latest.deadline() == null) {
                continue;
            }
            var last = lastEnded(latest, today);
            for (var period : List.of(last.previous(), last)) {
                var form = forms.applicable(latest.code(), period);
                var due = forms.deadline(form, period);
                if (due == null || today.isAfter(due)) {
                    continue;
                }
                var from = remindFrom(due);
                if (today.isBefore(from)) {
                    continue;
                }
                var count = insert(form, period, "/", "SCHEDULED", from, due, null, "system");
                if (count > 0) {
                    audit.record("reporting.reminders-scheduled", "reporting_reminder", form.code() + "/" + period.identifier(), null,
                            null, AuditTrail.fields("form", form.code(), "period", period.identifier(), "due", due, "units", count));
                }
                recorded += count;
            }
        }
        return recorded;
    }

    /**
     * Reminds now every unit of the subtree that has not sent its report (once a day), for a user who
     * writes for the board's unit.
     *
     * @return how many units were reminded now
     * @throws vn.danvan.shared.NotFoundException for a unit the user may not write for
     */
    public int remindNow(String formCode, String unitCode, String periodText, CurrentUser user) {
        var t = completeness.target(formCode, unitCode, periodText, user);
        scope.requireWrite(user, t.unit().id(), "unit", t.unit().code());
        var due = forms.deadline(t.form(), t.period());
        var today = LocalDate.now(clock);
        var count = insert(t.form(), t.period(), t.unit().path(), "MANUAL", today, due == null ? t.period().to() : due, t.unit().id(),
                user.username());
        audit.record("reporting.reminders-sent", "reporting_reminder", t.form().code() + "/" + t.period().identifier(), t.unit().id(),
                null, AuditTrail.fields("form", t.form().code(), "period", t.period().identifier(), "unit", t.unit().code(),
                        "units", count));
        return count;
    }

    private int insert(FormDefinition form, ReportPeriod period, String path, String kind, LocalDate remindOn, LocalDate due,
                       Long except, String by) {
        var subtree = path.equals("/") ? new String[] {"/", "0"} : new String[] {path, Completeness.rangeEnd(path)};
        return jdbc.sql("with expected as (" + Completeness.EXPECTED + """
                )
                insert into reporting_reminder (form_code, period, unit_id, kind, remind_on, due_on, created_by)
                select :form, :period, e.id, :kind, :remindOn, :due, :by
                from expected e
                where e.id <> coalesce(cast(:except as bigint), -1)
                  and not exists (select 1 from reporting_submission s
                                  where s.form_code = :form and s.period = :period and s.unit_id = e.id
                                    and s.status in ('SUBMITTED', 'APPROVED', 'ACCEPTED'))
                on conflict (form_code, period, unit_id, kind, remind_on) do nothing
                """).param("on", period.to()).param("from", subtree[0]).param("to", subtree[1])
                .param("levels", Completeness.levels(form)).param("kinds", Completeness.kinds(form))
                .param("form", form.code()).param("period", period.identifier()).param("kind", kind).param("remindOn", remindOn)
                .param("due", due).param("by", by).param("except", except).update();
    }

    /** The last period of the form's type that ended before {@code day}. */
    static ReportPeriod lastEnded(FormDefinition form, LocalDate day) {
        var p = ReportPeriod.parse(ReportForms.example(form), "period");
        var candidate = new ReportPeriod(p.kind(), day.getYear() + 1, p.kind() == ReportPeriod.Kind.TERM ? day.getYear() + 2 : 1, p.cut());
        while (!candidate.to().isBefore(day)) {
            candidate = candidate.previous();
        }
        return candidate;
    }

    /** The reminders of the user's unit whose reports are still not sent (deadlines up to 100 days ago), the nearest deadline first. */
    @Transactional(readOnly = true)
    public List<Notice> notices(CurrentUser user) {
        var today = LocalDate.now(clock);
        record Row(String formCode, String period, String unitCode, LocalDate dueOn) {
        }
        var rows = jdbc.sql("""
                select distinct r.form_code, r.period, u.code as unit_code, r.due_on
                from reporting_reminder r
                join org_unit u on u.id = r.unit_id
                where r.unit_id = :unit and r.remind_on <= cast(:today as date) and r.due_on >= cast(:today as date) - 100
                  and not exists (select 1 from reporting_submission s
                                  where s.form_code = r.form_code and s.period = r.period and s.unit_id = r.unit_id
                                    and s.status in ('SUBMITTED', 'APPROVED', 'ACCEPTED'))
                order by r.due_on, r.form_code
                """).param("unit", user.homeUnitId()).param("today", today).query(Row.class).list();
        var result = new ArrayList<Notice>();
        var seen = new LinkedHashSet<String>();
        for (var r : rows) {
            if (!seen.add(r.formCode() + "/" + r.period())) {
                continue;
            }
            var form = forms.applicable(r.formCode(), ReportPeriod.parse(r.period(), "period"));
            result.add(new Notice(form.code(), form.symbol(), form.title(), r.period(), r.dueOn(),
                    calendar.workingDaysBetween(today, r.dueOn()), Completeness.gridHref(form.code(), r.unitCode(), r.period())));
        }
        return result;
    }
}
